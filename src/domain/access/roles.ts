/**
 * Roles of Teduh (DESIGN.md §1). A person may hold several; some are scoped to a unit subtree.
 * The employee role is implicit for every active person of an agency and is never stored.
 */
export const ROLES = [
  'employee',
  'manager',
  'wellbeing_admin',
  'counsellor',
  'agency_admin',
  'platform_admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that can be granted explicitly (employee is implied by being an active person). */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => r !== 'employee') as Exclude<Role, 'employee'>[];
export type AssignableRole = Exclude<Role, 'employee'>;

/** Roles whose grant is limited to a unit subtree when a unit is given (null = the whole agency). */
export const UNIT_SCOPED_ROLES: readonly AssignableRole[] = ['manager', 'wellbeing_admin', 'counsellor'];

/**
 * Roles that see other people's records or change the agency: they must use two-factor sign-in
 * (issue 2, item 7; PRIVACY.md ASVS L2 baseline).
 */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = [
  'wellbeing_admin',
  'counsellor',
  'agency_admin',
  'platform_admin',
];

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
