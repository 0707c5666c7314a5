import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { alertList, breachDetail, breachList, processingList, retentionList } from '../../contracts/dpo.js';
import { api } from './client.js';

export type AlertList = z.infer<typeof alertList>;
export type ProcessingList = z.infer<typeof processingList>;
export type BreachList = z.infer<typeof breachList>;
export type BreachDetail = z.infer<typeof breachDetail>;
export type RetentionList = z.infer<typeof retentionList>;

/** Where each call of the DPO contract goes (src/contracts/dpo.ts). */
export const DPO_PATHS = {
  alerts: '/api/v1/dpo/alerts',
  acknowledge: (id: string) => `/api/v1/dpo/alerts/${id}/acknowledge`,
  processing: '/api/v1/dpo/processing',
  processingEntry: (dataClass: string) => `/api/v1/dpo/processing/${dataClass}`,
  breaches: '/api/v1/dpo/breaches',
  breach: (id: string) => `/api/v1/dpo/breaches/${id}`,
  retention: '/api/v1/dpo/retention',
  retentionClass: (dataClass: string) => `/api/v1/dpo/retention/${dataClass}`,
} as const;

/** The prefix of the DPO's alert lists, open or all. */
export const alertsKey = ['dpo', 'alerts'] as const;

export const alertsQuery = (status: 'open' | 'all') =>
  queryOptions({
    queryKey: [...alertsKey, status] as const,
    queryFn: () => api.get<AlertList>(DPO_PATHS.alerts, { status }),
    staleTime: 0,
  });

export const processingQuery = queryOptions({
  queryKey: ['dpo', 'processing'] as const,
  queryFn: () => api.get<ProcessingList>(DPO_PATHS.processing),
});
export const breachesQuery = queryOptions({
  queryKey: ['dpo', 'breaches'] as const,
  queryFn: () => api.get<BreachList>(DPO_PATHS.breaches),
  staleTime: 0,
});
export const breachQuery = (id: string) =>
  queryOptions({
    queryKey: ['dpo', 'breach', id] as const,
    queryFn: () => api.get<BreachDetail>(DPO_PATHS.breach(id)),
    staleTime: 0,
  });
export const retentionQuery = queryOptions({
  queryKey: ['dpo', 'retention'] as const,
  queryFn: () => api.get<RetentionList>(DPO_PATHS.retention),
  staleTime: 0,
});
/* Writes. Each takes the Idempotency-Key of its submission (api/mutation.ts). */

export function acknowledgeAlert(id: string, key: string): Promise<unknown> {
  return api.post(DPO_PATHS.acknowledge(id), undefined, { idempotencyKey: key });
}

export function saveProcessingEntry(dataClass: string, body: unknown, key: string): Promise<unknown> {
  return api.put(DPO_PATHS.processingEntry(dataClass), body, { idempotencyKey: key });
}

export function recordBreach(body: unknown, key: string): Promise<BreachDetail> {
  return api.post<BreachDetail>(DPO_PATHS.breaches, body, { idempotencyKey: key });
}

export function updateBreach(id: string, body: Record<string, unknown>, key: string): Promise<BreachDetail> {
  return api.patch<BreachDetail>(DPO_PATHS.breach(id), body, { idempotencyKey: key });
}

export function saveRetention(dataClass: string, days: number, key: string): Promise<unknown> {
  return api.put(DPO_PATHS.retentionClass(dataClass), { days }, { idempotencyKey: key });
}
