import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { invitationSent } from '../../contracts/auth.js';
import type { grantList, personDetail, personPage, unitList, UnitView } from '../../contracts/org.js';
import type { RoleRequestView } from '../../contracts/role-requests.js';
import { sortParentsFirst } from '../../domain/org/unit-tree.js';
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

export const peopleQuery = (filter: PeopleFilter) =>
  queryOptions({
    queryKey: ['people', filter] as const,
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

export interface UnitNodeView extends UnitView {
  depth: number;
  children: UnitNodeView[];
}

/** The flat list as a tree (parents first, siblings by name), with each unit's depth. */
export function buildUnitTree(units: readonly UnitView[]): { roots: UnitNodeView[]; ordered: UnitNodeView[] } {
  const byName = [...units].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const nodes = new Map(byName.map((u) => [u.id, { ...u, depth: 0, children: [] as UnitNodeView[] }]));
  const roots: UnitNodeView[] = [];
  for (const u of sortParentsFirst(byName)) {
    const node = nodes.get(u.id) as UnitNodeView;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) {
      node.depth = parent.depth + 1;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const ordered: UnitNodeView[] = [];
  const walk = (list: UnitNodeView[]) => {
    for (const n of list) {
      ordered.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return { roots, ordered };
}

/** Unit choices for a <select>, indented by depth (non-breaking spaces survive in options). */
export function unitOptions(
  units: readonly UnitView[],
  options: { exclude?: ReadonlySet<string>; activeOnly?: boolean } = {},
) {
  return buildUnitTree(units)
    .ordered.filter((u) => !options.exclude?.has(u.id) && (!options.activeOnly || u.isActive))
    .map((u) => ({ value: u.id, label: `${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name} (${u.code})` }));
}

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
