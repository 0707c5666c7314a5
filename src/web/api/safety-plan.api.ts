import { queryOptions } from '@tanstack/react-query';
import type { SafetyPlanBody, SafetyPlanView } from '../../contracts/safety-plan.js';
import { api, isApiError } from './client.js';

export type { SafetyPlanBody, SafetyPlanView };

/** Where each call of the safety-plan contract goes (src/contracts/safety-plan.ts). */
export const SAFETY_PLAN_PATH = '/api/v1/me/safety-plan';

/** The person's plan, or null when they have none (the API answers 404 safety_plan_not_found). */
export const safetyPlanQuery = queryOptions({
  queryKey: ['safety-plan'] as const,
  queryFn: async (): Promise<SafetyPlanView | null> => {
    try {
      return await api.get<SafetyPlanView>(SAFETY_PLAN_PATH);
    } catch (err) {
      if (isApiError(err) && err.code === 'safety_plan_not_found') return null;
      throw err;
    }
  },
  staleTime: 0,
  // Asked even offline: the service worker answers with the copy on the device
  // (docs/decisions/032-check-ins.md).
  networkMode: 'offlineFirst',
});

export function saveSafetyPlan(body: SafetyPlanBody, idempotencyKey: string): Promise<SafetyPlanView> {
  return api.put<SafetyPlanView>(SAFETY_PLAN_PATH, body, { idempotencyKey });
}

/** Deleting a plan that is already gone (a retry, another device) is what the person wanted. */
export async function deleteSafetyPlan(): Promise<void> {
  try {
    await api.delete(SAFETY_PLAN_PATH);
  } catch (err) {
    if (!(isApiError(err) && err.code === 'safety_plan_not_found')) throw err;
  }
}
