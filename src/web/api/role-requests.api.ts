import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClinicalAccessView, roleRequestList, RoleRequestView } from '../../contracts/role-requests.js';
import { api } from './client.js';

export type { ClinicalAccessView, RoleRequestView };

/** Where each call of the role-request contract goes (src/contracts/role-requests.ts). */
export const ROLE_REQUEST_PATHS = {
  list: '/api/v1/role-requests',
  approve: (id: string) => `/api/v1/role-requests/${id}/approve`,
  reject: (id: string) => `/api/v1/role-requests/${id}/reject`,
  withdraw: (id: string) => `/api/v1/role-requests/${id}/withdraw`,
  clinicalAccess: '/api/v1/agency/clinical-access',
} as const;

export const roleRequestsQuery = queryOptions({
  queryKey: ['role-requests'] as const,
  queryFn: () => api.get<z.infer<typeof roleRequestList>>(ROLE_REQUEST_PATHS.list),
  staleTime: 0,
});

/** The open list: who in the agency can read health data, who approved them, and what is waiting. */
export const clinicalAccessQuery = queryOptions({
  queryKey: ['clinical-access'] as const,
  queryFn: () => api.get<ClinicalAccessView>(ROLE_REQUEST_PATHS.clinicalAccess),
  staleTime: 0,
});

/** A second person's answer to a role request, or the requester withdrawing it. */
export function answerRoleRequest(kind: 'approve' | 'reject' | 'withdraw', id: string, key: string): Promise<unknown> {
  return api.post(ROLE_REQUEST_PATHS[kind](id), undefined, { idempotencyKey: key });
}
