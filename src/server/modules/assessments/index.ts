/**
 * The assessments module's public surface: a person's results, drafts, shares and consent records
 * (it owns `assessment_drafts`, `assessment_results`, `consents`, `result_shares`). Other modules
 * read and change them only through these services.
 */
export { AssessmentService } from './assessments.service.js';
export { DraftService } from './drafts.service.js';
export { SharingService } from './sharing.service.js';
export { openAnswers, openResult } from './results.presenter.js';
export type { DraftRow, ResultRow } from './assessments.repository.js';
