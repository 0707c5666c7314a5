import { useCallback, useEffect, useState } from 'react';
import { positionAt, startOfNextStep, type ExercisePlan, type Position } from './exercise-plans.js';

export type RunStatus = 'idle' | 'running' | 'paused' | 'done';

interface RunState {
  status: RunStatus;
  /** Running time banked before the current stretch (pauses excluded). */
  banked: number;
  /** Date.now() when the current running stretch began. */
  since: number;
}

const IDLE: RunState = { status: 'idle', banked: 0, since: 0 };

/**
 * A run of an exercise against the wall clock: the position is computed from the time that has
 * passed (not counted ticks), so a slow or throttled timer never stretches a phase, and a
 * controlled clock in a test moves it exactly. The timer only asks React to look again.
 */
export function useExerciseRun(plan: ExercisePlan, rounds: number) {
  const [run, setRun] = useState<RunState>(IDLE);
  const [now, setNow] = useState(() => Date.now());

  const elapsed = run.status === 'running' ? run.banked + Math.max(0, now - run.since) : run.banked;
  const position: Position = positionAt(plan, rounds, elapsed);
  // A run that has reached its end is done; nothing needs to be stored for that.
  const status: RunStatus = run.status === 'running' && position.done ? 'done' : run.status;

  useEffect(() => {
    if (status !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [status]);

  const start = useCallback(() => {
    const t = Date.now();
    setNow(t);
    setRun({ status: 'running', banked: 0, since: t });
  }, []);

  const pause = useCallback(() => {
    const t = Date.now();
    setNow(t);
    setRun((r) => (r.status === 'running' ? { status: 'paused', banked: r.banked + (t - r.since), since: t } : r));
  }, []);

  const resume = useCallback(() => {
    const t = Date.now();
    setNow(t);
    setRun((r) => (r.status === 'paused' ? { ...r, status: 'running', since: t } : r));
  }, []);

  const stop = useCallback(() => setRun(IDLE), []);

  /** Moves on to the next step at once (guided exercises let the person go at their own pace). */
  const next = useCallback(() => {
    const t = Date.now();
    setNow(t);
    setRun((r) => {
      const at = r.status === 'running' ? r.banked + (t - r.since) : r.banked;
      return { ...r, banked: startOfNextStep(plan, at), since: t };
    });
  }, [plan]);

  return { status, elapsed, position, start, pause, resume, stop, next };
}
