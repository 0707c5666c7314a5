import { nodesOnCycles } from '../../../domain/org/cycles.js';
import { ProblemList } from './import-problems.js';
import { TableReader, type ImportPlan, type ImportTable, type RowProblem } from './import-table.js';

/** What a check found, and what committing its valid rows would do. */
export interface ImportOutcome<Create, Change> {
  problems: RowProblem[];
  validRows: number;
  plan: ImportPlan;
  creates: Create[];
  updates: Change[];
}

/** How a row points at another thing of the tree it belongs to: a unit's parent, a person's manager. */
export interface RowLinkRules {
  /** The column that names the link, where problems with it are reported. */
  column: string;
  /** The problem key for a row whose link would go round in a circle. */
  cycleKey: string;
}

/**
 * The frame of an import check, shared by units and people. Rows are checked one by one in
 * chunks (checkRows), so a caller can report progress; finish() then runs the checks that need
 * the whole file. A row may point at another row of the file (a new parent unit, a new manager):
 * it fails when that row fails, and a circle of such links fails every row on it. The subclass
 * holds the domain's rules: what a row means, where it points, and what committing would do.
 */
export abstract class ImportCheck<Parsed extends { match: { id: string } | null }, Outcome> {
  protected readonly reader: TableReader;
  protected readonly problems: ProblemList;
  protected readonly parsed: Parsed[] = [];

  constructor(
    table: ImportTable,
    columnOrder: readonly string[],
    private readonly link: RowLinkRules,
  ) {
    this.reader = new TableReader(table);
    this.problems = new ProblemList(columnOrder);
  }

  get size(): number {
    return this.reader.size;
  }

  /** Checks rows from `from` (inclusive) to `to` (exclusive), each on its own and against the snapshot. */
  checkRows(from: number, to: number): void {
    for (let i = from; i < Math.min(to, this.reader.size); i++) this.parsed[i] = this.checkRow(i);
  }

  /** The checks across rows, then what committing the valid rows would do. */
  finish(): Outcome {
    const dependents = new Map<number, number[]>();
    this.parsed.forEach((p, i) => {
      const target = this.linkedRow(p);
      // Only a row the file creates can be lost with its row; one already stored stays whatever its row says.
      if (target !== null && !this.parsed[target]?.match)
        dependents.set(target, [...(dependents.get(target) ?? []), i]);
    });
    const rowNumber = (i: number) => this.reader.rowNumber(i);
    this.problems.propagate(dependents, this.link.column, rowNumber);
    this.flagCycles();
    this.problems.propagate(dependents, this.link.column, rowNumber);
    return this.outcome();
  }

  /** One row on its own and against the snapshot; problems go to `this.problems`. */
  protected abstract checkRow(index: number): Parsed;

  /** The row of the file this row links to, if it links to one. */
  protected abstract linkedRow(parsed: Parsed): number | null;

  /** The graph key a valid row links to after committing (see keyOf), or null for none. */
  protected abstract linkKeyOf(index: number): string | null;

  /** Where a stored record (by id) links to now, for the part of the tree the file does not touch. */
  protected abstract storedLinkOf(id: string): string | null;

  /** What committing the valid rows would do. */
  protected abstract outcome(): Outcome;

  /** For each value (say, a code or a NIP) the first row that has it; empty values are left out. */
  protected firstRowsBy(valueOf: (index: number) => string): Map<string, number> {
    const first = new Map<string, number>();
    for (let i = 0; i < this.reader.size; i++) {
      const value = valueOf(i);
      if (value && !first.has(value)) first.set(value, i);
    }
    return first;
  }

  /** The key of a row's record in the link graph: its id, or a stand-in for a new record. */
  protected keyOf(index: number): string {
    return this.parsed[index]?.match?.id ?? `row:${index}`;
  }

  /** The outcome's common part: sorted problems, and the plan counted from the changes. */
  protected summarize<Create, Change>(
    creates: Create[],
    updates: Change[],
    unchanged: number,
  ): ImportOutcome<Create, Change> {
    return {
      problems: this.problems.sorted(),
      validRows: creates.length + updates.length + unchanged,
      plan: { create: creates.length, update: updates.length, unchanged },
      creates,
      updates,
    };
  }

  /** Rows whose new link would go round in a circle (through stored records too). */
  private flagCycles(): void {
    const rowOf = new Map<string, number>();
    this.parsed.forEach((_, i) => {
      if (!this.problems.isInvalid(i)) rowOf.set(this.keyOf(i), i);
    });
    const next = (key: string) => {
      const row = rowOf.get(key);
      if (row !== undefined) return this.linkKeyOf(row);
      return key.startsWith('row:') ? null : this.storedLinkOf(key);
    };
    for (const key of nodesOnCycles(rowOf.keys(), next)) {
      const row = rowOf.get(key);
      if (row !== undefined) this.problems.add({ index: row, column: this.link.column, key: this.link.cycleKey });
    }
  }
}
