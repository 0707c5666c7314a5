import { queryOptions } from '@tanstack/react-query';
import type {
  AgreeBody,
  ClientChoiceList,
  NewPlanBody,
  PlanBody,
  PlanList,
  PlanView,
  ShareBody,
  TeamScheduleList,
} from '../../contracts/return-to-work.js';
import { api } from './client.js';

export type { PlanBody, PlanView, TeamScheduleList };

/** Where each call of the return-to-work contract goes (src/contracts/return-to-work.ts). */
export const RETURN_PATHS = {
  clients: '/api/v1/counsellor/return-to-work/clients',
  counsellorPlans: '/api/v1/counsellor/return-to-work/plans',
  counsellorPlan: (id: string) => `/api/v1/counsellor/return-to-work/plans/${encodeURIComponent(id)}`,
  ownPlans: '/api/v1/return-to-work/plans',
  ownPlan: (id: string) => `/api/v1/return-to-work/plans/${encodeURIComponent(id)}`,
  team: '/api/v1/team/return-to-work',
} as const;

export const returnKeys = {
  all: ['return-to-work'] as const,
  clients: ['return-to-work', 'clients'] as const,
  counsellorPlans: ['return-to-work', 'counsellor-plans'] as const,
  own: ['return-to-work', 'own'] as const,
  team: ['return-to-work', 'team'] as const,
};

export const clientsQuery = queryOptions({
  queryKey: returnKeys.clients,
  queryFn: () => api.get<ClientChoiceList>(RETURN_PATHS.clients),
});

export const counsellorPlansQuery = queryOptions({
  queryKey: returnKeys.counsellorPlans,
  queryFn: () => api.get<PlanList>(RETURN_PATHS.counsellorPlans),
});

/** Sealed words in the body: never kept in the replay store (`idempotencyKey: false`); the id makes it once. */
export function createPlan(body: NewPlanBody): Promise<PlanView> {
  return api.post<PlanView>(RETURN_PATHS.counsellorPlans, body, { idempotencyKey: false });
}

export function savePlan(id: string, body: PlanBody): Promise<PlanView> {
  return api.put<PlanView>(RETURN_PATHS.counsellorPlan(id), body, { idempotencyKey: false });
}

export function closePlan(id: string): Promise<PlanView> {
  return api.post<PlanView>(`${RETURN_PATHS.counsellorPlan(id)}/close`, undefined, { idempotencyKey: false });
}

export const ownPlansQuery = queryOptions({
  queryKey: returnKeys.own,
  queryFn: () => api.get<PlanList>(RETURN_PATHS.ownPlans),
});

export function agreeToPlan(id: string, body: AgreeBody): Promise<PlanView> {
  return api.post<PlanView>(`${RETURN_PATHS.ownPlan(id)}/agree`, body, { idempotencyKey: false });
}

export function sharePlan(id: string, body: ShareBody): Promise<PlanView> {
  return api.post<PlanView>(`${RETURN_PATHS.ownPlan(id)}/share`, body, { idempotencyKey: false });
}

export const teamSchedulesQuery = queryOptions({
  queryKey: returnKeys.team,
  queryFn: () => api.get<TeamScheduleList>(RETURN_PATHS.team),
});
