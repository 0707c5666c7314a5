import type { Role } from '../../../domain/access/roles.js';

/**
 * The roles that facilitate peer groups, for the route guard of /groups/manage and the menu: those of
 * the permission `manage:peer-group:own` (docs/decisions/045-peer-groups-and-return-to-work.md). Kept
 * here as a short list rather than imported from the permission table, which would weigh on every
 * first load; `facilitators.test.ts` holds the two equal.
 */
export const FACILITATOR_ROLES = ['counsellor', 'wellbeing_admin'] as const satisfies readonly Role[];
