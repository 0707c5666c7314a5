import { describe, expect, it } from 'vitest';
import { EXERCISES, positionAt, startOfNextStep, totalSeconds } from './exercise-plans.js';

const box = EXERCISES['box-breathing'];
const b478 = EXERCISES['breathing-478'];

/** The step and countdown at each whole second of a run. */
function timeline(plan: typeof box, rounds: number) {
  const seconds = totalSeconds(plan, rounds);
  return Array.from({ length: seconds }, (_, s) => {
    const p = positionAt(plan, rounds, s * 1000);
    return `${p.step.key}:${p.remaining}`;
  });
}

describe('exercise timing', () => {
  it('box breathing is 4 s in, 4 s hold, 4 s out, 4 s hold, per round', () => {
    expect(timeline(box, 1)).toEqual([
      ...['inhale:4', 'inhale:3', 'inhale:2', 'inhale:1'],
      ...['hold_full:4', 'hold_full:3', 'hold_full:2', 'hold_full:1'],
      ...['exhale:4', 'exhale:3', 'exhale:2', 'exhale:1'],
      ...['hold_empty:4', 'hold_empty:3', 'hold_empty:2', 'hold_empty:1'],
    ]);
    expect(totalSeconds(box, 4)).toBe(64);
  });

  it('4-7-8 breathing is 4 s in, 7 s hold, 8 s out', () => {
    const line = timeline(b478, 1);
    expect(line.filter((s) => s.startsWith('inhale_nose'))).toHaveLength(4);
    expect(line.filter((s) => s.startsWith('hold_full'))).toHaveLength(7);
    expect(line.filter((s) => s.startsWith('exhale_mouth'))).toHaveLength(8);
    expect(positionAt(b478, 4, 3_999).step.key).toBe('inhale_nose');
    expect(positionAt(b478, 4, 4_000)).toMatchObject({ stepIndex: 1, remaining: 7 });
    expect(positionAt(b478, 4, 11_000)).toMatchObject({ stepIndex: 2, remaining: 8 });
    expect(positionAt(b478, 4, 19_000)).toMatchObject({ round: 1, stepIndex: 0, remaining: 4, sequence: 3 });
  });

  it('counts down in whole seconds within a step and ends after the last round', () => {
    expect(positionAt(box, 2, 0)).toMatchObject({ remaining: 4, sequence: 0, done: false });
    expect(positionAt(box, 2, 999).remaining).toBe(4);
    expect(positionAt(box, 2, 1_000).remaining).toBe(3);
    expect(positionAt(box, 2, 31_999)).toMatchObject({ round: 1, stepIndex: 3, remaining: 1, done: false });
    expect(positionAt(box, 2, 32_000)).toMatchObject({ done: true, remaining: 0 });
  });

  it('moves a guided exercise on to the start of its next step', () => {
    const grounding = EXERCISES['grounding-54321'];
    expect(startOfNextStep(grounding, 0)).toBe(40_000);
    expect(startOfNextStep(grounding, 39_999)).toBe(40_000);
    expect(startOfNextStep(grounding, 40_000)).toBe(75_000);
    expect(positionAt(grounding, 1, 75_000).step.key).toBe('hear3');
  });

  it('keeps the body scan between three and five minutes', () => {
    const seconds = totalSeconds(EXERCISES['body-scan'], 1);
    expect(seconds).toBeGreaterThanOrEqual(180);
    expect(seconds).toBeLessThanOrEqual(300);
  });
});
