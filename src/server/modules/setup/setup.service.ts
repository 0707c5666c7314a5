import type { Kysely } from 'kysely';
import type { SetupInput } from '../../../contracts/setup.js';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { AppError, FieldValidationError } from '../../http/errors.js';
import { provisionAgency } from '../agency/provision.js';
import type { AuditService } from '../audit/audit.service.js';
import { upsertPasswordHash } from '../auth/credentials.repository.js';
import { checkNewPassword, hashPassword, identityOf } from '../auth/password.service.js';

const SETUP_KEY = 'setup_completed';

/**
 * First-run set-up: on an empty install, creates the first agency, its top unit and its admin,
 * who is also the platform admin. Runs once; the instance_state primary key makes a second,
 * concurrent attempt fail rather than create a second "first" agency.
 */
export class SetupService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {}

  async needsSetup(): Promise<boolean> {
    const row = await this.deps.db
      .selectFrom('instance_state')
      .select('key')
      .where('key', '=', SETUP_KEY)
      .executeTakeFirst();
    return !row;
  }

  async run(input: SetupInput, requestId: string | null): Promise<{ agencyId: string; adminId: string }> {
    const { db, clock, audit } = this.deps;
    if (!(await this.needsSetup())) throw new AppError(409, 'setup_already_done');
    const problem = checkNewPassword(input.admin.password, {
      identifiers: identityOf({
        full_name: input.admin.fullName,
        nip: input.admin.nip ?? null,
        email: input.admin.email,
      }),
    });
    if (problem) throw new FieldValidationError([{ path: 'admin.password', key: `password.${problem}` }]);
    const hash = await hashPassword(input.admin.password);
    const now = clock.now();
    try {
      return await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('instance_state')
          .values({ key: SETUP_KEY, value: now.toISOString(), updated_at: now.toISOString() })
          .execute();
        const { agencyId, adminId } = await provisionAgency(trx, input, now);
        await trx
          .insertInto('role_assignments')
          .values({
            id: newId(),
            agency_id: agencyId,
            person_id: adminId,
            role: 'platform_admin',
            unit_id: null,
            granted_by: null,
            granted_at: now.toISOString(),
          })
          .execute();
        await upsertPasswordHash(trx, adminId, hash, now.toISOString());
        await audit.record(
          { agencyId, action: 'setup.completed', actorId: adminId, actorRole: 'agency_admin', requestId },
          trx,
        );
        return { agencyId, adminId };
      });
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (!(await this.needsSetup())) throw new AppError(409, 'setup_already_done');
      throw err;
    }
  }
}
