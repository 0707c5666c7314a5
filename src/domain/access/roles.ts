/**
 * Roles of Teduh (docs/principles.md). A person may hold several; some are scoped to a unit subtree.
 * The employee role is implicit for every active person of an agency and is never stored.
 */
export const ROLES = [
  'employee',
  'manager',
  'wellbeing_admin',
  'counsellor',
  'agency_admin',
  'platform_admin',
  // Separation of duties: a senior psychologist overseeing counsellors, and the agency's
  // data-protection officer (UU PDP art. 53), who approves clinical grants and sees no health data.
  'clinical_supervisor',
  'dpo',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that can be granted explicitly (employee is implied by being an active person). */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => r !== 'employee') as Exclude<Role, 'employee'>[];
export type AssignableRole = Exclude<Role, 'employee'>;

/** Roles whose grant is limited to a unit subtree when a unit is given (null = the whole agency). */
export const UNIT_SCOPED_ROLES: readonly AssignableRole[] = ['manager', 'wellbeing_admin', 'counsellor'];

/**
 * Roles that see other people's records or change the agency: they must use two-factor sign-in
 * (docs/privacy.md §4, art. 35–39: the ASVS level 2 baseline).
 */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = [
  'wellbeing_admin',
  'counsellor',
  'agency_admin',
  'platform_admin',
  'clinical_supervisor',
  'dpo',
];

/**
 * Roles that read health data, or approve those who do: a grant of one of these is only
 * a request until a second authorised person approves it, and nobody requests one for themselves.
 * agency_admin and platform_admin are here because they approve: were their grants immediate, an
 * admin could make an accomplice admin who then approves the first admin's counsellor request
 * (docs/decisions/012-separation-of-duties.md).
 */
export const ROLES_REQUIRING_APPROVAL: readonly Role[] = [
  'counsellor',
  'clinical_supervisor',
  'dpo',
  'agency_admin',
  'platform_admin',
];

/** Roles that can read individual health data (with the person's share or a covered request). */
export const CLINICAL_ROLES: readonly Role[] = ['counsellor', 'clinical_supervisor'];

/** Roles whose holders approve pending grants of their agency. */
export const APPROVER_ROLES: readonly Role[] = ['agency_admin', 'dpo'];

/** How long a grant waits for its second person before it lapses. */
export const ROLE_REQUEST_TTL_DAYS = 7;

/** Whether a grant of this role waits for a second person's approval. */
export function requiresApproval(role: Role): boolean {
  return ROLES_REQUIRING_APPROVAL.includes(role);
}

/**
 * Whether `approverId` may approve a grant requested by `requesterId` for `granteeId`: never the
 * requester, never the grantee (pure; the caller checks the approver's own approved roles).
 */
export function isIndependentApprover(approverId: string, request: { requestedBy: string; personId: string }): boolean {
  return approverId !== request.requestedBy && approverId !== request.personId;
}

/** One grant of a role; unitId null means agency-wide (or platform-wide for platform_admin). */
export interface RoleGrant {
  role: Role;
  unitId: string | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function requiresTwoFactor(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => ROLES_REQUIRING_TWO_FACTOR.includes(g.role));
}

/** Whether a role may be limited to a unit subtree. */
export function isUnitScopedRole(role: Role): boolean {
  return (UNIT_SCOPED_ROLES as readonly Role[]).includes(role);
}
