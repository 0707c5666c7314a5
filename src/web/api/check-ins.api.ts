import { queryOptions } from '@tanstack/react-query';
import type { CheckInBody, CheckInList, CheckInView } from '../../contracts/check-ins.js';
import { api } from './client.js';

export type { CheckInBody, CheckInList, CheckInView };

/** Where each call of the check-ins contract goes (src/contracts/check-ins.ts). */
export const CHECK_INS_PATH = '/api/v1/me/check-ins';

export const checkInsKey = ['check-ins'] as const;

/** The person's days, by default the last two weeks up to today in their unit's zone. */
export const checkInsQuery = (range: { from?: string; to?: string } = {}) =>
  queryOptions({
    queryKey: [...checkInsKey, range.from ?? null, range.to ?? null] as const,
    queryFn: () => api.get<CheckInList>(CHECK_INS_PATH, range),
    staleTime: 30_000,
  });

/**
 * Sends a check-in with its Idempotency-Key: the same key again (a retry, the device's outbox
 * after a lost answer) stores nothing new on the server.
 */
export function submitCheckIn(body: CheckInBody, idempotencyKey: string): Promise<CheckInView> {
  return api.post<CheckInView>(CHECK_INS_PATH, body, { idempotencyKey });
}
