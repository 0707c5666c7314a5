/**
 * The return-to-work module's public surface (docs/decisions/045-peer-groups-and-return-to-work.md).
 * It owns `return_plans` and `return_plan_checkins`.
 */
export { ReturnToWorkService } from './return-to-work.service.js';
