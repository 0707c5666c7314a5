import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agencyStats, AgencyView, outboxItem } from '../../contracts/agency.js';
import { api } from './client.js';

export type AgencyStats = z.infer<typeof agencyStats>;
export type OutboxItem = z.infer<typeof outboxItem>;
export type { AgencyView };

export const agencyQuery = queryOptions({
  queryKey: ['agency'] as const,
  queryFn: () => api.get<AgencyView>('/api/v1/agency'),
});

export const agencyStatsQuery = queryOptions({
  queryKey: ['agency', 'stats'] as const,
  queryFn: () => api.get<AgencyStats>('/api/v1/agency/stats'),
  // Counts change with every import and invitation: read them fresh on each visit.
  staleTime: 0,
});

export const outboxQuery = (page: number, pageSize = 20) =>
  queryOptions({
    queryKey: ['outbox', page, pageSize] as const,
    queryFn: () =>
      api.get<{ items: OutboxItem[]; total: number; page: number; pageSize: number }>('/api/v1/agency/outbox', {
        page,
        pageSize,
      }),
    // Each visit is one deliberate (audited) look, and shows emails queued since the last one;
    // never refetched in the background on focus.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });

export function saveAgencySettings(body: unknown, key: string): Promise<AgencyView> {
  return api.put<AgencyView>('/api/v1/agency/settings', body, { idempotencyKey: key });
}
