import { parentPort, workerData } from 'node:worker_threads';
import { computeViews, type ComputeInput } from './survey-results-compute.js';

/** A worker thread computing one survey's views (survey-results-runner.ts starts it). */
parentPort?.postMessage(computeViews(workerData as ComputeInput));
