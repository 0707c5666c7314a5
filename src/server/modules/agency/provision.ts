import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { newAgencySchema, rootUnitSchema } from '../../../contracts/setup.js';
import { insertDefaultHelpContacts } from '../../../db/help-contact-defaults.js';
import type { Database } from '../../../db/schema.js';
import { validateNip, type EmploymentType } from '../../../domain/org/nip.js';
import { newId } from '../../crypto.js';
import { FieldValidationError } from '../../http/errors.js';
import { searchTextOf } from '../org/people.repository.js';

export interface FirstAdmin {
  fullName: string;
  email: string;
  employmentType: EmploymentType;
  nip?: string | undefined;
}

/**
 * Creates an agency with its top unit and its first agency admin, in the caller's transaction.
 * Used by first-run set-up, the `teduh setup` command and the platform admin's agency screen.
 */
export async function provisionAgency(
  db: Kysely<Database>,
  input: { agency: z.infer<typeof newAgencySchema>; rootUnit: z.infer<typeof rootUnitSchema>; admin: FirstAdmin },
  now: Date,
): Promise<{ agencyId: string; unitId: string; adminId: string }> {
  const nip = input.admin.nip ? input.admin.nip : null;
  if (input.admin.employmentType !== 'non_asn' || nip) {
    const check = validateNip(nip, input.admin.employmentType, now);
    if (!check.ok) throw new FieldValidationError([{ path: 'admin.nip', key: `nip.${check.problem}` }]);
  }
  const ts = now.toISOString();
  const agencyId = newId();
  const unitId = newId();
  const adminId = newId();
  await db
    .insertInto('agencies')
    .values({
      id: agencyId,
      name: input.agency.name,
      short_name: input.agency.shortName,
      kind: input.agency.kind,
      time_zone: input.agency.timeZone,
      anonymity_threshold: 5,
      dpo_name: null,
      dpo_email: null,
      disclosed_safety_outreach: 0,
      created_at: ts,
      updated_at: ts,
    })
    .execute();
  await insertDefaultHelpContacts(db, agencyId, ts);
  await db
    .insertInto('org_units')
    .values({
      id: unitId,
      agency_id: agencyId,
      parent_id: null,
      name: input.rootUnit.name,
      code: input.rootUnit.code,
      time_zone: input.agency.timeZone,
      is_active: 1,
      created_at: ts,
      updated_at: ts,
    })
    .execute();
  const person = { full_name: input.admin.fullName, nip, email: input.admin.email };
  await db
    .insertInto('people')
    .values({
      id: adminId,
      agency_id: agencyId,
      unit_id: unitId,
      full_name: input.admin.fullName,
      nip,
      email: input.admin.email,
      email_normalized: input.admin.email.toLowerCase(),
      phone: null,
      position: null,
      employment_type: input.admin.employmentType,
      manager_id: null,
      is_active: 1,
      locale: 'id',
      search_text: searchTextOf(person),
      deactivated_at: null,
      created_at: ts,
      updated_at: ts,
    })
    .execute();
  await db
    .insertInto('role_assignments')
    .values({
      id: newId(),
      agency_id: agencyId,
      person_id: adminId,
      role: 'agency_admin',
      unit_id: null,
      granted_by: null,
      granted_at: ts,
    })
    .execute();
  return { agencyId, unitId, adminId };
}
