import type { Role, RoleGrant } from './roles.js';

/**
 * Named permissions, `action:resource:scope` (docs/architecture.md). Each lists the roles that hold it.
 * Scope words:
 *  - own:      the actor's own record
 *  - unit:     records in a unit subtree the actor's grant covers
 *  - agency:   anything in the actor's agency
 *  - platform: across agencies (platform operator only)
 *
 * Health data permissions (later modules) are never granted to manager, wellbeing_admin or
 * agency_admin: they read aggregates only (docs/privacy.md §1.1).
 */
export const PERMISSION_ROLES = {
  'read:profile:own': ['employee'],
  'update:profile:own': ['employee'],
  'read:unit:agency': ['employee'],
  'manage:unit:agency': ['agency_admin'],
  'read:person:unit': ['manager', 'agency_admin'],
  'read:person:agency': ['agency_admin'],
  'manage:person:agency': ['agency_admin'],
  'manage:role:agency': ['agency_admin'],
  'import:org:agency': ['agency_admin'],
  'read:audit:agency': ['agency_admin'],
  'read:outbox:agency': ['agency_admin'],
  'manage:settings:agency': ['agency_admin'],
  // The agency's own articles in the psycho-education library (decision 034); everyone signed in reads them.
  'manage:article:agency': ['agency_admin'],
  'read:agency:platform': ['platform_admin'],
  'manage:agency:platform': ['platform_admin'],
  // Self-assessment: a person's own screening results. No other role holds these.
  'take:assessment:own': ['employee'],
  'read:assessment:own': ['employee'],
  // The person's safety plan (Stanley & Brown): theirs alone; not even a counsellor has a route to it.
  'read:safety-plan:own': ['employee'],
  'update:safety-plan:own': ['employee'],
  // Daily check-ins (decision 032): the person's own, like the safety plan; no other role reads them.
  'read:check-in:own': ['employee'],
  'update:check-in:own': ['employee'],
  // Self-care habits and time management (docs/decisions/035-self-care-and-plan.md): the person's alone.
  'read:habits:own': ['employee'],
  'update:habits:own': ['employee'],
  'read:planner:own': ['employee'],
  'update:planner:own': ['employee'],
  // A counsellor reads a result only when its owner shared it with them (consent recorded).
  'read:shared-result:assigned': ['counsellor'],
  // The urgent queue: people who asked to be contacted, or crisis answers under disclosed outreach.
  'read:crisis-request:unit': ['counsellor'],
  // Counselling bookings (docs/decisions/040-booking.md): the employee books and sees their own; a
  // counsellor keeps their own profile and sees the appointments booked with them, and no one else's.
  'read:booking:own': ['employee'],
  'update:booking:own': ['employee'],
  'manage:counsellor-profile:own': ['counsellor'],
  'read:appointment:assigned': ['counsellor'],
  // Session notes (docs/decisions/041-session-notes.md): the counsellor writes and reads the notes of
  // their own appointments; the service lets only the author in. A clinical supervisor opens one
  // client's notes for an hour through break-glass (a reason, an alert to the DPO); no other role.
  'manage:note:assigned': ['counsellor'],
  'read:note:break-glass': ['clinical_supervisor'],
  // Counselling consent and the client's record (docs/decisions/042-counselling-consent.md): the
  // client grants and revokes their own; a counsellor reads the record of a client they have seen.
  'manage:counselling-consent:own': ['employee'],
  'read:client-record:assigned': ['counsellor'],
  // Referrals on the BPJS path (docs/decisions/044-referrals.md): the client's own letters; a
  // counsellor prepares one for a client of theirs and sees only the ones they prepared.
  'read:referral:own': ['employee'],
  'update:referral:own': ['employee'],
  'read:referral:assigned': ['counsellor'],
  'update:referral:assigned': ['counsellor'],
  // Peer support groups (docs/decisions/045-peer-groups-and-return-to-work.md): employees browse and
  // join under a display name; counsellors and wellbeing admins facilitate and see their own groups'
  // members by display name only. No health data is kept in a group.
  'read:peer-group:own': ['employee'],
  'manage:peer-group:own': ['counsellor', 'wellbeing_admin'],
  // Return-to-work plans: the client's own, the counsellor's for their clients, and — only while the
  // client consents — the workload schedule alone for the manager of the client's unit.
  'read:return-plan:own': ['employee'],
  'manage:return-plan:assigned': ['counsellor'],
  'read:return-schedule:unit': ['manager'],
  // Screening campaigns: invitations and suppressed aggregates only, never a name next to a result.
  'manage:campaign:unit': ['wellbeing_admin'],
  'read:campaign-aggregate:unit': ['wellbeing_admin'],
  // Climate surveys (docs/decisions/048-climate-surveys.md): the admin sees surveys, response rates
  // and suppressed results; every employee asked answers once, and no role can read an answer back.
  'manage:survey:unit': ['wellbeing_admin'],
  'answer:survey:own': ['employee'],
  // The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md): the
  // agency-wide wellbeing admin runs them; every employee sees the committee and published minutes,
  // answers their own focus-group invitations, and — when named facilitator — runs that group.
  // Members read draft minutes and facilitators their groups' acceptances: the service checks who.
  'manage:committee:agency': ['wellbeing_admin'],
  'read:committee:agency': ['employee'],
  'manage:focus-group:agency': ['wellbeing_admin'],
  'read:focus-group:own': ['employee'],
  // The anonymous suggestion box (docs/decisions/052-suggestion-box.md): every employee writes and
  // reads the public board; the wellbeing team replies and hides, and no role can read who wrote what.
  'suggest:own': ['employee'],
  'manage:suggestion:agency': ['wellbeing_admin'],
  // My data (decision 013): a person's own data rights (copy, consent, erasure, correction requests);
  // the agency admin only sees and answers correction requests of HR-owned profile fields.
  'read:my-data:own': ['employee'],
  'manage:my-data:own': ['employee'],
  'manage:correction-request:agency': ['agency_admin'],
  // Separation of duties and the DPO. The clinical supervisor's only health-data permission is
  // break-glass (above), and its grant needs a second person's approval. The DPO holds no
  // health-data permission at all: only grant approvals, alerts, registers and retention.
  'approve:role-grant:agency': ['agency_admin', 'dpo'],
  'read:clinical-access:agency': ['employee'],
  'manage:privacy-office:agency': ['dpo'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSION_ROLES;

export const PERMISSIONS = Object.keys(PERMISSION_ROLES) as Permission[];

/** Who is acting: the signed-in person, their agency and their role grants (employee implied). */
export interface Actor {
  personId: string;
  agencyId: string;
  grants: readonly RoleGrant[];
}

/**
 * Where the target lives. unitPath lists unit ids from the root to the target's unit, so a grant
 * on any ancestor covers it. ownerId is the person the record belongs to, for `own` permissions.
 */
export interface Target {
  agencyId: string;
  unitPath?: readonly string[];
  ownerId?: string;
}

/** Every role the actor holds, employee included. */
export function rolesOf(actor: Actor): Role[] {
  const roles = new Set<Role>(['employee']);
  for (const g of actor.grants) roles.add(g.role);
  return [...roles];
}

function grantsFor(actor: Actor, permission: Permission): RoleGrant[] {
  const allowed = PERMISSION_ROLES[permission] as readonly Role[];
  const grants: RoleGrant[] = actor.grants.filter((g) => allowed.includes(g.role));
  if (allowed.includes('employee')) grants.push({ role: 'employee', unitId: null });
  return grants;
}

/**
 * Whether the actor holds the permission at all (route-level check, before the target is known).
 */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return grantsFor(actor, permission).length > 0;
}

/**
 * Whether the actor may exercise the permission on this target. Pure: the caller supplies the
 * target's agency, unit path and owner. Other agencies are never reachable except for
 * platform-scoped permissions.
 */
export function can(actor: Actor, permission: Permission, target: Target): boolean {
  const scope = permission.split(':')[2];
  const grants = grantsFor(actor, permission);
  if (grants.length === 0) return false;
  if (scope === 'platform') return true;
  if (target.agencyId !== actor.agencyId) return false;
  switch (scope) {
    case 'own':
      return target.ownerId === undefined || target.ownerId === actor.personId;
    case 'agency':
      return true;
    case 'unit':
      return grants.some((g) => {
        if (g.unitId === null) return true;
        return target.unitPath?.includes(g.unitId) ?? false;
      });
    default:
      return false;
  }
}

/** Unit ids whose subtrees a unit-scoped permission covers; null means the whole agency. */
export function unitScopeOf(actor: Actor, permission: Permission): string[] | null {
  const grants = grantsFor(actor, permission);
  if (grants.some((g) => g.unitId === null)) return null;
  return grants.map((g) => g.unitId as string);
}

const ROLE_RANK: readonly Role[] = [
  'platform_admin',
  'agency_admin',
  'dpo',
  'wellbeing_admin',
  'clinical_supervisor',
  'counsellor',
  'manager',
  'employee',
];

/**
 * The role an action was taken in, for the audit log: the highest-ranked role that grants the
 * permission, or the actor's highest role when no permission is involved.
 */
export function roleUsedFor(actor: Actor, permission?: Permission): Role {
  const allowed = permission ? (PERMISSION_ROLES[permission] as readonly Role[]) : ROLE_RANK;
  const held = rolesOf(actor);
  return ROLE_RANK.find((r) => held.includes(r) && allowed.includes(r)) ?? 'employee';
}
