/**
 * CSV for a person's own copy of their check-ins. A cell that a spreadsheet would read as a
 * formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe, so a
 * note or a tag the person wrote can never run as a formula when the file is opened (the OWASP
 * advice on CSV injection); every text cell is quoted. Numbers are written as they are.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would read as a formula, made plain text with a leading apostrophe (CSV and XLSX alike). */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = formulaSafe(value);
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows of cells to CSV text with CRLF line ends (RFC 4180) and a BOM, so spreadsheets read UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
