import { unitCodeSchema } from '../../../contracts/setup.js';
import { nodesOnCycles } from '../../../domain/org/cycles.js';
import { parseTimeZone } from '../../../domain/org/spreadsheet-values.js';
import type { IndonesianTimeZone } from '../../../domain/org/unit-tree.js';
import { ProblemList } from './import-problems.js';
import { TableReader, type ImportPlan, type ImportTable, type RowProblem } from './import-table.js';

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

export interface UnitsOutcome {
  problems: RowProblem[];
  validRows: number;
  plan: ImportPlan;
  creates: UnitCreate[];
  updates: UnitChange[];
}

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
export class UnitsImportCheck {
  private readonly reader: TableReader;
  private readonly problems = new ProblemList(COLUMN_ORDER);
  private readonly parsed: ParsedUnit[] = [];
  private readonly firstByCode = new Map<string, number>();
  private readonly byCode: Map<string, ExistingUnit>;
  private readonly byId: Map<string, ExistingUnit>;

  constructor(
    table: ImportTable,
    private readonly snapshot: UnitsSnapshot,
  ) {
    this.reader = new TableReader(table);
    this.byCode = new Map(snapshot.units.map((u) => [u.code, u]));
    this.byId = new Map(snapshot.units.map((u) => [u.id, u]));
    for (let i = 0; i < this.reader.size; i++) {
      const code = this.reader.cell(i, 'kode_unit');
      if (code && !this.firstByCode.has(code)) this.firstByCode.set(code, i);
    }
  }

  get size(): number {
    return this.reader.size;
  }

  /** Checks rows from `from` (inclusive) to `to` (exclusive), each on its own and against the snapshot. */
  checkRows(from: number, to: number): void {
    for (let i = from; i < Math.min(to, this.reader.size); i++) this.parsed[i] = this.checkRow(i);
  }

  /** The checks across rows, then what committing the valid rows would do. */
  finish(): UnitsOutcome {
    const dependents = new Map<number, number[]>();
    this.parsed.forEach((p, i) => {
      // A parent the file creates is lost with its row; a stored parent stays whatever its row says.
      if (p.parent.kind === 'row' && !this.parsed[p.parent.index]?.match) {
        dependents.set(p.parent.index, [...(dependents.get(p.parent.index) ?? []), i]);
      }
    });
    const rowNumber = (i: number) => this.reader.rowNumber(i);
    this.problems.propagate(dependents, 'kode_unit_induk', rowNumber);
    this.flagCycles();
    this.problems.propagate(dependents, 'kode_unit_induk', rowNumber);
    return this.outcome();
  }

  private checkRow(i: number): ParsedUnit {
    const r = this.reader;
    const add = (column: string, key: string, params?: Record<string, unknown>) => this.problems.add({ index: i, column, key, params });

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
    if (stored && !stored.isActive && (!match || match.isActive)) add('kode_unit_induk', 'import.unit_inactive', { code: parentCode });
    if (row !== undefined) return { kind: 'row', index: row };
    if (stored) return { kind: 'existing', id: stored.id };
    add('kode_unit_induk', 'import.parent_not_found', { code: parentCode });
    return { kind: 'keep' };
  }

  private keyOf(index: number): string {
    return this.parsed[index]?.match?.id ?? `row:${index}`;
  }

  private parentKeyOf(index: number): string | null {
    const p = this.parsed[index] as ParsedUnit;
    if (p.parent.kind === 'keep') return p.match?.parentId ?? null;
    if (p.parent.kind === 'existing') return p.parent.id;
    return this.keyOf(p.parent.index);
  }

  /** Rows whose new parent would put a unit under itself (through stored units too). */
  private flagCycles(): void {
    const rowOf = new Map<string, number>();
    this.parsed.forEach((_, i) => {
      if (!this.problems.isInvalid(i)) rowOf.set(this.keyOf(i), i);
    });
    const next = (key: string) => {
      const row = rowOf.get(key);
      if (row !== undefined) return this.parentKeyOf(row);
      return key.startsWith('row:') ? null : (this.byId.get(key)?.parentId ?? null);
    };
    for (const key of nodesOnCycles(rowOf.keys(), next)) {
      const row = rowOf.get(key);
      if (row !== undefined) this.problems.add({ index: row, column: 'kode_unit_induk', key: 'import.unit_cycle' });
    }
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

  private outcome(): UnitsOutcome {
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
    return {
      problems: this.problems.sorted(),
      validRows: creates.length + updates.length + unchanged,
      plan: { create: creates.length, update: updates.length, unchanged },
      creates,
      updates,
    };
  }
}
