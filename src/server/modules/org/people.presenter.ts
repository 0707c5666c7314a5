import type { EMPLOYMENT_TYPE_VALUES, PersonDetail, PersonSummary } from '../../../contracts/org.js';
import { ROLES, type Role } from '../../../domain/access/roles.js';
import type { PersonWithUnit } from './people.repository.js';
import type { RoleGrantView } from './roles.repository.js';

/** What the list shows beside the person's own fields, fetched in batches for a whole page. */
export interface PersonListFacts {
  roles: Role[];
  hasSignedUp: boolean;
  invitationPending: boolean;
}

/** What the detail view adds. */
export interface PersonDetailFacts extends PersonListFacts {
  managerName: string | null;
  grants: RoleGrantView[];
  twoFactorEnabled: boolean;
}

/** Every role the person holds, employee first, in the order ROLES lists them. */
function allRoles(stored: Role[]): Role[] {
  const held = new Set<Role>(['employee', ...stored]);
  return ROLES.filter((r) => held.has(r));
}

/** One row of the people list. */
export function presentPersonSummary(row: PersonWithUnit, facts: PersonListFacts): PersonSummary {
  return {
    id: row.id,
    fullName: row.full_name,
    nip: row.nip,
    email: row.email,
    position: row.position,
    employmentType: row.employment_type as (typeof EMPLOYMENT_TYPE_VALUES)[number],
    unitId: row.unit_id,
    unitName: row.unit_name,
    isActive: row.is_active === 1,
    roles: allRoles(facts.roles),
    hasSignedUp: facts.hasSignedUp,
    invitationPending: facts.invitationPending,
  };
}

/** One person in full, as an agency admin or their manager sees them (no health data). */
export function presentPersonDetail(row: PersonWithUnit, facts: PersonDetailFacts): PersonDetail {
  return {
    ...presentPersonSummary(row, facts),
    phone: row.phone,
    managerId: row.manager_id,
    managerName: facts.managerName,
    locale: row.locale === 'en' ? 'en' : 'id',
    grants: facts.grants,
    twoFactorEnabled: facts.twoFactorEnabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deactivatedAt: row.deactivated_at,
  };
}
