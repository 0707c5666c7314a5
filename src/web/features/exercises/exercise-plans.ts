/**
 * The guided exercises and their timing (docs/decisions/034-psycho-education-library.md). Pure:
 * the player asks where a run stands after so many milliseconds, so the timing is tested with a
 * controlled clock and a paused run resumes exactly where it stopped.
 *
 * Box breathing (4-4-4-4) and 4-7-8 breathing follow their usual published counts; the 5-4-3-2-1
 * grounding and the short body scan give each step a calm, fixed time (the person may move on
 * sooner). Nothing here is stored or sent anywhere.
 */

export const EXERCISE_IDS = ['box-breathing', 'breathing-478', 'grounding-54321', 'body-scan'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

/** What a step asks of the person: breathing phases scale the circle, guided steps do not. */
export type StepKind = 'inhale' | 'hold' | 'exhale' | 'guide';

export interface Step {
  /** The message key suffix under `exercises.steps.` that names the step. */
  key: string;
  kind: StepKind;
  seconds: number;
}

export interface ExercisePlan {
  id: ExerciseId;
  /** One round; a run repeats it. */
  steps: readonly Step[];
  /** The rounds a person may choose, and the one chosen unless they change it. */
  roundOptions: readonly number[];
  defaultRounds: number;
  /** Breathing exercises show the growing and shrinking circle. */
  breathing: boolean;
}

export const EXERCISES: Record<ExerciseId, ExercisePlan> = {
  'box-breathing': {
    id: 'box-breathing',
    steps: [
      { key: 'inhale', kind: 'inhale', seconds: 4 },
      { key: 'hold_full', kind: 'hold', seconds: 4 },
      { key: 'exhale', kind: 'exhale', seconds: 4 },
      { key: 'hold_empty', kind: 'hold', seconds: 4 },
    ],
    roundOptions: [4, 6, 8],
    defaultRounds: 4,
    breathing: true,
  },
  'breathing-478': {
    id: 'breathing-478',
    steps: [
      { key: 'inhale_nose', kind: 'inhale', seconds: 4 },
      { key: 'hold_full', kind: 'hold', seconds: 7 },
      { key: 'exhale_mouth', kind: 'exhale', seconds: 8 },
    ],
    roundOptions: [2, 4, 6],
    defaultRounds: 4,
    breathing: true,
  },
  'grounding-54321': {
    id: 'grounding-54321',
    steps: [
      { key: 'see5', kind: 'guide', seconds: 40 },
      { key: 'touch4', kind: 'guide', seconds: 35 },
      { key: 'hear3', kind: 'guide', seconds: 30 },
      { key: 'smell2', kind: 'guide', seconds: 25 },
      { key: 'taste1', kind: 'guide', seconds: 20 },
    ],
    roundOptions: [1, 2],
    defaultRounds: 1,
    breathing: false,
  },
  'body-scan': {
    id: 'body-scan',
    steps: [
      { key: 'scan_settle', kind: 'guide', seconds: 30 },
      { key: 'scan_feet', kind: 'guide', seconds: 25 },
      { key: 'scan_legs', kind: 'guide', seconds: 25 },
      { key: 'scan_belly', kind: 'guide', seconds: 25 },
      { key: 'scan_chest', kind: 'guide', seconds: 25 },
      { key: 'scan_hands', kind: 'guide', seconds: 25 },
      { key: 'scan_shoulders', kind: 'guide', seconds: 25 },
      { key: 'scan_face', kind: 'guide', seconds: 25 },
      { key: 'scan_whole', kind: 'guide', seconds: 30 },
      { key: 'scan_return', kind: 'guide', seconds: 20 },
    ],
    roundOptions: [1],
    defaultRounds: 1,
    breathing: false,
  },
};

export function isExerciseId(value: unknown): value is ExerciseId {
  return typeof value === 'string' && (EXERCISE_IDS as readonly string[]).includes(value);
}

/** Seconds one round takes. */
export function roundSeconds(plan: ExercisePlan): number {
  return plan.steps.reduce((sum, s) => sum + s.seconds, 0);
}

/** Seconds the whole run takes. */
export function totalSeconds(plan: ExercisePlan, rounds: number): number {
  return roundSeconds(plan) * rounds;
}

export interface Position {
  /** 0-based round. */
  round: number;
  /** Index of the step within the round. */
  stepIndex: number;
  step: Step;
  /** Whole seconds left in this step, as a countdown shows them: 4, 3, 2, 1. */
  remaining: number;
  /** A number that changes exactly when a new step starts (round × steps + step). */
  sequence: number;
  /** How far into the step, 0 to 1 (what the breathing circle follows). */
  fraction: number;
  done: boolean;
}

/** Where a run of `rounds` rounds stands after `elapsedMs` of running time. */
export function positionAt(plan: ExercisePlan, rounds: number, elapsedMs: number): Position {
  const perRound = roundSeconds(plan) * 1000;
  const last = plan.steps.length - 1;
  if (elapsedMs >= perRound * rounds) {
    return {
      round: rounds - 1,
      stepIndex: last,
      step: plan.steps[last] as Step,
      remaining: 0,
      sequence: rounds * plan.steps.length,
      fraction: 1,
      done: true,
    };
  }
  const at = Math.max(0, elapsedMs);
  const round = Math.floor(at / perRound);
  let within = at - round * perRound;
  for (let i = 0; i < plan.steps.length; i++) {
    const step = plan.steps[i] as Step;
    const length = step.seconds * 1000;
    if (within < length) {
      return {
        round,
        stepIndex: i,
        step,
        remaining: Math.ceil((length - within) / 1000),
        sequence: round * plan.steps.length + i,
        fraction: within / length,
        done: false,
      };
    }
    within -= length;
  }
  /* c8 ignore next */
  throw new Error('unreachable: elapsed time within the round');
}

/** The running time at which the step after the current one starts ("next" in a guided exercise). */
export function startOfNextStep(plan: ExercisePlan, elapsedMs: number): number {
  const perRound = roundSeconds(plan) * 1000;
  const roundStart = Math.floor(Math.max(0, elapsedMs) / perRound) * perRound;
  let end = roundStart;
  for (const step of plan.steps) {
    end += step.seconds * 1000;
    if (end > elapsedMs) break;
  }
  return end;
}
