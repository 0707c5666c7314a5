import type { Kysely } from 'kysely';
import { insertDefaultHelpContacts } from '../../src/db/help-contact-defaults.js';
import type { Database } from '../../src/db/schema.js';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { newId, type KeyRing } from '../../src/server/crypto.js';
import { upsertPasswordHash } from '../../src/server/modules/auth/credentials.repository.js';
import { hashPassword } from '../../src/server/modules/auth/password.service.js';
import { newTotpSecret } from '../../src/server/modules/auth/totp.js';
import { searchTextOf } from '../../src/server/modules/org/people.repository.js';

/** A password that passes the policy, used by every test person. */
export const TEST_PASSWORD = 'kopi pagi di teras rumah';

let sequence = 0;

/**
 * A valid NIP (PNS) that differs per call: born 1985-1994, appointed CPNS at 24, sequence varies.
 */
export function makeNip(kind: 'pns' | 'pppk' = 'pns'): string {
  sequence++;
  const year = 1985 + (sequence % 10);
  const month = String(1 + (sequence % 12)).padStart(2, '0');
  const day = String(1 + (sequence % 28)).padStart(2, '0');
  const gender = sequence % 2 === 0 ? '1' : '2';
  const seq = String(1 + (sequence % 999)).padStart(3, '0');
  const tail = `${gender}${seq}`;
  return kind === 'pns'
    ? `${year}${month}${day}${year + 24}${month}${tail}`
    : `${year}${month}${day}${2019 + (sequence % 6)}21${tail}`;
}

export async function createAgency(
  db: Kysely<Database>,
  options: { name?: string; timeZone?: string } = {},
): Promise<{ agencyId: string; rootUnitId: string }> {
  const now = new Date().toISOString();
  const agencyId = newId();
  const rootUnitId = newId();
  const tz = options.timeZone ?? 'Asia/Jakarta';
  await db
    .insertInto('agencies')
    .values({
      id: agencyId,
      name: options.name ?? `Instansi Uji ${agencyId.slice(0, 6)}`,
      short_name: `UJI-${agencyId.slice(0, 4)}`,
      kind: 'pemerintah_kabupaten',
      time_zone: tz,
      anonymity_threshold: 5,
      dpo_name: null,
      dpo_email: null,
      disclosed_safety_outreach: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await insertDefaultHelpContacts(db, agencyId, now);
  await createUnit(db, agencyId, null, {
    id: rootUnitId,
    name: 'Sekretariat Daerah',
    code: `ROOT-${agencyId.slice(0, 4)}`,
    timeZone: tz,
  });
  return { agencyId, rootUnitId };
}

export async function createUnit(
  db: Kysely<Database>,
  agencyId: string,
  parentId: string | null,
  options: { id?: string; name?: string; code?: string; timeZone?: string } = {},
): Promise<string> {
  const now = new Date().toISOString();
  const id = options.id ?? newId();
  await db
    .insertInto('org_units')
    .values({
      id,
      agency_id: agencyId,
      parent_id: parentId,
      name: options.name ?? `Unit ${id.slice(0, 6)}`,
      code: options.code ?? `U-${id.slice(0, 8)}`,
      time_zone: options.timeZone ?? 'Asia/Jakarta',
      is_active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export interface TestPerson {
  id: string;
  agencyId: string;
  unitId: string;
  fullName: string;
  nip: string | null;
  email: string;
  password: string | null;
  totpSecret: string | null;
}

export async function createPerson(
  db: Kysely<Database>,
  keys: KeyRing,
  options: {
    agencyId: string;
    unitId: string;
    roles?: Array<AssignableRole | { role: AssignableRole; unitId: string | null }>;
    password?: string | null;
    totp?: boolean;
    fullName?: string;
    email?: string;
    nip?: string | null;
    employmentType?: 'pns' | 'pppk' | 'non_asn';
    managerId?: string | null;
    isActive?: boolean;
  },
): Promise<TestPerson> {
  const now = new Date().toISOString();
  const id = newId();
  const employmentType = options.employmentType ?? 'pns';
  const nip = options.nip === undefined ? (employmentType === 'non_asn' ? null : makeNip(employmentType)) : options.nip;
  const email = options.email ?? `pegawai.${id.slice(0, 8)}@uji.go.id`;
  const fullName = options.fullName ?? `Pegawai ${id.slice(0, 5)}`;
  await db
    .insertInto('people')
    .values({
      id,
      agency_id: options.agencyId,
      unit_id: options.unitId,
      full_name: fullName,
      nip,
      email,
      email_normalized: email.toLowerCase(),
      phone: null,
      position: 'Analis Kebijakan',
      employment_type: employmentType,
      manager_id: options.managerId ?? null,
      is_active: options.isActive === false ? 0 : 1,
      locale: 'id',
      search_text: searchTextOf({ full_name: fullName, nip, email }),
      deactivated_at: options.isActive === false ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const r of options.roles ?? []) {
    const grant = typeof r === 'string' ? { role: r, unitId: null } : r;
    await db
      .insertInto('role_assignments')
      .values({
        id: newId(),
        agency_id: options.agencyId,
        person_id: id,
        role: grant.role,
        unit_id: grant.unitId,
        granted_by: null,
        granted_at: now,
      })
      .execute();
  }
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  let totpSecret: string | null = null;
  if (password) await upsertPasswordHash(db, id, await hashPassword(password), now);
  if (options.totp) {
    totpSecret = newTotpSecret();
    await db
      .updateTable('credentials')
      .set({ totp_secret_enc: keys.encrypt(totpSecret), totp_enabled_at: now })
      .where('person_id', '=', id)
      .execute();
  }
  return { id, agencyId: options.agencyId, unitId: options.unitId, fullName, nip, email, password, totpSecret };
}
