import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  BoardSuggestion,
  ManagedSuggestion,
  ManagedSuggestionList,
  SuggestionBoard,
  SuggestionReleases,
  SuggestionSendBody,
} from '../../contracts/suggestions.js';
import type { SuggestionTopic } from '../../domain/suggestions/release.js';
import { api } from './client.js';

export type { BoardSuggestion, ManagedSuggestion, ManagedSuggestionList, SuggestionBoard, SuggestionReleases };
export type { SuggestionTopic };

export const SUGGESTION_PATHS = {
  send: '/api/v1/me/suggestions',
  board: '/api/v1/suggestions/board',
  manage: '/api/v1/suggestions',
  releases: '/api/v1/suggestions/releases',
  reply: (id: string) => `/api/v1/suggestions/${id}/reply`,
  hide: (id: string) => `/api/v1/suggestions/${id}/hide`,
  unhide: (id: string) => `/api/v1/suggestions/${id}/unhide`,
} as const;

const listQuery = (topic: SuggestionTopic | '', page: number) => ({ ...(topic ? { topic } : {}), page });

/** The public board of the agency (docs/decisions/052-suggestion-box.md). */
export const suggestionBoardQuery = (topic: SuggestionTopic | '', page: number) =>
  queryOptions({
    queryKey: ['suggestions', 'board', topic, page] as const,
    queryFn: () => api.get<SuggestionBoard>(SUGGESTION_PATHS.board, listQuery(topic, page)),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** The wellbeing team's list, hidden suggestions included. */
export const managedSuggestionsQuery = (topic: SuggestionTopic | '', page: number) =>
  queryOptions({
    queryKey: ['suggestions', 'manage', topic, page] as const,
    queryFn: () => api.get<ManagedSuggestionList>(SUGGESTION_PATHS.manage, listQuery(topic, page)),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const suggestionReleasesQuery = queryOptions({
  queryKey: ['suggestions', 'releases'] as const,
  queryFn: () => api.get<SuggestionReleases>(SUGGESTION_PATHS.releases),
  staleTime: 0,
});

/** A retried send carries the same key, and the server stores it once. */
export function sendSuggestion(body: SuggestionSendBody, key: string): Promise<unknown> {
  return api.post(SUGGESTION_PATHS.send, body, { idempotencyKey: key });
}

export function releaseSuggestions(key: string): Promise<{ released: number }> {
  return api.post(SUGGESTION_PATHS.releases, {}, { idempotencyKey: key });
}

export function replyToSuggestion(id: string, reply: string, key: string): Promise<unknown> {
  return api.put(SUGGESTION_PATHS.reply(id), { reply }, { idempotencyKey: key });
}

export function hideSuggestion(id: string, reason: string, key: string): Promise<unknown> {
  return api.post(SUGGESTION_PATHS.hide(id), { reason }, { idempotencyKey: key });
}

export function unhideSuggestion(id: string, key: string): Promise<unknown> {
  return api.post(SUGGESTION_PATHS.unhide(id), undefined, { idempotencyKey: key });
}
