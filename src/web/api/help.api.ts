import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContactRequestBody } from '../../contracts/help.js';
import type {
  helpContactList,
  helpRequestCreated,
  outreachSettingView,
  OwnHelpRequestList,
} from '../../contracts/help.js';
import { api } from './client.js';
import type { HelpContactView } from '../../contracts/help.js';

export type HelpContactList = z.infer<typeof helpContactList>;
export type HelpRequestCreated = z.infer<typeof helpRequestCreated>;
export type OutreachSetting = z.infer<typeof outreachSettingView>;
export type OwnHelpRequest = OwnHelpRequestList['items'][number];
export type { OwnHelpRequestList };
export type { ContactRequestBody, HelpContactView };

/** Where each call of the help contract goes (src/contracts/help.ts). */
export const HELP_PATHS = {
  contacts: '/api/v1/help/contacts',
  requests: '/api/v1/help/requests',
  myRequests: '/api/v1/help/requests/mine',
  adminContacts: '/api/v1/agency/help-contacts',
  adminContact: (id: string) => `/api/v1/agency/help-contacts/${id}`,
  outreach: '/api/v1/agency/outreach',
} as const;

/** The prefix of the contacts people see, signed in or out: what an admin's change makes stale. */
export const helpContactsKey = ['help-contacts'] as const;

/**
 * The contacts a person sees: signed out the national defaults, signed in their agency's list.
 * The session's person id is part of the key so signing in or out reads them again.
 */
export const helpContactsQuery = (personId: string | null) =>
  queryOptions({
    queryKey: [...helpContactsKey, personId] as const,
    queryFn: () => api.get<HelpContactList>(HELP_PATHS.contacts),
    staleTime: 5 * 60_000,
    // Asked even offline: the service worker answers with the copy on the device
    // (docs/decisions/032-check-ins.md).
    networkMode: 'offlineFirst',
  });

export function sendHelpRequest(body: ContactRequestBody & { submissionKey: string }): Promise<HelpRequestCreated> {
  return api.post<HelpRequestCreated>(HELP_PATHS.requests, body, { idempotencyKey: body.submissionKey });
}

/**
 * Where the person's own requests for help stand, newest first. Read fresh on each visit and every
 * minute while the home is open, so "a counsellor is on it" shows without a reload.
 */
export const myHelpRequestsQuery = queryOptions({
  queryKey: ['help-requests', 'mine'] as const,
  queryFn: () => api.get<OwnHelpRequestList>(HELP_PATHS.myRequests),
  staleTime: 0,
  refetchInterval: 60_000,
});

/* The agency admin's side: the agency's contacts and the disclosed safety outreach switch. */

export const adminHelpContactsQuery = queryOptions({
  queryKey: ['admin-help-contacts'] as const,
  queryFn: () => api.get<{ items: HelpContactView[] }>(HELP_PATHS.adminContacts),
  staleTime: 0,
});

export const outreachQuery = queryOptions({
  queryKey: ['outreach'] as const,
  queryFn: () => api.get<OutreachSetting>(HELP_PATHS.outreach),
  staleTime: 0,
});

export function createHelpContact(body: Record<string, unknown>, key: string): Promise<HelpContactView> {
  return api.post<HelpContactView>(HELP_PATHS.adminContacts, body, { idempotencyKey: key });
}

export function updateHelpContact(id: string, body: Record<string, unknown>, key: string): Promise<HelpContactView> {
  return api.patch<HelpContactView>(HELP_PATHS.adminContact(id), body, { idempotencyKey: key });
}

/** Switched off, not deleted: a national preset can be switched on again. */
export function deactivateHelpContact(id: string, key: string): Promise<HelpContactView> {
  return api.delete<HelpContactView>(HELP_PATHS.adminContact(id), { idempotencyKey: key });
}

export function saveOutreach(on: boolean, key: string): Promise<OutreachSetting> {
  return api.put<OutreachSetting>(HELP_PATHS.outreach, { disclosedSafetyOutreach: on }, { idempotencyKey: key });
}
