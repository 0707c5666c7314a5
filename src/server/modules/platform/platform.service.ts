import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { newAgencyBody } from '../../../contracts/platform.js';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { presentAgency, provisionAgency } from '../agency/index.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { CredentialsService } from '../auth/index.js';
import type { OrgDirectory } from '../org/index.js';

/** Agencies (tenants) of a multi-agency install, for the platform operator. */
export class PlatformService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      credentials: CredentialsService;
      directory: OrgDirectory;
    },
  ) {}

  async list() {
    const { directory } = this.deps;
    const [agencies, { people, units }] = await Promise.all([directory.agencies(), directory.activeCountsByAgency()]);
    const count = (rows: Array<{ agency_id: string; n: number }>, id: string) =>
      Number(rows.find((r) => r.agency_id === id)?.n ?? 0);
    return agencies.map((a) => ({
      ...presentAgency(a),
      people: count(people, a.id),
      units: count(units, a.id),
      createdAt: a.created_at,
    }));
  }

  /** Creates an agency and invites its first admin by email. */
  async create(input: z.infer<typeof newAgencyBody>, origin: AuditOrigin) {
    const { db, clock, audit, credentials } = this.deps;
    const created = await db.transaction().execute(async (trx) => {
      const ids = await provisionAgency(trx, input, clock.now());
      await audit.record(
        { ...origin, action: 'platform.agency_created', resourceType: 'agency', resourceId: ids.agencyId },
        trx,
      );
      return ids;
    });
    const invitation = await credentials.invite(created.agencyId, created.adminId, {
      ...origin,
      agencyId: created.agencyId,
    });
    return { agencyId: created.agencyId, adminId: created.adminId, invitation };
  }
}
