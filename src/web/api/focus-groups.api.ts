import { queryOptions } from '@tanstack/react-query';
import type {
  AnswerBody,
  FocusGroupBody,
  FocusGroupList,
  FocusGroupRunView,
  FocusGroupView,
  InviteBody,
  InviteResult,
} from '../../contracts/focus-groups.js';
import { api } from './client.js';

export type { FocusGroupRunView, FocusGroupView };

/** Where each call of the focus-groups contract goes (src/contracts/focus-groups.ts). */
const BASE = '/api/v1/focus-groups';
const MANAGE = `${BASE}/manage`;
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const focusGroupKeys = {
  all: ['focus-groups'] as const,
  list: ['focus-groups', 'list'] as const,
  manage: ['focus-groups', 'manage'] as const,
  one: (id: string) => ['focus-groups', 'one', id] as const,
  run: (id: string) => ['focus-groups', 'run', id] as const,
};

export const focusGroupsQuery = queryOptions({
  queryKey: focusGroupKeys.list,
  queryFn: () => api.get<FocusGroupList>(BASE),
});

export const manageFocusGroupsQuery = queryOptions({
  queryKey: focusGroupKeys.manage,
  queryFn: () => api.get<FocusGroupList>(MANAGE),
});

export const focusGroupQuery = (id: string) =>
  queryOptions({ queryKey: focusGroupKeys.one(id), queryFn: () => api.get<FocusGroupView>(one(id)) });

/** Who accepted: only the facilitator and the admin get it (404 for anyone else). */
export const focusGroupRunQuery = (id: string) =>
  queryOptions({ queryKey: focusGroupKeys.run(id), queryFn: () => api.get<FocusGroupRunView>(`${one(id)}/run`) });

export const answerInvitation = (id: string, body: AnswerBody, idempotencyKey?: string) =>
  api.post<FocusGroupView>(`${one(id)}/answer`, body, { idempotencyKey });
export const saveSummary = (id: string, summary: string) =>
  api.put<FocusGroupRunView>(`${one(id)}/summary`, { summary });
export const publishSummary = (id: string) =>
  api.post<FocusGroupRunView>(`${one(id)}/summary/publish`, { reviewed: true });
export const createFocusGroup = (body: FocusGroupBody, idempotencyKey?: string) =>
  api.post<FocusGroupRunView>(MANAGE, body, { idempotencyKey });
export const inviteToFocusGroup = (id: string, body: InviteBody, idempotencyKey?: string) =>
  api.post<InviteResult>(`${MANAGE}/${encodeURIComponent(id)}/invitations`, body, { idempotencyKey });
export const cancelFocusGroup = (id: string) =>
  api.post<FocusGroupRunView>(`${MANAGE}/${encodeURIComponent(id)}/cancel`);
