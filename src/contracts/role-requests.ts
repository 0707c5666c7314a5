// First: zod's configuration must precede every schema (see zod-setup.ts).
import './zod-setup.js';
import { z } from 'zod';
import { ROLES } from '../domain/access/roles.js';

/**
 * Grants that wait for a second person (docs/decisions/012-separation-of-duties.md): a grant of a role that
 * reads health data, or approves those who do, is a request until another agency admin or the DPO
 * approves it.
 */
export const roleRequestStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn', 'expired']);

export const roleRequestView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  status: roleRequestStatus,
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  requestedAt: z.string(),
  expiresAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Whether the signed-in person may approve it (not the requester, not the grantee). */
  canApprove: z.boolean(),
});
export type RoleRequestView = z.infer<typeof roleRequestView>;

export const roleRequestQuery = z.object({ status: roleRequestStatus.optional() });
export const roleRequestList = z.object({ items: z.array(roleRequestView) });

/**
 * The open list: who in my agency can read requests for help and shared results, and who
 * approves such grants, since when and approved by whom. Every employee sees it.
 */
export const clinicalAccessView = z.object({
  readers: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      position: z.string().nullable(),
      role: z.enum(ROLES),
      unitName: z.string().nullable(),
      since: z.string(),
      approvedByName: z.string().nullable(),
    }),
  ),
  approvers: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      position: z.string().nullable(),
      role: z.enum(ROLES),
      since: z.string(),
    }),
  ),
  pending: z.array(z.object({ personName: z.string(), role: z.enum(ROLES), requestedAt: z.string() })),
});
export type ClinicalAccessView = z.infer<typeof clinicalAccessView>;
