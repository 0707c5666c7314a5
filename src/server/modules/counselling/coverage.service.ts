import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { OrgDirectory } from '../org/index.js';
import {
  agencyHasCounsellor,
  findCounsellorsCovering,
  unitsWithin,
  type CounsellorRow,
} from './coverage.repository.js';

/**
 * Counsellor coverage: which active counsellors' grants cover a unit (agency-wide grants, or a
 * grant on the unit or one of its ancestors). Help asks it who a request for help reaches;
 * sharing asks it whom a person may share a result with; the urgent queue asks it which units a
 * counsellor sees. Every method takes `db`, so a caller can ask inside its own transaction.
 */
export class CounsellorCoverage {
  constructor(private readonly deps: { db: Kysely<Database>; directory: OrgDirectory }) {}

  /** Active counsellors whose grant covers `unitId`, by name. */
  covering(agencyId: string, unitId: string, db: Kysely<Database> = this.deps.db): Promise<CounsellorRow[]> {
    return findCounsellorsCovering(db, agencyId, unitId);
  }

  /** The unit of a person of the agency; undefined when there is no such person. */
  async unitOf(agencyId: string, personId: string, db: Kysely<Database> = this.deps.db): Promise<string | undefined> {
    return (await this.deps.directory.person(agencyId, personId, db))?.unit_id;
  }

  /** Whether the agency has any active counsellor at all (can "please contact me" reach anyone?). */
  anyInAgency(agencyId: string): Promise<boolean> {
    return agencyHasCounsellor(this.deps.db, agencyId);
  }

  /** Every unit inside the given grant roots (null = the whole agency stays null). */
  unitsWithin(agencyId: string, roots: string[] | null): Promise<Set<string> | null> {
    return unitsWithin(this.deps.db, agencyId, roots);
  }
}
