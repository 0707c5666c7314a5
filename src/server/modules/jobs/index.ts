/** The jobs module's public surface: the durable runner and the transactional enqueue. */
export { JobRunner, type JobHandler, type PeriodicTask } from './job-runner.js';
export { enqueueJob, enqueueJobs, type NewJob } from './job-queue.js';
