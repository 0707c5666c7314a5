import { z } from 'zod';
import { pageOf, requiredText } from './common.js';
import { SUGGESTION_LIMITS, SUGGESTION_TOPICS } from '../domain/suggestions/release.js';

/**
 * The anonymous suggestion box (docs/decisions/052-suggestion-box.md). A suggestion, once sent,
 * carries no person and no time finer than its release week; no schema here has a field that
 * could put a person beside a text, and there is no route to "my suggestions".
 */
export { SUGGESTION_TOPICS };
export const suggestionTopic = z.enum(SUGGESTION_TOPICS, { message: 'suggestion_topic' });

export const suggestionSendBody = z.object({
  topic: suggestionTopic.nullable().optional(),
  text: requiredText(SUGGESTION_LIMITS.textMaxLength),
});
export type SuggestionSendBody = z.infer<typeof suggestionSendBody>;

export const suggestionParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });

export const suggestionListQuery = z.object({
  topic: suggestionTopic.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type SuggestionListQuery = z.infer<typeof suggestionListQuery>;

export const suggestionReplyBody = z.object({ reply: requiredText(SUGGESTION_LIMITS.replyMaxLength) });
export const suggestionHideBody = z.object({ reason: requiredText(SUGGESTION_LIMITS.reasonMaxLength) });

/** A suggestion on the public board: masked text, topic, its release week and the public reply. */
export const boardSuggestion = z.object({
  id: z.string(),
  topic: suggestionTopic.nullable(),
  text: z.string(),
  /** Monday of the release week: the only date a suggestion has. */
  weekOf: z.string(),
  reply: z.string().nullable(),
});
export type BoardSuggestion = z.infer<typeof boardSuggestion>;
export const suggestionBoard = pageOf(boardSuggestion).extend({
  /** The agency's k: the fewest suggestions a release holds (for the page's explanation). */
  threshold: z.number().int(),
  perDay: z.number().int(),
});
export type SuggestionBoard = z.infer<typeof suggestionBoard>;

/** The wellbeing team's view adds whether it is hidden and why. */
export const managedSuggestion = boardSuggestion.extend({ hiddenReason: z.string().nullable() });
export type ManagedSuggestion = z.infer<typeof managedSuggestion>;
export const managedSuggestionList = pageOf(managedSuggestion);
export type ManagedSuggestionList = z.infer<typeof managedSuggestionList>;

/** Releases, newest first, with how many suggestions of each topic each held (no topic: `none`). */
export const suggestionReleases = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      weekOf: z.string(),
      count: z.number().int(),
      topics: z.array(z.object({ topic: suggestionTopic.nullable(), count: z.number().int() })),
    }),
  ),
  /** Whether at least k suggestions wait, so that "release now" would release them. */
  releasable: z.boolean(),
  threshold: z.number().int(),
});
export type SuggestionReleases = z.infer<typeof suggestionReleases>;

export const suggestionReleaseResult = z.object({ released: z.number().int() });
