import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  ClientTimeline,
  ConsentList,
  ConsentView,
  CounsellingAccessLog,
  CounsellorConsentList,
  GrantBody,
  GrantOptions,
  MeasureSeries,
} from '../../contracts/consent.js';
import { api } from './client.js';

export type {
  ClientTimeline,
  ConsentList,
  ConsentView,
  CounsellingAccessLog,
  CounsellorConsentList,
  GrantBody,
  GrantOptions,
  MeasureSeries,
};

/** Where each call of the consent contract goes (src/contracts/consent.ts). */
export const CONSENT_PATHS = {
  consents: '/api/v1/me/counselling/consents',
  options: '/api/v1/me/counselling/consent-options',
  revoke: (id: string) => `/api/v1/me/counselling/consents/${encodeURIComponent(id)}/revoke`,
  accessLog: '/api/v1/me/counselling/access-log',
  counsellorConsents: '/api/v1/counselling/consents',
  timeline: (clientId: string) => `/api/v1/counselling/clients/${encodeURIComponent(clientId)}/timeline`,
} as const;

export const consentKeys = {
  all: ['consent'] as const,
  mine: ['consent', 'mine'] as const,
  options: ['consent', 'options'] as const,
  accessLog: ['consent', 'access-log'] as const,
  counsellor: ['consent', 'counsellor'] as const,
  timeline: (clientId: string) => ['consent', 'timeline', clientId] as const,
};

export const myConsentsQuery = queryOptions({
  queryKey: consentKeys.mine,
  queryFn: () => api.get<ConsentList>(CONSENT_PATHS.consents),
});

export const grantOptionsQuery = queryOptions({
  queryKey: consentKeys.options,
  queryFn: () => api.get<GrantOptions>(CONSENT_PATHS.options),
});

export const counsellingAccessLogQuery = infiniteQueryOptions({
  queryKey: consentKeys.accessLog,
  queryFn: ({ pageParam }) =>
    api.get<CounsellingAccessLog>(CONSENT_PATHS.accessLog, { limit: 20, cursor: pageParam ?? undefined }),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
  staleTime: 0,
});

export const counsellorConsentsQuery = queryOptions({
  queryKey: consentKeys.counsellor,
  queryFn: () => api.get<CounsellorConsentList>(CONSENT_PATHS.counsellorConsents),
});

/** The client's record; every read is audited, so it is never refetched behind the counsellor's back. */
export const clientTimelineQuery = (clientId: string) =>
  queryOptions({
    queryKey: consentKeys.timeline(clientId),
    queryFn: () => api.get<ClientTimeline>(CONSENT_PATHS.timeline(clientId)),
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
  });

/** Gives a consent; the key goes with a retry, so it is stored once. */
export function grantConsent(body: GrantBody, idempotencyKey: string): Promise<ConsentView> {
  return api.post<ConsentView>(CONSENT_PATHS.consents, body, { idempotencyKey });
}

export function revokeConsent(id: string): Promise<ConsentView> {
  return api.post<ConsentView>(CONSENT_PATHS.revoke(id), {});
}
