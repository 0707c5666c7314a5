/** The suggestions module's public surface: the anonymous suggestion box (decision 052). */
export { SuggestionService, type SuggestionDeps } from './suggestions.service.js';
