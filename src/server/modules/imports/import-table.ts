import { IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS, type ImportKind } from '../../../contracts/imports.js';

/**
 * A file's rows as read, before any validation: the known columns it has, and each data row with
 * the row number a spreadsheet shows for it. This is what imports.rows keeps (as JSON), so that a
 * restart can validate again without the file.
 */
export interface ImportTable {
  kind: ImportKind;
  /** Canonical columns present in the file, in file order. */
  columns: string[];
  /** Canonical column → the header as written in the file, for messages people can match. */
  headers: Record<string, string>;
  /** [row number (the header is row 1 when it is the first line), cell values in `columns` order]. */
  rows: Array<[number, string[]]>;
  /**
   * Cells `index:column` that a spreadsheet kept as a number too long to be exact: an 18-digit
   * NIP typed into a number cell has already lost its last digits.
   */
  lossyCells?: string[];
}

/** A problem with one cell of one row, before it is put into words. */
export interface RowProblem {
  /** Index into ImportTable.rows. */
  index: number;
  /** Canonical column. */
  column: string;
  /** Key under the `validation` messages, e.g. `nip.wrong_length` or `import.duplicate_nip`. */
  key: string;
  params?: Record<string, unknown>;
}

/** What committing would do with the valid rows. */
export interface ImportPlan {
  create: number;
  update: number;
  unchanged: number;
}

/** Reads cells of a table by canonical column name. */
export class TableReader {
  private readonly position = new Map<string, number>();
  private readonly lossy: Set<string>;

  constructor(readonly table: ImportTable) {
    table.columns.forEach((c, i) => this.position.set(c, i));
    this.lossy = new Set(table.lossyCells ?? []);
  }

  /** Whether the file has the column at all (an absent optional column leaves data as it is). */
  has(column: string): boolean {
    return this.position.has(column);
  }

  /** The trimmed cell, '' when empty or when the column is absent. */
  cell(index: number, column: string): string {
    const at = this.position.get(column);
    const row = this.table.rows[index];
    return at === undefined || !row ? '' : (row[1][at] ?? '').trim();
  }

  /**
   * Whether a spreadsheet turned this cell into a number that lost digits: stored as such in an
   * XLSX, or written out as 1.98609E+17 in a CSV saved by Excel.
   */
  isLossy(index: number, column: string): boolean {
    return this.lossy.has(`${index}:${column}`) || /^\d+([.,]\d+)?e\+?\d+$/i.test(this.cell(index, column));
  }

  /** The row number a spreadsheet shows for a row. */
  rowNumber(index: number): number {
    return this.table.rows[index]?.[0] ?? 0;
  }

  get size(): number {
    return this.table.rows.length;
  }
}

/** How a header is compared with the accepted spellings: lowercased, words joined by underscores. */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Matches a header row to the canonical columns of the kind. Unknown headers are ignored; when a
 * column appears twice, the first one counts.
 */
export function matchColumns(kind: ImportKind, headerCells: readonly string[]) {
  const spellings = IMPORT_COLUMNS[kind] as Record<string, readonly string[]>;
  const found = new Map<string, { at: number; header: string }>();
  headerCells.forEach((cell, at) => {
    const normalized = normalizeHeader(cell);
    if (normalized === '') return;
    for (const [column, accepted] of Object.entries(spellings)) {
      if (!found.has(column) && accepted.includes(normalized)) {
        found.set(column, { at, header: cell.trim() });
        break;
      }
    }
  });
  const columns = [...found.entries()].sort((a, b) => a[1].at - b[1].at).map(([column]) => column);
  const missing = REQUIRED_IMPORT_COLUMNS[kind].filter((c: string) => !found.has(c));
  return {
    columns,
    positions: columns.map((c) => found.get(c)?.at as number),
    headers: Object.fromEntries(columns.map((c) => [c, found.get(c)?.header as string])),
    missing,
  };
}
