import { queryOptions } from '@tanstack/react-query';
import type { campaignList, CampaignStats, CampaignView, myCampaignList } from '../../contracts/campaigns.js';
import type { z } from 'zod';
import { api } from './client.js';

export type CampaignList = z.infer<typeof campaignList>;
export type MyCampaignList = z.infer<typeof myCampaignList>;
export type MyCampaign = MyCampaignList['items'][number];
export type { CampaignStats, CampaignView };

export const CAMPAIGN_PATHS = {
  list: '/api/v1/campaigns',
  one: (id: string) => `/api/v1/campaigns/${id}`,
  launch: (id: string) => `/api/v1/campaigns/${id}/launch`,
  close: (id: string) => `/api/v1/campaigns/${id}/close`,
  stats: (id: string) => `/api/v1/campaigns/${id}/stats`,
  report: (id: string, format: 'xlsx' | 'pdf') => `/api/v1/campaigns/${id}/stats/export?format=${format}`,
  mine: '/api/v1/me/campaigns',
} as const;

export const campaignsQuery = queryOptions({
  queryKey: ['campaigns'] as const,
  queryFn: () => api.get<CampaignList>(CAMPAIGN_PATHS.list),
  staleTime: 0,
});

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: ['campaign', id] as const,
    queryFn: () => api.get<CampaignView>(CAMPAIGN_PATHS.one(id)),
    staleTime: 0,
  });

export const campaignStatsQuery = (id: string) =>
  queryOptions({
    queryKey: ['campaign', id, 'stats'] as const,
    queryFn: () => api.get<CampaignStats>(CAMPAIGN_PATHS.stats(id)),
    staleTime: 0,
  });

/** A download link for the campaign report: the page's figures as XLSX or PDF (audited on the server). */
export function campaignReportUrl(id: string, format: 'xlsx' | 'pdf'): string {
  return CAMPAIGN_PATHS.report(id, format);
}

export function createCampaign(body: unknown, key: string): Promise<CampaignView> {
  return api.post<CampaignView>(CAMPAIGN_PATHS.list, body, { idempotencyKey: key });
}

export function updateCampaign(id: string, body: unknown, key: string): Promise<CampaignView> {
  return api.patch<CampaignView>(CAMPAIGN_PATHS.one(id), body, { idempotencyKey: key });
}

export function launchCampaign(id: string, key: string): Promise<CampaignView> {
  return api.post<CampaignView>(CAMPAIGN_PATHS.launch(id), undefined, { idempotencyKey: key });
}

export function closeCampaign(id: string, key: string): Promise<CampaignView> {
  return api.post<CampaignView>(CAMPAIGN_PATHS.close(id), undefined, { idempotencyKey: key });
}

/** The campaigns I am invited to, on my home and self-check pages. */
export const myCampaignsQuery = queryOptions({
  queryKey: ['my-campaigns'] as const,
  queryFn: () => api.get<MyCampaignList>(CAMPAIGN_PATHS.mine),
  staleTime: 0,
});
