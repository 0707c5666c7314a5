import { unitCodeSchema } from '../../../contracts/setup.js';
import { parseTimeZone } from '../../../domain/org/spreadsheet-values.js';
import type { IndonesianTimeZone } from '../../../domain/org/unit-tree.js';
import { ImportCheck, type ImportOutcome } from './import-check.js';
import type { ImportTable } from './import-table.js';

/** A unit already in the agency. */
export interface ExistingUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  timeZone: string;
  isActive: boolean;
}

export interface UnitsSnapshot {
  agencyTimeZone: string;
  units: ExistingUnit[];
}

/** The parent of an imported unit: a stored unit, or a new unit of the same file. */
export type ParentLink = { kind: 'existing'; id: string } | { kind: 'row'; index: number };

export interface UnitCreate {
  index: number;
  code: string;
  name: string;
  parent: ParentLink;
  timeZone: string;
}

export interface UnitChange {
  index: number;
  id: string;
  name: string;
  /** null only for the top unit, which stays on top. */
  parent: ParentLink | null;
  timeZone: string;
}

export type UnitsOutcome = ImportOutcome<UnitCreate, UnitChange>;

type ParentRef = { kind: 'keep' } | { kind: 'existing'; id: string } | { kind: 'row'; index: number };

interface ParsedUnit {
  code: string;
  name: string;
  timeZone: IndonesianTimeZone | null;
  match: ExistingUnit | null;
  parent: ParentRef;
}

const COLUMN_ORDER = ['kode_unit', 'nama_unit', 'kode_unit_induk', 'zona_waktu'];

/**
 * Checks every row of a units file against the file and the agency's tree, without writing. A
 * unit already in the agency is matched by code. Parents may be stored units or other rows; the
 * agency keeps its one top unit, and the new tree must have no loops.
 */
export class UnitsImportCheck extends ImportCheck<ParsedUnit, UnitsOutcome> {
  private readonly firstByCode: Map<string, number>;
  private readonly byCode: Map<string, ExistingUnit>;
  private readonly byId: Map<string, ExistingUnit>;

  constructor(
    table: ImportTable,
    private readonly snapshot: UnitsSnapshot,
  ) {
    super(table, COLUMN_ORDER, { column: 'kode_unit_induk', cycleKey: 'import.unit_cycle' });
    this.byCode = new Map(snapshot.units.map((u) => [u.code, u]));
    this.byId = new Map(snapshot.units.map((u) => [u.id, u]));
    this.firstByCode = this.firstRowsBy((i) => this.reader.cell(i, 'kode_unit'));
  }

  protected override checkRow(i: number): ParsedUnit {
    const r = this.reader;
    const add = (column: string, key: string, params?: Record<string, unknown>) =>
      this.problems.add({ index: i, column, key, params });

    const code = r.cell(i, 'kode_unit');
    if (!code) add('kode_unit', 'required');
    else if (code.length > 40) add('kode_unit', 'string_too_long', { maximum: 40 });
    else if (!unitCodeSchema.safeParse(code).success) add('kode_unit', 'unit_code');
    const first = code ? this.firstByCode.get(code) : undefined;
    if (first !== undefined && first !== i) add('kode_unit', 'import.duplicate_code', { row: r.rowNumber(first) });

    const name = r.cell(i, 'nama_unit');
    if (!name) add('nama_unit', 'required');
    else if (name.length > 200) add('nama_unit', 'string_too_long', { maximum: 200 });

    const zoneText = r.cell(i, 'zona_waktu');
    const timeZone = zoneText ? parseTimeZone(zoneText) : null;
    if (zoneText && !timeZone) add('zona_waktu', 'import.time_zone');

    const match = (code && this.byCode.get(code)) || null;
    return { code, name, timeZone, match, parent: this.parentRef(i, code, match, add) };
  }

