/**
 * The jobs module's public surface: the durable job runner, and the queue functions other modules
 * call inside their own transaction (transactional outbox: the job exists iff the change committed).
 */
export { JobRunner, type JobHandler, type PeriodicTask } from './job-runner.js';
export { enqueueJob, enqueueJobs, wipeJobPayload, type NewJob } from './jobs.repository.js';
