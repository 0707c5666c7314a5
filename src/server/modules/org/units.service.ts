import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { UnitView, unitCreateBody, unitUpdateBody } from '../../../contracts/org.js';
import type { Database, OrgUnitRow } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { sortParentsFirst, wouldCreateCycle } from '../../../domain/org/unit-tree.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { conflict, notFound, unprocessable } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import {
  countActiveChildren,
  countActivePeopleByUnit,
  findUnit,
  findUnitByCode,
  findUnitTree,
  findUnitsOf,
  insertUnit,
  updateUnit,
} from './units.repository.js';

/** The unit as the API shows it. */
export function presentUnit(row: OrgUnitRow, peopleCount: number): UnitView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    code: row.code,
    timeZone: row.time_zone,
    isActive: row.is_active === 1,
    peopleCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type UnitField = 'name' | 'code' | 'parentId' | 'timeZone' | 'isActive';

/** The agency's organisation units: list, create, rename, move, deactivate. */
export class UnitService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {}

  /** Every unit of the agency, parents before their children, siblings by name. */
  async list(actor: Actor): Promise<UnitView[]> {
    const { db } = this.deps;
    const [units, counts] = await Promise.all([
      findUnitsOf(db, actor.agencyId),
      countActivePeopleByUnit(db, actor.agencyId),
    ]);
    const ordered = sortParentsFirst(units.map((u) => ({ ...u, parentId: u.parent_id })));
    return ordered.map((u) => presentUnit(u, counts.get(u.id) ?? 0));
  }

  /** Creates an active unit under an active unit of the agency. */
  async create(actor: Actor, input: z.infer<typeof unitCreateBody>, origin: AuditOrigin): Promise<UnitView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const parent = await findUnit(trx, actor.agencyId, input.parentId);
      if (!parent) throw unprocessable('unit_not_found');
      if (parent.is_active !== 1) throw unprocessable('unit_inactive');
      if (await findUnitByCode(trx, actor.agencyId, input.code))
        throw conflict('unit_code_taken', { code: input.code });
      const now = clock.now().toISOString();
      const row: OrgUnitRow = {
        id: newId(),
        agency_id: actor.agencyId,
        parent_id: parent.id,
        name: input.name,
        code: input.code,
        time_zone: input.timeZone,
        is_active: 1,
        created_at: now,
        updated_at: now,
      };
      await insertUnit(trx, row);
      await audit.record({ ...origin, action: 'org.unit_created', resourceType: 'unit', resourceId: row.id }, trx);
      return presentUnit(row, 0);
    });
  }

  /** Renames, re-codes, moves, changes the time zone of, or (de)activates a unit. */
  async update(
    actor: Actor,
    id: string,
    input: z.infer<typeof unitUpdateBody>,
    origin: AuditOrigin,
  ): Promise<UnitView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const unit = await findUnit(trx, actor.agencyId, id);
      if (!unit) throw notFound();
      const isRoot = unit.parent_id === null;
      const moving = input.parentId !== undefined && input.parentId !== unit.parent_id;
      const isActive = input.isActive === undefined ? unit.is_active === 1 : input.isActive;
      const deactivating = unit.is_active === 1 && !isActive;
      const reactivating = unit.is_active !== 1 && isActive;
      // The agency hangs from its top unit: it stays on top and stays active.
      if (isRoot && (moving || deactivating)) throw unprocessable('root_unit_required');

      const parentId = moving ? (input.parentId as string) : unit.parent_id;
      if (moving) {
        const parent = await findUnit(trx, actor.agencyId, parentId as string);
        if (!parent) throw unprocessable('unit_not_found');
        if (wouldCreateCycle(await findUnitTree(trx, actor.agencyId), id, parentId)) throw unprocessable('unit_cycle');
      }
      if (parentId !== null && isActive && (moving || reactivating)) {
        const parent = await findUnit(trx, actor.agencyId, parentId);
        if (parent?.is_active !== 1) throw unprocessable('unit_inactive');
      }
      if (deactivating) {
        if ((await countActiveChildren(trx, actor.agencyId, id)) > 0) throw conflict('unit_has_children');
        if (((await countActivePeopleByUnit(trx, actor.agencyId, id)).get(id) ?? 0) > 0)
          throw conflict('unit_has_people');
      }
      if (input.code !== undefined && input.code !== unit.code) {
        const holder = await findUnitByCode(trx, actor.agencyId, input.code);
        if (holder && holder.id !== id) throw conflict('unit_code_taken', { code: input.code });
      }

      const next: OrgUnitRow = {
        ...unit,
        name: input.name ?? unit.name,
        code: input.code ?? unit.code,
        parent_id: parentId,
        time_zone: input.timeZone ?? unit.time_zone,
        is_active: isActive ? 1 : 0,
      };
      const changed = changedUnitFields(unit, next);
      if (changed.length > 0) {
        next.updated_at = clock.now().toISOString();
        await updateUnit(trx, actor.agencyId, id, {
          name: next.name,
          code: next.code,
          parent_id: next.parent_id,
          time_zone: next.time_zone,
          is_active: next.is_active,
          updated_at: next.updated_at,
        });
        await audit.record(
          { ...origin, action: 'org.unit_updated', resourceType: 'unit', resourceId: id, details: { changed } },
          trx,
        );
      }
      const counts = await countActivePeopleByUnit(trx, actor.agencyId, id);
      return presentUnit(next, counts.get(id) ?? 0);
    });
  }
}

function changedUnitFields(before: OrgUnitRow, after: OrgUnitRow): UnitField[] {
  const pairs: Array<[UnitField, unknown, unknown]> = [
    ['name', before.name, after.name],
    ['code', before.code, after.code],
    ['parentId', before.parent_id, after.parent_id],
    ['timeZone', before.time_zone, after.time_zone],
    ['isActive', before.is_active, after.is_active],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field]) => field);
}
