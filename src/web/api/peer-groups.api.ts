import { queryOptions } from '@tanstack/react-query';
import type {
  CancelSessionBody,
  FacilitatedGroupList,
  FacilitatedGroupView,
  GroupBody,
  GroupList,
  GroupView,
  JoinBody,
  NewGroupBody,
} from '../../contracts/peer-groups.js';
import { api } from './client.js';

export type { FacilitatedGroupView, GroupBody, GroupView };

/** Where each call of the peer-groups contract goes (src/contracts/peer-groups.ts). */
export const PEER_GROUP_PATHS = {
  groups: '/api/v1/peer-groups',
  group: (id: string) => `/api/v1/peer-groups/${encodeURIComponent(id)}`,
  facilitated: '/api/v1/facilitator/peer-groups',
  facilitatedGroup: (id: string) => `/api/v1/facilitator/peer-groups/${encodeURIComponent(id)}`,
} as const;

export const peerGroupKeys = {
  all: ['peer-groups'] as const,
  list: ['peer-groups', 'list'] as const,
  one: (id: string) => ['peer-groups', 'one', id] as const,
  facilitated: ['peer-groups', 'facilitated'] as const,
  facilitatedOne: (id: string) => ['peer-groups', 'facilitated', id] as const,
};

export const groupsQuery = queryOptions({
  queryKey: peerGroupKeys.list,
  queryFn: () => api.get<GroupList>(PEER_GROUP_PATHS.groups),
});

export const groupQuery = (id: string) =>
  queryOptions({ queryKey: peerGroupKeys.one(id), queryFn: () => api.get<GroupView>(PEER_GROUP_PATHS.group(id)) });

export function joinGroup(id: string, body: JoinBody, idempotencyKey: string): Promise<GroupView> {
  return api.post<GroupView>(`${PEER_GROUP_PATHS.group(id)}/join`, body, { idempotencyKey });
}

export function leaveGroup(id: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`${PEER_GROUP_PATHS.group(id)}/leave`);
}

export const facilitatedQuery = queryOptions({
  queryKey: peerGroupKeys.facilitated,
  queryFn: () => api.get<FacilitatedGroupList>(PEER_GROUP_PATHS.facilitated),
});

export const facilitatedGroupQuery = (id: string) =>
  queryOptions({
    queryKey: peerGroupKeys.facilitatedOne(id),
    queryFn: () => api.get<FacilitatedGroupView>(PEER_GROUP_PATHS.facilitatedGroup(id)),
  });

/** Creates a group under an id the page made: sent again, it is stored once. */
export function createGroup(body: NewGroupBody): Promise<GroupView> {
  return api.post<GroupView>(PEER_GROUP_PATHS.facilitated, body);
}

export function saveGroup(id: string, body: GroupBody): Promise<GroupView> {
  return api.put<GroupView>(PEER_GROUP_PATHS.facilitatedGroup(id), body);
}

export function cancelSession(id: string, body: CancelSessionBody): Promise<GroupView> {
  return api.post<GroupView>(`${PEER_GROUP_PATHS.facilitatedGroup(id)}/cancellations`, body);
}
