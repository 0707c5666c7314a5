import type { ImportKind, ImportProblem, ImportView } from '../../../contracts/imports.js';
import type { Translate } from '../../../i18n/translator.js';
import type { ImportPlan, ImportTable, RowProblem } from './import-table.js';
import type { ImportSummaryRow } from './imports.repository.js';

/** At most this many problems are kept and shown; problem_count has the total. */
export const MAX_REPORTED_PROBLEMS = 1_000;

/** What imports.report holds (JSON). */
export interface ImportReport {
  problems: ImportProblem[];
  plan: ImportPlan;
}

/** What imports.result holds (JSON). */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** Puts the first problems into words, naming columns as the file's own headers do. */
export function describeProblems(table: ImportTable, problems: readonly RowProblem[], t: Translate): ImportProblem[] {
  return problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => ({
    row: table.rows[p.index]?.[0] ?? 0,
    column: table.headers[p.column] ?? p.column,
    code: p.key,
    message: t(`validation.${p.key}`, p.params ?? {}),
  }));
}

function parseJson<T>(text: string | null): T | null {
  return text ? (JSON.parse(text) as T) : null;
}

/** An import as the API shows it; the list leaves out the problems. */
export function presentImport(row: ImportSummaryRow): ImportView {
  const report = parseJson<ImportReport>(row.report);
  const result = parseJson<ImportResult>(row.result);
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    status: row.status as ImportView['status'],
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    validRows: row.valid_rows,
    problemCount: row.problem_count,
    problems: report?.problems ?? [],
    plan: report?.plan ?? null,
    result: result ? { created: result.created, updated: result.updated, unchanged: result.unchanged } : null,
    mode: (row.mode as ImportView['mode']) ?? null,
    createdAt: row.created_at,
    committedAt: row.committed_at,
  };
}
