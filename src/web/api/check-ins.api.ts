import { queryOptions } from '@tanstack/react-query';
import type { CheckInBody, CheckInList, CheckInView, INSIGHT_DAYS, InsightsView } from '../../contracts/check-ins.js';
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

/* Insights and the person's own copy (docs/decisions/036-insights.md). */

export type { InsightsView } from '../../contracts/check-ins.js';
export type InsightDays = (typeof INSIGHT_DAYS)[number];

export const CHECK_IN_INSIGHT_PATHS = {
  insights: '/api/v1/me/check-ins/insights',
  exportCsv: '/api/v1/me/check-ins/export.csv',
  exportJson: '/api/v1/me/check-ins/export.json',
} as const;

/** The person's trends, streaks, averages, patterns and nudges over the last `days`. */
export const insightsQuery = (days: InsightDays) =>
  queryOptions({
    queryKey: [...checkInsKey, 'insights', days] as const,
    queryFn: () => api.get<InsightsView>(CHECK_IN_INSIGHT_PATHS.insights, { days }),
    staleTime: 30_000,
  });
