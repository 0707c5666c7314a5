import type { Kysely } from 'kysely';
import type { SessionView } from '../../../contracts/auth.js';
import type { Database } from '../../../db/schema.js';
import { rolesOf } from '../../../domain/access/permissions.js';
import { requiresTwoFactor, type Role } from '../../../domain/access/roles.js';
import type { SessionState } from '../../http/context.js';

/** Presents the signed-in person to the web app: who, which roles, which agency and unit. */
export async function presentSession(db: Kysely<Database>, s: SessionState): Promise<SessionView> {
  const [person, agency, unit, grants, creds] = await Promise.all([
    db.selectFrom('people').select(['email', 'nip']).where('id', '=', s.person.id).executeTakeFirstOrThrow(),
    db
      .selectFrom('agencies')
      .select(['id', 'name', 'short_name', 'time_zone'])
      .where('id', '=', s.person.agencyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('org_units')
      .select(['id', 'name', 'time_zone'])
      .where('id', '=', s.person.unitId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('role_assignments as r')
      .leftJoin('org_units as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.role', 'r.unit_id', 'u.name as unit_name'])
      .where('r.person_id', '=', s.person.id)
      .orderBy('r.role')
      .execute(),
    db.selectFrom('credentials').select('totp_enabled_at').where('person_id', '=', s.person.id).executeTakeFirst(),
  ]);
  return {
    stage: s.stage,
    csrfToken: s.csrfToken,
    person: {
      id: s.person.id,
      fullName: s.person.fullName,
      email: person.email,
      nip: person.nip,
      locale: s.person.locale,
    },
    roles: rolesOf(s.actor),
    grants: grants.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name })),
    agency: { id: agency.id, name: agency.name, shortName: agency.short_name, timeZone: agency.time_zone },
    unit: { id: unit.id, name: unit.name, timeZone: unit.time_zone },
    twoFactor: { enabled: Boolean(creds?.totp_enabled_at), required: requiresTwoFactor(s.actor.grants) },
  };
}
