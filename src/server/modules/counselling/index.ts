/**
 * The counselling module's public surface: counsellor coverage (who a request for help or a shared
 * result can reach), the counsellors' urgent queue and their caseload. It owns no table: coverage
 * reads the org directory's read model, requests for help are help's (changed through
 * `CrisisService`), and the caseload asks each owner of a client's record through its service.
 */
export { CounsellorCoverage } from './coverage.service.js';
export type { CounsellorRow } from './coverage.repository.js';
export { UrgentQueueService, URGENT_QUEUE_LIMIT } from './urgent-queue.service.js';
export { CaseloadService } from './caseload.service.js';
