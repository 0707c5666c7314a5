import type { Kysely } from 'kysely';
import {
  SAFETY_PLAN_SECTIONS,
  type SafetyPlanBody,
  type SafetyPlanContent,
  type SafetyPlanView,
} from '../../../contracts/safety-plan.js';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import type { KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, conflict } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import {
  deleteSafetyPlan,
  findSafetyPlan,
  insertSafetyPlan,
  replaceSafetyPlan,
  type SafetyPlanRow,
} from './safety-plan.repository.js';

type Me = SessionState['person'];
type Saved = { created: boolean; view: SafetyPlanView };

const notFound = () => new AppError(404, 'safety_plan_not_found');
const outdated = () => conflict('safety_plan_conflict');

/** The plan as stored: its sections always in one order, so equal plans are equal texts. */
export function safetyPlanText(plan: SafetyPlanContent): string {
  return JSON.stringify(Object.fromEntries(SAFETY_PLAN_SECTIONS.map((s) => [s, plan[s]])));
}

/**
 * The person's own safety plan (Stanley & Brown 2012; contracts/safety-plan.ts). Only its owner
 * reads, writes or deletes it: every query is keyed by the signed-in person, no other role has a
 * route to it (docs/privacy.md §1.1), and it is encrypted at rest like assessment answers. Saving is
 * not audited: the agency's log would otherwise tell who keeps a safety plan.
 */
export class SafetyPlanService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; keys: KeyRing }) {}

  async get(me: Me): Promise<SafetyPlanView> {
    const row = await findSafetyPlan(this.deps.db, me.id, me.agencyId);
    if (!row) throw notFound();
    return this.present(row);
  }

  /**
   * Creates or replaces the plan. A save sent again after it was stored (the answer was lost, or
   * the person pressed twice) finds the same plan and stores nothing; a save started from an older
   * version than the stored one is refused with 409, so no device overwrites another's edit.
   */
  async save(me: Me, body: SafetyPlanBody): Promise<Saved> {
    const { db } = this.deps;
    const text = safetyPlanText(body.plan);
    try {
      return await db.transaction().execute(async (trx) => this.apply(trx, me, body.version, text));
    } catch (err) {
      // Two first saves raced and the other one won: decide against what it stored.
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      return this.apply(db, me, body.version, text);
    }
  }

  /** Deletes the plan for good (UU PDP Art. 8): no copy, no tombstone. */
  async remove(me: Me): Promise<void> {
    if ((await deleteSafetyPlan(this.deps.db, me.id, me.agencyId)) === 0) throw notFound();
  }

  private async apply(db: Kysely<Database>, me: Me, fromVersion: number | null, text: string): Promise<Saved> {
    const { clock, keys } = this.deps;
    const current = await findSafetyPlan(db, me.id, me.agencyId);
    if (current && keys.decrypt(current.plan_enc) === text) return { created: false, view: this.present(current) };
    const now = clock.now().toISOString();
    if (!current) {
      // Editing a plan that has since been deleted (on another device) is a conflict, not a new plan.
      if (fromVersion !== null) throw outdated();
      const row: SafetyPlanRow = {
        person_id: me.id,
        agency_id: me.agencyId,
        plan_enc: keys.encrypt(text),
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await insertSafetyPlan(db, row);
      return { created: true, view: this.present(row) };
    }
    if (fromVersion !== current.version) throw outdated();
    const replaced = await replaceSafetyPlan(db, {
      personId: me.id,
      agencyId: me.agencyId,
      fromVersion,
      planEnc: keys.encrypt(text),
      updatedAt: now,
    });
    const latest = await findSafetyPlan(db, me.id, me.agencyId);
    if (replaced && latest) return { created: false, view: this.present(latest) };
    // Another save got in between the read and the write: it may have stored this very plan.
    if (latest && keys.decrypt(latest.plan_enc) === text) return { created: false, view: this.present(latest) };
    throw outdated();
  }

  private present(row: SafetyPlanRow): SafetyPlanView {
    return {
      version: row.version,
      plan: JSON.parse(this.deps.keys.decrypt(row.plan_enc)) as SafetyPlanView['plan'],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /* The owner's reads and changes for My data (their transaction as `db`). */

  /** The person's plan as stored (still encrypted), for their copy. */
  ownPlan(db: Kysely<Database>, personId: string, agencyId: string): Promise<SafetyPlanRow | undefined> {
    return findSafetyPlan(db, personId, agencyId);
  }

  /** Erases the plan (one row per person; its versions are counts, not copies); answers how many. */
  eraseOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return deleteSafetyPlan(db, personId, agencyId);
  }
}
