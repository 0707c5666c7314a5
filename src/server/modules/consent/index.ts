/**
 * The consent module's public surface (docs/decisions/042-counselling-consent.md): a client's
 * consents to their counsellors (it owns `counselling_consents`) and the client's record for their
 * counsellor. Other modules ask `ConsentService.isActive` / `activeClientsOf` before each read a
 * consent guards.
 */
export { ConsentService, ACCESS_LOG_AREAS, ACCESS_LOG_ACTIONS } from './consent.service.js';
export { TimelineService } from './timeline.service.js';
