import { describe, expect, it } from 'vitest';
import { can, hasPermission, roleUsedFor, unitScopeOf, type Actor } from './permissions.js';

const agency = 'agency-a';
const employee: Actor = { personId: 'p1', agencyId: agency, grants: [] };
const manager: Actor = { personId: 'p2', agencyId: agency, grants: [{ role: 'manager', unitId: 'dinkes' }] };
const admin: Actor = { personId: 'p3', agencyId: agency, grants: [{ role: 'agency_admin', unitId: null }] };
const platform: Actor = { personId: 'p4', agencyId: agency, grants: [{ role: 'platform_admin', unitId: null }] };

describe('access policy', () => {
  it('gives every person the employee permissions on their own records only', () => {
    expect(can(employee, 'read:profile:own', { agencyId: agency, ownerId: 'p1' })).toBe(true);
    expect(can(employee, 'read:profile:own', { agencyId: agency, ownerId: 'p9' })).toBe(false);
    expect(hasPermission(employee, 'read:person:agency')).toBe(false);
  });

  it('limits a manager to the unit subtree of their grant', () => {
    expect(can(manager, 'read:person:unit', { agencyId: agency, unitPath: ['setda', 'dinkes', 'puskesmas-1'] })).toBe(
      true,
    );
    expect(can(manager, 'read:person:unit', { agencyId: agency, unitPath: ['setda', 'disdik'] })).toBe(false);
    expect(unitScopeOf(manager, 'read:person:unit')).toEqual(['dinkes']);
    expect(unitScopeOf(admin, 'read:person:unit')).toBeNull();
  });

  it('never crosses agencies except for platform permissions', () => {
    expect(can(admin, 'manage:person:agency', { agencyId: 'agency-b' })).toBe(false);
    expect(can(platform, 'manage:agency:platform', { agencyId: 'agency-b' })).toBe(true);
  });

  it('names the role an action was taken in', () => {
    const both: Actor = {
      personId: 'p5',
      agencyId: agency,
      grants: [
        { role: 'manager', unitId: 'x' },
        { role: 'agency_admin', unitId: null },
      ],
    };
    expect(roleUsedFor(both, 'read:person:unit')).toBe('agency_admin');
    expect(roleUsedFor(both, 'read:profile:own')).toBe('employee');
    expect(roleUsedFor(employee)).toBe('employee');
  });
});

describe('separation of duties', () => {
  it('makes every role that reads health data, or approves it, wait for a second person', async () => {
    const { PERMISSION_ROLES } = await import('./permissions.js');
    const { requiresApproval, APPROVER_ROLES } = await import('./roles.js');
    const health = [
      'read:shared-result:assigned',
      'read:crisis-request:unit',
      'manage:note:assigned',
      'read:note:break-glass',
    ] as const;
    for (const p of health) for (const role of PERMISSION_ROLES[p]) expect(requiresApproval(role), role).toBe(true);
    for (const role of PERMISSION_ROLES['approve:role-grant:agency']) expect(requiresApproval(role), role).toBe(true);
    for (const role of APPROVER_ROLES) expect(requiresApproval(role), role).toBe(true);
    expect(requiresApproval('manager')).toBe(false);
  });

  it('never lets the requester or the grantee approve', async () => {
    const { isIndependentApprover } = await import('./roles.js');
    const request = { requestedBy: 'admin', personId: 'grantee' };
    expect(isIndependentApprover('admin', request)).toBe(false);
    expect(isIndependentApprover('grantee', request)).toBe(false);
    expect(isIndependentApprover('dpo', request)).toBe(true);
  });

  it('requires two-factor for the new roles', async () => {
    const { requiresTwoFactor } = await import('./roles.js');
    expect(requiresTwoFactor([{ role: 'dpo', unitId: null }])).toBe(true);
    expect(requiresTwoFactor([{ role: 'clinical_supervisor', unitId: null }])).toBe(true);
  });
});

describe('health data permissions (docs/privacy.md §1.1)', () => {
  const healthPermissions = [
    'take:assessment:own',
    'read:assessment:own',
    'read:safety-plan:own',
    'update:safety-plan:own',
    'read:check-in:own',
    'update:check-in:own',
    'read:habits:own',
    'update:habits:own',
    'read:planner:own',
    'update:planner:own',
    'read:shared-result:assigned',
    'read:crisis-request:unit',
    'read:booking:own',
    'update:booking:own',
    'read:appointment:assigned',
    'manage:note:assigned',
    'manage:counselling-consent:own',
    'read:client-record:assigned',
  ] as const;
  it('are never held by managers, wellbeing admins, agency admins or platform admins', async () => {
    const { PERMISSION_ROLES } = await import('./permissions.js');
    for (const permission of healthPermissions) {
      const roles = PERMISSION_ROLES[permission] as readonly string[];
      for (const role of [
        'manager',
        'wellbeing_admin',
        'agency_admin',
        'platform_admin',
        'dpo',
        'clinical_supervisor',
      ]) {
        expect(roles, `${permission} / ${role}`).not.toContain(role);
      }
    }
  });

  it('open session notes to their author (a counsellor) and, through break-glass, a clinical supervisor only', async () => {
    const { PERMISSION_ROLES } = await import('./permissions.js');
    expect(PERMISSION_ROLES['manage:note:assigned']).toEqual(['counsellor']);
    expect(PERMISSION_ROLES['read:note:break-glass']).toEqual(['clinical_supervisor']);
    const supervisor: Actor = {
      personId: 'p7',
      agencyId: agency,
      grants: [{ role: 'clinical_supervisor', unitId: null }],
    };
    for (const actor of [employee, manager, admin, platform]) {
      expect(hasPermission(actor, 'manage:note:assigned')).toBe(false);
      expect(hasPermission(actor, 'read:note:break-glass')).toBe(false);
    }
    expect(hasPermission(supervisor, 'read:note:break-glass')).toBe(true);
    expect(hasPermission(supervisor, 'manage:note:assigned')).toBe(false);
  });

  it('let a person read only their own results', () => {
    expect(can(employee, 'read:assessment:own', { agencyId: agency, ownerId: 'p1' })).toBe(true);
    expect(can(admin, 'read:assessment:own', { agencyId: agency, ownerId: 'p1' })).toBe(false);
  });

  it('keep the safety plan to its owner alone, counsellors included', async () => {
    const { PERMISSION_ROLES } = await import('./permissions.js');
    expect(PERMISSION_ROLES['read:safety-plan:own']).toEqual(['employee']);
    expect(PERMISSION_ROLES['update:safety-plan:own']).toEqual(['employee']);
    const counsellor: Actor = { personId: 'p6', agencyId: agency, grants: [{ role: 'counsellor', unitId: null }] };
    expect(can(counsellor, 'read:safety-plan:own', { agencyId: agency, ownerId: 'p1' })).toBe(false);
    expect(can(employee, 'read:safety-plan:own', { agencyId: agency, ownerId: 'p1' })).toBe(true);
  });
});
