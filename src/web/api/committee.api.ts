import { queryOptions } from '@tanstack/react-query';
import type {
  CommitteeView,
  ManageView,
  MeetingBody,
  MeetingUpdateBody,
  MeetingView,
  MemberView,
  MinutesBody,
  NewMemberBody,
  PersonOption,
  SurveyThemeOptions,
} from '../../contracts/committee.js';
import { api } from './client.js';

export type { MeetingView, MemberView, PersonOption };

/** Where each call of the committee contract goes (src/contracts/committee.ts). */
const BASE = '/api/v1/committee';
const MANAGE = `${BASE}/manage`;

export const committeeKeys = {
  all: ['committee'] as const,
  view: ['committee', 'view'] as const,
  manage: ['committee', 'manage'] as const,
  meeting: (id: string) => ['committee', 'meeting', id] as const,
  themes: ['committee', 'themes'] as const,
};

export const committeeQuery = queryOptions({
  queryKey: committeeKeys.view,
  queryFn: () => api.get<CommitteeView>(BASE),
});

export const manageCommitteeQuery = queryOptions({
  queryKey: committeeKeys.manage,
  queryFn: () => api.get<ManageView>(MANAGE),
});

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: committeeKeys.meeting(id),
    queryFn: () => api.get<MeetingView>(`${BASE}/meetings/${encodeURIComponent(id)}`),
  });

export const surveyThemesQuery = queryOptions({
  queryKey: committeeKeys.themes,
  queryFn: () => api.get<SurveyThemeOptions>(`${MANAGE}/survey-themes`),
});

/** The directory search of the pickers (the agency-wide wellbeing admin's). */
export function searchPeople(q: string, signal?: AbortSignal): Promise<{ items: PersonOption[] }> {
  return api.get<{ items: PersonOption[] }>(`${MANAGE}/people`, { q }, signal ? { signal } : {});
}

export const addMember = (body: NewMemberBody, idempotencyKey?: string) =>
  api.post<MemberView>(`${MANAGE}/members`, body, { idempotencyKey });
export const removeMember = (id: string) => api.delete<{ ok: true }>(`${MANAGE}/members/${encodeURIComponent(id)}`);
export const scheduleMeeting = (body: MeetingBody, idempotencyKey?: string) =>
  api.post<MeetingView>(`${MANAGE}/meetings`, body, { idempotencyKey });
export const updateMeeting = (id: string, body: MeetingUpdateBody) =>
  api.put<MeetingView>(`${MANAGE}/meetings/${encodeURIComponent(id)}`, body);
export const saveMinutes = (id: string, body: MinutesBody) =>
  api.put<MeetingView>(`${MANAGE}/meetings/${encodeURIComponent(id)}/minutes`, body);
export const publishMinutes = (id: string) =>
  api.post<MeetingView>(`${MANAGE}/meetings/${encodeURIComponent(id)}/minutes/publish`, { reviewed: true });
