/** The surveys module's public surface: anonymous climate surveys. */
export { SurveyService, type SurveyDeps } from './surveys.service.js';
