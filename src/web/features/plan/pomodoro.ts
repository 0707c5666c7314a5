/**
 * The Pomodoro timer's state (docs/decisions/035-self-care-and-plan.md). It keeps the moment the
 * current phase started, never a counter, so a reload, a sleeping phone or a background tab finds
 * the right time left: the time left is always worked out from the clock.
 */
export type Phase = 'focus' | 'short' | 'long';

export interface PomodoroSettings {
  focus: number;
  short: number;
  long: number;
  notify: boolean;
}

export interface PomodoroState {
  settings: PomodoroSettings;
  phase: Phase;
  /** 1–4: the focus round the person is in (a long break comes after the fourth). */
  round: number;
  /** When the running phase started (ms since the epoch); null when paused or not started. */
  startedAt: number | null;
  /** Milliseconds left when paused; null when running or not started. */
  pausedLeft: number | null;
}

export const DEFAULT_SETTINGS: PomodoroSettings = { focus: 25, short: 5, long: 15, notify: false };
export const INITIAL: PomodoroState = {
  settings: DEFAULT_SETTINGS,
  phase: 'focus',
  round: 1,
  startedAt: null,
  pausedLeft: null,
};
export const STORAGE_KEY = 'teduh.pomodoro';

export function phaseMs(state: Pick<PomodoroState, 'settings' | 'phase'>): number {
  return state.settings[state.phase] * 60_000;
}

/** The phase after this one: a short break after rounds 1–3, a long one after the fourth. */
export function nextPhase(state: PomodoroState): Pick<PomodoroState, 'phase' | 'round'> {
  if (state.phase === 'focus') return { phase: state.round >= 4 ? 'long' : 'short', round: state.round };
  return { phase: 'focus', round: state.phase === 'long' ? 1 : state.round + 1 };
}

/**
 * The state at `now`: a running timer whose phase has ended moves on to the next phase, which
 * starts when the last one ended (so however long the page was closed, the phases line up).
 * Answers how many phases ended.
 */
export function advance(state: PomodoroState, now: number): { state: PomodoroState; ended: number } {
  let s = state;
  let ended = 0;
  while (s.startedAt !== null && now - s.startedAt >= phaseMs(s) && ended < 100) {
    const end = s.startedAt + phaseMs(s);
    s = { ...s, ...nextPhase(s), startedAt: end };
    ended++;
  }
  return { state: s, ended };
}

export function timeLeft(state: PomodoroState, now: number): number {
  if (state.pausedLeft !== null) return state.pausedLeft;
  if (state.startedAt === null) return phaseMs(state);
  return Math.max(0, phaseMs(state) - (now - state.startedAt));
}

export function start(state: PomodoroState, now: number): PomodoroState {
  const left = state.pausedLeft ?? phaseMs(state);
  return { ...state, startedAt: now - (phaseMs(state) - left), pausedLeft: null };
}

export function pause(state: PomodoroState, now: number): PomodoroState {
  return { ...state, pausedLeft: timeLeft(state, now), startedAt: null };
}

export function skip(state: PomodoroState, now: number): PomodoroState {
  const running = state.startedAt !== null;
  return { ...state, ...nextPhase(state), startedAt: running ? now : null, pausedLeft: null };
}

/** A stored state, or the initial one when there is none or it is not ours. */
export function parseStored(text: string | null): PomodoroState {
  if (!text) return INITIAL;
  try {
    const v = JSON.parse(text) as Partial<PomodoroState>;
    const settings = { ...DEFAULT_SETTINGS, ...(v.settings ?? {}) };
    const minutesOk = (['focus', 'short', 'long'] as const).every(
      (k) => Number.isInteger(settings[k]) && settings[k] >= 1 && settings[k] <= 120,
    );
    if (!minutesOk || !['focus', 'short', 'long'].includes(String(v.phase))) return INITIAL;
    return {
      settings,
      phase: v.phase as Phase,
      round: Math.min(4, Math.max(1, Number(v.round) || 1)),
      startedAt: typeof v.startedAt === 'number' ? v.startedAt : null,
      pausedLeft: typeof v.pausedLeft === 'number' ? v.pausedLeft : null,
    };
  } catch {
    return INITIAL;
  }
}

export function formatLeft(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