  private parentRef(
    i: number,
    code: string,
    match: ExistingUnit | null,
    add: (column: string, key: string, params?: Record<string, unknown>) => void,
  ): ParentRef {
    const r = this.reader;
    const parentCode = r.cell(i, 'kode_unit_induk');
    if (match && match.parentId === null) {
      // The agency hangs from its top unit: it cannot be put under another.
      if (parentCode) add('kode_unit_induk', 'import.root_unit_move');
      return { kind: 'keep' };
    }
    if (!r.has('kode_unit_induk') && match) return { kind: 'keep' };
    if (!parentCode) {
      add('kode_unit_induk', 'import.parent_required');
      return { kind: 'keep' };
    }
    if (parentCode === code) {
      add('kode_unit_induk', 'import.parent_self');
      return { kind: 'keep' };
    }
    const row = this.firstByCode.get(parentCode);
    const stored = this.byCode.get(parentCode);
    // A unit that stays or becomes active needs an active parent.
    if (stored && !stored.isActive && (!match || match.isActive))
      add('kode_unit_induk', 'import.unit_inactive', { code: parentCode });
    if (row !== undefined) return { kind: 'row', index: row };
    if (stored) return { kind: 'existing', id: stored.id };
    add('kode_unit_induk', 'import.parent_not_found', { code: parentCode });
    return { kind: 'keep' };
  }

  /** The row of the unit's parent, when the parent is a unit of the file. */
  protected override linkedRow(p: ParsedUnit): number | null {
    return p.parent.kind === 'row' ? p.parent.index : null;
  }

  protected override linkKeyOf(index: number): string | null {
    const p = this.parsed[index] as ParsedUnit;
    if (p.parent.kind === 'keep') return p.match?.parentId ?? null;
    if (p.parent.kind === 'existing') return p.parent.id;
    return this.keyOf(p.parent.index);
  }

  protected override storedLinkOf(id: string): string | null {
    return this.byId.get(id)?.parentId ?? null;
  }

  private linkOf(index: number): ParentLink | null {
    const p = this.parsed[index] as ParsedUnit;
    if (p.parent.kind === 'keep') return p.match?.parentId ? { kind: 'existing', id: p.match.parentId } : null;
    if (p.parent.kind === 'row') {
      const target = this.parsed[p.parent.index]?.match;
      return target ? { kind: 'existing', id: target.id } : p.parent;
    }
    return p.parent;
  }

  /**
   * A row's time zone: as written; else the stored unit's; else, for a new unit, its parent's
   * (the parent's final one when the file changes it); else the agency's.
   */
  private timeZoneOf(index: number, seen = new Set<number>()): string {
    const p = this.parsed[index] as ParsedUnit;
    if (p.timeZone) return p.timeZone;
    if (p.match) return p.match.timeZone;
    const parent = this.linkOf(index);
    if (parent?.kind === 'row' && !seen.has(parent.index)) return this.timeZoneOf(parent.index, seen.add(index));
    if (parent?.kind === 'existing') {
      const row = this.firstByCode.get(this.byId.get(parent.id)?.code ?? '');
      const parsedParent = row === undefined ? undefined : this.parsed[row];
      if (row !== undefined && parsedParent?.timeZone && !this.problems.isInvalid(row)) return parsedParent.timeZone;
      return this.byId.get(parent.id)?.timeZone ?? this.snapshot.agencyTimeZone;
    }
    return this.snapshot.agencyTimeZone;
  }

  protected override outcome(): UnitsOutcome {
    const creates: UnitCreate[] = [];
    const updates: UnitChange[] = [];
    let unchanged = 0;
    this.parsed.forEach((p, index) => {
      if (this.problems.isInvalid(index)) return;
      const parent = this.linkOf(index);
      const timeZone = this.timeZoneOf(index);
      if (!p.match) {
        creates.push({ index, code: p.code, name: p.name, parent: parent as ParentLink, timeZone });
        return;
      }
      const parentId = parent?.kind === 'existing' ? parent.id : parent === null ? null : undefined;
      if (p.match.name === p.name && p.match.parentId === parentId && p.match.timeZone === timeZone) unchanged++;
      else updates.push({ index, id: p.match.id, name: p.name, parent, timeZone });
    });
    return this.summarize(creates, updates, unchanged);
  }
}
