/**
 * The counselling module's public surface: counsellor coverage (who a request for help or a shared
 * result can reach) and the counsellors' urgent queue. It owns no table: coverage reads the org
 * directory's read model, and requests for help are help's (changed through `CrisisService`).
 */
export { CounsellorCoverage } from './coverage.service.js';
export type { CounsellorRow } from './coverage.repository.js';
export { UrgentQueueService, URGENT_QUEUE_LIMIT } from './urgent-queue.service.js';
