/** The campaigns module's public surface: screening campaigns and their statistics. */
export { CampaignService, type CampaignDeps } from './campaigns.service.js';
/** A wellbeing admin's unit scope and the agency facts it rests on; climate surveys share them. */
export { CampaignScope } from './campaign-scope.js';
export { agencyFacts, agencyUnits, type AgencyUnit } from './agency-facts.js';
/** The recipient and once-only checks of campaign messages; survey invitations and reminders use the same. */
export { findExistingJobKeys, findRecipient, notificationExists } from './campaign-members.repository.js';
