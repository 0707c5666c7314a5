import { Worker } from 'node:worker_threads';
import { computeViews, type ComputedViews, type ComputeInput } from './survey-results-compute.js';

/**
 * Where a survey's results are computed. The engine takes seconds for a survey of a hundred
 * units and more for larger ones, all of it synchronous: on the server's own thread that would
 * stall every request meanwhile. So anything but a small survey goes to a worker thread of its
 * own (one per closing; closings are rare), and the job runner awaits it like any other I/O.
 */

/** Tally rows from which a worker is worth its start-up (tens of milliseconds): below, inline. */
export const WORKER_FROM_TALLIES = 2_000;

export function computeSurveyViews(input: ComputeInput, workerFrom = WORKER_FROM_TALLIES): Promise<ComputedViews> {
  if (input.table.tallies.length < workerFrom) return Promise.resolve(computeViews(input));
  return new Promise((resolve, reject) => {
    // Built, the worker is dist's .js; from the sources (tests, tsx) it is TypeScript, which a
    // worker loads once tsx's loader is registered in it.
    const fromSource = import.meta.url.endsWith('.ts');
    const script = new URL(`./survey-results-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
    const worker = fromSource
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`,
          { eval: true, workerData: input },
        )
      : new Worker(script, { workerData: input });
    let done = false;
    worker.once('message', (views: ComputedViews) => {
      done = true;
      resolve(views);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the survey results worker stopped (exit code ${code}) before answering`));
    });
  });
}
