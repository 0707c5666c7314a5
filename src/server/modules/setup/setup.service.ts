import type { Kysely } from 'kysely';
import type { SetupInput } from '../../../contracts/setup.js';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { AppError, FieldValidationError } from '../../http/errors.js';
import { provisionAgency } from '../agency/index.js';
import type { AuditService } from '../audit/index.js';
import { checkNewPassword, hashPassword, identityOf, upsertPasswordHash } from '../auth/index.js';
import { grantAgencyWideRole } from '../org/index.js';
import { hasInstanceState, insertInstanceState } from './instance-state.repository.js';

const SETUP_KEY = 'setup_completed';

/**
 * First-run set-up: on an empty install, creates the first agency, its top unit and its admin,
 * who is also the platform admin. Runs once; the instance_state primary key makes a second,
 * concurrent attempt fail rather than create a second "first" agency.
 */
export class SetupService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {}

  async needsSetup(): Promise<boolean> {
    return !(await hasInstanceState(this.deps.db, SETUP_KEY));
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
        await insertInstanceState(trx, SETUP_KEY, now.toISOString(), now.toISOString());
        const { agencyId, adminId } = await provisionAgency(trx, input, now);
        // The first admin also runs the platform: there is nobody yet to be the second person.
        await grantAgencyWideRole(trx, { agencyId, personId: adminId, role: 'platform_admin' }, now.toISOString());
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
