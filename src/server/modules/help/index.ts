/**
 * The help module's public surface: help contacts, "please contact me" requests for help and the
 * watch on their outbox. It owns `help_contacts` and `crisis_requests`; counselling and
 * assessments read and change requests only through `CrisisService`.
 */
export { HelpContactsService, type OutreachSetting } from './help-contacts.service.js';
export { CrisisService, type CrisisSource, type NewCrisisRequest } from './crisis.service.js';
export { crisisOutboxState, watchCrisisOutbox, type CrisisOutboxState } from './crisis-outbox-watch.js';
export type { CrisisQuery, CrisisRequestRow, CrisisStatusFilter } from './crisis-requests.repository.js';
