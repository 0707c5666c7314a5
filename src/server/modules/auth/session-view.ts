import type { Kysely } from 'kysely';
import type { SessionView } from '../../../contracts/auth.js';
import type { Database } from '../../../db/schema.js';
import { rolesOf } from '../../../domain/access/permissions.js';
import { requiresTwoFactor } from '../../../domain/access/roles.js';
import { greetingNameOf } from '../../../domain/org/preferred-name.js';
import type { SessionState } from '../../http/context.js';
import type { OrgDirectory } from '../org/index.js';
import { findCredentials } from './credentials.repository.js';

/** Presents the signed-in person to the web app: who, which roles, which agency and unit. */
export async function presentSession(
  deps: { db: Kysely<Database>; directory: OrgDirectory },
  s: SessionState,
): Promise<SessionView> {
  const { db, directory } = deps;
  const [person, agency, unit, grants, creds] = await Promise.all([
    directory.personAnywhere(s.person.id),
    directory.agencyOrThrow(s.person.agencyId),
    directory.unit(s.person.unitId),
    directory.grantViewsOf(s.person.id),
    findCredentials(db, s.person.id),
  ]);
  if (!person || !unit) throw new Error('the signed-in person or their unit is gone');
  return {
    stage: s.stage,
    csrfToken: s.csrfToken,
    person: {
      id: s.person.id,
      fullName: s.person.fullName,
      email: person.email,
      nip: person.nip,
      locale: s.person.locale,
      preferredName: person.preferred_name,
      greetingName: greetingNameOf({ fullName: person.full_name, preferredName: person.preferred_name }),
      phone: person.phone,
    },
    roles: rolesOf(s.actor),
    grants,
    agency: { id: agency.id, name: agency.name, shortName: agency.short_name, timeZone: agency.time_zone },
    unit: { id: unit.id, name: unit.name, timeZone: unit.time_zone },
    twoFactor: { enabled: Boolean(creds?.totp_enabled_at), required: requiresTwoFactor(s.actor.grants) },
  };
}
