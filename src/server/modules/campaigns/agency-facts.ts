import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { OrgDirectory } from '../org/index.js';

/* What campaigns need to know of the agency and its units, from the org directory. */

export interface AgencyUnit {
  id: string;
  parentId: string | null;
  name: string;
  timeZone: string;
  isActive: boolean;
}

export interface AgencyFacts {
  id: string;
  name: string;
  timeZone: string;
  anonymityThreshold: number;
}

/** The agency's facts a campaign needs: its name, time zone and anonymity threshold. */
export async function agencyFacts(
  directory: OrgDirectory,
  agencyId: string,
  db: Kysely<Database>,
): Promise<AgencyFacts | undefined> {
  const row = await directory.agency(agencyId, db);
  return row && { id: row.id, name: row.name, timeZone: row.time_zone, anonymityThreshold: row.anonymity_threshold };
}

/** The agency's whole unit tree, inactive units included, by name. */
export async function agencyUnits(
  directory: OrgDirectory,
  agencyId: string,
  db: Kysely<Database>,
): Promise<AgencyUnit[]> {
  return (await directory.unitsOf(agencyId, db)).map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    timeZone: r.time_zone,
    isActive: r.is_active === 1,
  }));
}
