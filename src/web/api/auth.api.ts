import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  passwordConfirmBody,
  recoveryCodesView,
  resetRequestBody,
  sessionListItem,
  SignInBody,
  signInResult,
  tokenInfo,
  twoFactorEnableBody,
  twoFactorEnrolment,
  twoFactorVerifyBody,
} from '../../contracts/auth.js';
import { api } from './client.js';

export type SignInResult = z.infer<typeof signInResult>;
export type TokenInfo = z.infer<typeof tokenInfo>;
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolment>;
export type RecoveryCodesView = z.infer<typeof recoveryCodesView>;
export type SessionItem = z.infer<typeof sessionListItem>;

/*
 * Sign-in and its steps. None of these carries an Idempotency-Key: their bodies or answers hold
 * secrets (passwords, codes), which the server must not keep with a stored answer. `handleAuth:
 * false` where a 401/403 is the form's own business.
 */

export function signIn(body: SignInBody): Promise<SignInResult> {
  return api.post<SignInResult>('/api/v1/auth/sign-in', body, { idempotencyKey: false, handleAuth: false });
}

export function signOut(): Promise<unknown> {
  return api.post('/api/v1/auth/sign-out', undefined, { idempotencyKey: false, handleAuth: false });
}

export function signOutEverywhere(): Promise<unknown> {
  return api.post('/api/v1/auth/sign-out-everywhere', undefined, { idempotencyKey: false });
}

export function verifyTwoFactor(body: z.infer<typeof twoFactorVerifyBody>): Promise<unknown> {
  return api.post('/api/v1/auth/two-factor/verify', body, { idempotencyKey: false, handleAuth: false });
}

/**
 * A new pending two-factor secret for this person. A POST: each call makes a new secret, so it runs
 * once and is never refetched or kept.
 */
export const twoFactorEnrolmentKey = ['two-factor-enrolment'] as const;

export const twoFactorEnrolmentQuery = (personId: string) =>
  queryOptions({
    queryKey: [...twoFactorEnrolmentKey, personId] as const,
    queryFn: () => startTwoFactorSetup(),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

/** A POST: each call makes a new pending secret. */
export function startTwoFactorSetup(): Promise<TwoFactorEnrolment> {
  return api.post<TwoFactorEnrolment>('/api/v1/auth/two-factor/setup', undefined, { idempotencyKey: false });
}

/** No Idempotency-Key: the answer holds the recovery codes, which must not be stored. */
export function enableTwoFactor(body: z.infer<typeof twoFactorEnableBody>): Promise<RecoveryCodesView> {
  return api.post<RecoveryCodesView>('/api/v1/auth/two-factor/enable', body, { idempotencyKey: false });
}

export function disableTwoFactor(body: z.infer<typeof passwordConfirmBody>): Promise<unknown> {
  return api.post('/api/v1/auth/two-factor/disable', body, { idempotencyKey: false });
}

export const recoveryCodesLeftQuery = queryOptions({
  queryKey: ['recovery-codes'] as const,
  queryFn: () => api.get<{ remaining: number }>('/api/v1/auth/two-factor/recovery-codes'),
});

export function regenerateRecoveryCodes(body: z.infer<typeof passwordConfirmBody>): Promise<RecoveryCodesView> {
  return api.post<RecoveryCodesView>('/api/v1/auth/two-factor/recovery-codes', body, { idempotencyKey: false });
}

export const mySessionsQuery = queryOptions({
  queryKey: ['my-sessions'] as const,
  queryFn: () => api.get<{ items: SessionItem[] }>('/api/v1/auth/sessions'),
});

export function endSession(id: string): Promise<unknown> {
  return api.delete(`/api/v1/auth/sessions/${id}`);
}

export function requestPasswordReset(body: z.infer<typeof resetRequestBody>): Promise<unknown> {
  return api.post('/api/v1/auth/password-reset', body, { handleAuth: false });
}

export function confirmEmailChange(token: string): Promise<unknown> {
  return api.post(`/api/v1/auth/email-change/${encodeURIComponent(token)}/confirm`, undefined, {
    idempotencyKey: false,
    handleAuth: false,
  });
}

/** The emailed links that carry a token, by the API path that reads (and then uses) the token. */
const TOKEN_PATHS = {
  invitation: '/api/v1/auth/invitations/',
  'password-reset': '/api/v1/auth/password-reset/',
} as const;

export type TokenLinkKind = keyof typeof TOKEN_PATHS;

/** What an emailed link is for. Read once and not retried: a dead link stays dead. */
export const tokenLinkQuery = (kind: TokenLinkKind, token: string) =>
  queryOptions({
    queryKey: [kind, token] as const,
    queryFn: () => tokenLinkApi(kind, token).read(),
    retry: false,
    staleTime: Infinity,
  });

/** What an emailed link is for, and the calls that use it (accept an invitation, reset a password). */
export function tokenLinkApi(kind: TokenLinkKind, token: string) {
  const path = `${TOKEN_PATHS[kind]}${encodeURIComponent(token)}`;
  return {
    read: () => api.get<TokenInfo>(path),
    resetPassword: (password: string) => api.post(path, { password }, { idempotencyKey: false, handleAuth: false }),
    acceptInvitation: (password: string) =>
      api.post<SignInResult>(`${path}/accept`, { password }, { idempotencyKey: false, handleAuth: false }),
  };
}
