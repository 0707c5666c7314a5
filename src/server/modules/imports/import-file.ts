import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS, type ImportKind } from '../../../contracts/imports.js';
import { matchColumns, type ImportTable } from './import-table.js';
import { declaredUnzippedSize } from './zip-size.js';

/** Why a file cannot be imported at all, before looking at its rows. */
export class ImportFileProblem extends Error {
  constructor(
    readonly code:
      | 'import_file_type'
      | 'import_file_unreadable'
      | 'import_missing_columns'
      | 'import_too_many_rows'
      | 'import_empty',
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

type Format = 'csv' | 'xlsx';

/** A workbook of 50,000 rows unpacks to a few tens of megabytes; far more means a zip bomb. */
const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The old binary Excel format (and other OLE files) starts with this. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** CSV or XLSX, judged by the content first (names lie), then by the name. */
export function detectFormat(buffer: Buffer, fileName: string): Format {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  const name = fileName.toLowerCase();
  if (buffer.subarray(0, 4).equals(OLE_MAGIC) || name.endsWith('.xlsx') || name.endsWith('.xls'))
    throw new ImportFileProblem('import_file_type');
  if (!/\.(csv|txt)$/.test(name) && name.includes('.')) throw new ImportFileProblem('import_file_type');
  // Text files carry no NUL bytes; a binary file renamed to .csv does.
  if (buffer.subarray(0, 8192).includes(0)) throw new ImportFileProblem('import_file_type');
  return 'csv';
}

/** Reads an uploaded CSV or XLSX into an import table, refusing files that cannot be imported. */
export async function readImportFile(buffer: Buffer, fileName: string, kind: ImportKind): Promise<ImportTable> {
  const format = detectFormat(buffer, fileName);
  if (format === 'csv') return tableOf(kind, readCsvRecords(buffer), new Set());
  const { records, lossy } = await readXlsxRecords(buffer);
  return tableOf(kind, records, lossy);
}

/** UTF-8 (with or without BOM); files saved as "CSV" by Excel on Windows are Windows-1252. */
export function decodeText(buffer: Buffer): string {
  const body = buffer.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/**
 * The separator of the first line: comma, or semicolon as Excel writes CSV where the decimal mark
 * is a comma (Indonesian settings), or tab. Quoted text is not counted.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

function readCsvRecords(buffer: Buffer): Array<[number, string[]]> {
  const text = decodeText(buffer);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    const line = Number((err as { lines?: number }).lines ?? 0);
    throw new ImportFileProblem('import_file_unreadable', { reason: 'csv_syntax', line });
  }
  // A spreadsheet shows each record as one row, even when a quoted cell spans lines.
  return records.map((values, i) => [i + 1, values]);
}

/** Rows of the first worksheet, and the `row:column` (1-based) cells holding numbers past 2^53. */
async function readXlsxRecords(buffer: Buffer): Promise<{ records: Array<[number, string[]]>; lossy: Set<string> }> {
  const unzipped = declaredUnzippedSize(buffer);
  if (unzipped === null) throw new ImportFileProblem('import_file_unreadable', { reason: 'corrupt' });
  if (unzipped > MAX_UNZIPPED_BYTES) throw new ImportFileProblem('import_file_unreadable', { reason: 'too_large' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileProblem('import_file_unreadable', { reason: 'corrupt' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileProblem('import_file_unreadable', { reason: 'no_sheet' });
  const records: Array<[number, string[]]> = [];
  const lossy = new Set<string>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
      if (typeof cell.value === 'number' && Math.abs(cell.value) > Number.MAX_SAFE_INTEGER)
        lossy.add(`${rowNumber}:${column}`);
    });
    records.push([rowNumber, Array.from(values, (v) => v ?? '')]);
  });
  return { records, lossy };
}

/** A cell as the text a person sees; long numbers are written out in full, never as 1.98E+17. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // String() writes integers below 1e21 in full, as the spreadsheet shows them.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

const isBlank = (values: string[]) => values.every((v) => v.trim() === '');
/** Instruction lines of the CSV template start with #. */
const isComment = (values: string[]) => (values[0] ?? '').trim().startsWith('#');

function tableOf(kind: ImportKind, records: Array<[number, string[]]>, lossy: Set<string>): ImportTable {
  const headerAt = records.findIndex(([, values]) => !isBlank(values) && !isComment(values));
  if (headerAt < 0) throw new ImportFileProblem('import_empty');
  const match = matchColumns(kind, (records[headerAt] as [number, string[]])[1]);
  if (match.missing.length > 0)
    throw new ImportFileProblem('import_missing_columns', { columns: match.missing.join(', ') });
  const rows: ImportTable['rows'] = [];
  const lossyCells: string[] = [];
  for (const [rowNumber, values] of records.slice(headerAt + 1)) {
    if (isBlank(values) || isComment(values)) continue;
    if (rows.length === MAX_IMPORT_ROWS) throw new ImportFileProblem('import_too_many_rows', { max: MAX_IMPORT_ROWS });
    match.positions.forEach((at, i) => {
      if (lossy.has(`${rowNumber}:${at + 1}`)) lossyCells.push(`${rows.length}:${match.columns[i]}`);
    });
    rows.push([rowNumber, match.positions.map((at) => (values[at] ?? '').trim())]);
  }
  if (rows.length === 0) throw new ImportFileProblem('import_empty');
  return {
    kind,
    columns: match.columns,
    headers: match.headers,
    rows,
    ...(lossyCells.length > 0 ? { lossyCells } : {}),
  };
}
