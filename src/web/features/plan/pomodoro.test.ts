import { describe, expect, it } from 'vitest';
import { advance, formatLeft, INITIAL, parseStored, pause, skip, start, timeLeft } from './pomodoro.js';

const MIN = 60_000;

describe('the Pomodoro timer', () => {
  it('counts from the start moment, so a reload finds the right time left', () => {
    const running = start(INITIAL, 1_000_000);
    const reloaded = parseStored(JSON.stringify(running));
    expect(timeLeft(reloaded, 1_000_000 + 10 * MIN)).toBe(15 * MIN);
    expect(formatLeft(timeLeft(reloaded, 1_000_000 + 10 * MIN + 500))).toBe('15:00');
  });

  it('runs 25/5 with a long break after the fourth focus round', () => {
    let s = start(INITIAL, 0);
    const phases: string[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      now += (s.phase === 'focus' ? 25 : s.phase === 'short' ? 5 : 15) * MIN;
      const r = advance(s, now);
      expect(r.ended).toBe(1);
      s = r.state;
      phases.push(`${s.phase}${s.round}`);
    }
    expect(phases).toEqual(['short1', 'focus2', 'short2', 'focus3', 'short3', 'focus4', 'long4', 'focus1']);
  });

  it('catches up over phases that ended while the page was closed', () => {
    const r = advance(start(INITIAL, 0), 31 * MIN);
    expect(r.ended).toBe(2);
    expect(r.state).toMatchObject({ phase: 'focus', round: 2 });
    expect(timeLeft(r.state, 31 * MIN)).toBe(24 * MIN);
  });

  it('pauses, resumes and skips, and honours adjusted lengths', () => {
    const custom = { ...INITIAL, settings: { focus: 50, short: 10, long: 20, notify: false } };
    const paused = pause(start(custom, 0), 20 * MIN);
    expect(timeLeft(paused, 99 * MIN)).toBe(30 * MIN);
    const resumed = start(paused, 100 * MIN);
    expect(timeLeft(resumed, 110 * MIN)).toBe(20 * MIN);
    expect(skip(resumed, 110 * MIN)).toMatchObject({ phase: 'short', startedAt: 110 * MIN });
  });

  it('falls back to the defaults for a stored value that is not its own', () => {
    expect(parseStored('not json')).toEqual(INITIAL);
    expect(parseStored(JSON.stringify({ phase: 'focus', settings: { focus: 0 } }))).toEqual(INITIAL);
  });
});
