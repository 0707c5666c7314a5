import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EmploymentType } from '../../../domain/org/nip.js';
import type { Role } from '../../../domain/access/roles.js';
import { newId } from '../../crypto.js';
import { insertPerson, searchTextOf } from './people.repository.js';
import { insertAssignment } from './roles.repository.js';
import { insertUnit } from './units.repository.js';

/**
 * A new agency's top unit and first agency admin, in the caller's transaction: the org module's
 * part of provisioning an agency (agency/provision.ts), so only org writes its tables.
 */
export async function createTopUnitAndFirstAdmin(
  db: Kysely<Database>,
  input: {
    agencyId: string;
    timeZone: string;
    rootUnit: { name: string; code: string };
    admin: { fullName: string; email: string; employmentType: EmploymentType; nip: string | null };
  },
  ts: string,
): Promise<{ unitId: string; adminId: string }> {
  const { agencyId, admin } = input;
  const unitId = newId();
  const adminId = newId();
  await insertUnit(db, {
    id: unitId,
    agency_id: agencyId,
    parent_id: null,
    name: input.rootUnit.name,
    code: input.rootUnit.code,
    time_zone: input.timeZone,
    is_active: 1,
    created_at: ts,
    updated_at: ts,
  });
  await insertPerson(db, {
    id: adminId,
    agency_id: agencyId,
    unit_id: unitId,
    full_name: admin.fullName,
    nip: admin.nip,
    email: admin.email,
    email_normalized: admin.email.toLowerCase(),
    phone: null,
    position: null,
    employment_type: admin.employmentType,
    manager_id: null,
    is_active: 1,
    locale: 'id',
    search_text: searchTextOf({ full_name: admin.fullName, nip: admin.nip, email: admin.email }),
    deactivated_at: null,
    created_at: ts,
    updated_at: ts,
  });
  await grantAgencyWideRole(db, { agencyId, personId: adminId, role: 'agency_admin' }, ts);
  return { unitId, adminId };
}

/** Grants an agency-wide role with no second person: only for provisioning (set-up, a new agency). */
export async function grantAgencyWideRole(
  db: Kysely<Database>,
  grant: { agencyId: string; personId: string; role: Role },
  ts: string,
): Promise<void> {
  await insertAssignment(db, {
    id: newId(),
    agency_id: grant.agencyId,
    person_id: grant.personId,
    role: grant.role,
    unit_id: null,
    granted_by: null,
    granted_at: ts,
  });
}
