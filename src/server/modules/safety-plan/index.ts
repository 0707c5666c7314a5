/** The safety-plan module's public surface: the person's own plan (it owns `safety_plans`). */
export { SafetyPlanService, safetyPlanText } from './safety-plan.service.js';
export type { SafetyPlanRow } from './safety-plan.repository.js';
