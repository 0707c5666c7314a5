import { queryOptions } from '@tanstack/react-query';
import type {
  ApprovalBody,
  CounsellorReferralBody,
  CounsellorReferralList,
  CounsellorReferralView,
  LetterField,
  ReferralClients,
  ReferralList,
  ReferralScore,
  ReferralView,
  ScoreChoices,
  SelfReferralBody,
  StatusBody,
} from '../../contracts/referrals.js';
import { api } from './client.js';

export type {
  LetterField,
  ApprovalBody,
  CounsellorReferralBody,
  CounsellorReferralView,
  ReferralScore,
  ReferralView,
  ScoreChoices,
  SelfReferralBody,
  StatusBody,
};

/** Where each call of the referrals contract goes (src/contracts/referrals.ts). */
export const REFERRAL_PATHS = {
  mine: '/api/v1/referrals',
  scores: '/api/v1/referrals/scores',
  one: (id: string) => `/api/v1/referrals/${encodeURIComponent(id)}`,
  /** The letter: a plain link with `download` (the server sends it as an attachment, never cached). */
  letter: (id: string) => `/api/v1/referrals/${encodeURIComponent(id)}/letter.pdf`,
  counsellor: '/api/v1/counsellor/referrals',
  clients: '/api/v1/counsellor/referrals/clients',
} as const;

export const referralKeys = {
  all: ['referrals'] as const,
  mine: ['referrals', 'mine'] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  scores: ['referrals', 'scores'] as const,
  counsellor: ['referrals', 'counsellor'] as const,
  clients: ['referrals', 'clients'] as const,
};

export const myReferralsQuery = queryOptions({
  queryKey: referralKeys.mine,
  queryFn: () => api.get<ReferralList>(REFERRAL_PATHS.mine),
});

export const referralQuery = (id: string) =>
  queryOptions({ queryKey: referralKeys.one(id), queryFn: () => api.get<ReferralView>(REFERRAL_PATHS.one(id)) });

export const scoreChoicesQuery = queryOptions({
  queryKey: referralKeys.scores,
  queryFn: () => api.get<ScoreChoices>(REFERRAL_PATHS.scores),
});

/** Writes the person's own letter; the key goes with a retry, so it is stored once. */
export function createSelfReferral(body: SelfReferralBody, idempotencyKey: string): Promise<ReferralView> {
  return api.post<ReferralView>(REFERRAL_PATHS.mine, body, { idempotencyKey });
}

export function approveReferral(id: string, body: ApprovalBody): Promise<ReferralView> {
  return api.put<ReferralView>(`${REFERRAL_PATHS.one(id)}/approval`, body);
}

export function setReferralStatus(id: string, body: StatusBody): Promise<ReferralView> {
  return api.post<ReferralView>(`${REFERRAL_PATHS.one(id)}/status`, body);
}

// --- The counsellor ---------------------------------------------------------------------------------

export const counsellorReferralsQuery = queryOptions({
  queryKey: referralKeys.counsellor,
  queryFn: () => api.get<CounsellorReferralList>(REFERRAL_PATHS.counsellor),
});

export const referralClientsQuery = queryOptions({
  queryKey: referralKeys.clients,
  queryFn: () => api.get<ReferralClients>(REFERRAL_PATHS.clients),
});

export function prepareReferral(body: CounsellorReferralBody, idempotencyKey: string): Promise<CounsellorReferralView> {
  return api.post<CounsellorReferralView>(REFERRAL_PATHS.counsellor, body, { idempotencyKey });
}

export function setCounsellorReferralStatus(id: string, body: StatusBody): Promise<CounsellorReferralView> {
  return api.post<CounsellorReferralView>(`${REFERRAL_PATHS.counsellor}/${encodeURIComponent(id)}/status`, body);
}
