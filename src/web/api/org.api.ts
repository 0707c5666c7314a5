import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { invitationSent } from '../../contracts/auth.js';
import type { grantList, personDetail, personPage, unitList, UnitView } from '../../contracts/org.js';
import type { RoleRequestView } from '../../contracts/role-requests.js';
import { api, type Query } from './client.js';

export type UnitList = z.infer<typeof unitList>;
export type PersonPage = z.infer<typeof personPage>;
export type PersonDetail = z.infer<typeof personDetail>;
export type GrantList = z.infer<typeof grantList>;
export type { UnitView };

export const unitsQuery = queryOptions({
  queryKey: ['units'] as const,
  queryFn: () => api.get<UnitList>('/api/v1/units'),
});

export interface PeopleFilter {
  q?: string;
  unitId?: string;
  includeSubunits?: 'true' | 'false';
  role?: string;
  employmentType?: string;
  status?: 'active' | 'inactive' | 'all';
  page?: number;
  pageSize?: number;
}

/** The prefix of every people list, whatever its filter: what a change to a person makes stale. */
export const peopleKey = ['people'] as const;

export const peopleQuery = (filter: PeopleFilter) =>
  queryOptions({
    queryKey: [...peopleKey, filter] as const,
    queryFn: ({ signal }) => api.get<PersonPage>('/api/v1/people', filter as Query, { signal }),
    placeholderData: keepPreviousData,
  });

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['person', id] as const,
    queryFn: () => api.get<PersonDetail>(`/api/v1/people/${id}`),
  });

export const rolesQuery = (id: string) =>
  queryOptions({
    queryKey: ['person', id, 'roles'] as const,
    queryFn: () => api.get<GrantList>(`/api/v1/people/${id}/roles`),
  });

/* Writes. Each takes the Idempotency-Key of its submission (api/mutation.ts). */

export type Grant = GrantList['items'][number];
export type InvitationSent = z.infer<typeof invitationSent>;

/** A grant, or (for a role that reads health data) a request waiting for a second person. */
export function grantRole(personId: string, body: unknown, key: string): Promise<Grant | RoleRequestView> {
  return api.post<Grant | RoleRequestView>(`/api/v1/people/${personId}/roles`, body, { idempotencyKey: key });
}

export function revokeRole(personId: string, grantId: string, key: string): Promise<unknown> {
  return api.delete(`/api/v1/people/${personId}/roles/${grantId}`, { idempotencyKey: key });
}

export function createPerson(body: Record<string, unknown>, key: string): Promise<PersonDetail> {
  return api.post<PersonDetail>('/api/v1/people', body, { idempotencyKey: key });
}

export function updatePerson(id: string, body: Record<string, unknown>, key: string): Promise<PersonDetail> {
  return api.patch<PersonDetail>(`/api/v1/people/${id}`, body, { idempotencyKey: key });
}

export function sendInvitation(personId: string, key: string): Promise<InvitationSent> {
  return api.post<InvitationSent>(`/api/v1/people/${personId}/invitation`, undefined, { idempotencyKey: key });
}

export function setPersonActive(personId: string, active: boolean, key: string): Promise<PersonDetail> {
  return api.post<PersonDetail>(`/api/v1/people/${personId}/${active ? 'reactivate' : 'deactivate'}`, undefined, {
    idempotencyKey: key,
  });
}

export function createUnit(body: unknown, key: string): Promise<UnitView> {
  return api.post<UnitView>('/api/v1/units', body, { idempotencyKey: key });
}

export function updateUnit(id: string, body: Record<string, unknown>, key: string): Promise<UnitView> {
  return api.patch<UnitView>(`/api/v1/units/${id}`, body, { idempotencyKey: key });
}
