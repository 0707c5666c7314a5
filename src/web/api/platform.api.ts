import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { platformAgencyView } from '../../contracts/platform.js';
import type { invitationSent } from '../../contracts/auth.js';
import { api } from './client.js';

export type PlatformAgency = z.infer<typeof platformAgencyView>;

/** The answer of a new agency (the route's 201 schema); the first admin is invited by email. */
export interface AgencyCreated {
  agencyId: string;
  adminId: string;
  invitation: z.infer<typeof invitationSent>;
}

export const platformAgenciesQuery = queryOptions({
  queryKey: ['platform', 'agencies'] as const,
  queryFn: () => api.get<{ items: PlatformAgency[] }>('/api/v1/platform/agencies'),
});

export function createAgency(body: unknown, key: string): Promise<AgencyCreated> {
  return api.post<AgencyCreated>('/api/v1/platform/agencies', body, { idempotencyKey: key });
}
