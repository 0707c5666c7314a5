import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { newAgencySchema, rootUnitSchema } from '../../../contracts/setup.js';
import { insertDefaultHelpContacts } from '../../../db/help-contact-defaults.js';
import type { Database } from '../../../db/schema.js';
import { validateNip, type EmploymentType } from '../../../domain/org/nip.js';
import { newId } from '../../crypto.js';
import { FieldValidationError } from '../../http/errors.js';
import { createTopUnitAndFirstAdmin } from '../org/index.js';
import { insertAgency } from './agency.repository.js';

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
  await insertAgency(db, {
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
  });
  await insertDefaultHelpContacts(db, agencyId, ts);
  // The top unit, the admin and their role are the org module's rows: it writes them.
  const { unitId, adminId } = await createTopUnitAndFirstAdmin(
    db,
    {
      agencyId,
      timeZone: input.agency.timeZone,
      rootUnit: input.rootUnit,
      admin: {
        fullName: input.admin.fullName,
        email: input.admin.email,
        employmentType: input.admin.employmentType,
        nip,
      },
    },
    ts,
  );
  return { agencyId, unitId, adminId };
}
