/*
 * The queue functions other modules call inside their own transaction. The queries live in
 * jobs.repository.ts; other modules import them from jobs/index.ts (this file remains for callers
 * not yet moved to the index, and can go once none is left).
 */
export { enqueueJob, enqueueJobs, wipeJobPayload, type NewJob } from './jobs.repository.js';
