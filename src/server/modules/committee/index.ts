/**
 * The committee module's public surface (docs/decisions/053-committee-and-focus-groups.md). It owns
 * `committee_members` and `committee_meetings`, and the messenger focus groups send through.
 */
export { CommitteeService } from './committee.service.js';
export { GatheringMessenger, type GatheringKind, type GatheringMessage } from './gathering-messages.js';
export { isValidLink, loadSurveyThemes, themeLabel, type SurveyThemes } from './survey-themes.js';
export { searchPeople } from './committee.repository.js';
