import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS, type ImportKind } from '../../../contracts/imports.js';
import { TIME_ZONE_ABBREVIATIONS, isIndonesianTimeZone } from '../../../domain/org/unit-tree.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translator.js';

export interface TemplateFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** What the example row can borrow from the agency, so it points at a unit that exists. */
export interface TemplateContext {
  rootUnitCode: string;
  timeZone: string;
}

/** A structurally valid NIP for the example row (born 26-09-1986, CPNS May 2015, male, no. 001). */
const EXAMPLE_NIP = '198609262015051001';

function exampleRow(kind: ImportKind, t: Translate, context: TemplateContext): Record<string, string> {
  if (kind === 'units') {
    return {
      kode_unit: 'DINKES',
      nama_unit: t('validation.import.template.example_unit_name'),
      kode_unit_induk: context.rootUnitCode,
      zona_waktu: isIndonesianTimeZone(context.timeZone) ? TIME_ZONE_ABBREVIATIONS[context.timeZone] : 'WIB',
    };
  }
  return {
    nip: EXAMPLE_NIP,
    nama_lengkap: t('validation.import.template.example_person_name'),
    jenis_kepegawaian: 'PNS',
    email: 'budi.santoso@contoh.go.id',
    telepon: '081234567890',
    jabatan: t('validation.import.template.example_position'),
    kode_unit: context.rootUnitCode,
    nip_atasan: '',
  };
}

/** Column, required or not, and what goes in it, in the downloader's language. */
function guideRows(kind: ImportKind, t: Translate): Array<{ column: string; required: string; description: string }> {
  const required = REQUIRED_IMPORT_COLUMNS[kind];
  return Object.keys(IMPORT_COLUMNS[kind]).map((column) => ({
    column,
    required: t(`validation.import.template.${required.includes(column) ? 'yes' : 'no'}`),
    description: t(`validation.import.template.columns.${kind}.${column}`),
  }));
}

const FILE_NAMES: Record<ImportKind, string> = { units: 'templat-impor-unit', people: 'templat-impor-pegawai' };

/**
 * The downloadable template: Indonesian column headers, one example row, and a guide to each
 * column (a second sheet in XLSX, # lines in CSV). The data columns are text in XLSX, so that an
 * 18-digit NIP keeps all its digits.
 */
export async function buildTemplate(
  kind: ImportKind,
  format: 'csv' | 'xlsx',
  t: Translate,
  locale: Locale,
  context: TemplateContext,
): Promise<TemplateFile> {
  const columns = Object.keys(IMPORT_COLUMNS[kind]);
  const example = exampleRow(kind, t, context);
  const guide = guideRows(kind, t);
  const notes = ['guide_header', 'guide_empty'].map((k) => t(`validation.import.template.${k}`));
  if (format === 'csv') {
    // Excel with Indonesian settings splits CSV on semicolons (the comma is the decimal mark).
    const delimiter = locale === 'id' ? ';' : ',';
    const line = (cells: string[]) => cells.map((c) => csvField(c, delimiter)).join(delimiter);
    const lines = [
      line(columns),
      line(columns.map((c) => example[c] ?? '')),
      '',
      ...[...notes, t('validation.import.template.guide_csv')].map((n) => line([`# ${n}`])),
      ...guide.map((g) =>
        line([`# ${g.column} (${t('validation.import.template.required')}: ${g.required}): ${g.description}`]),
      ),
    ];
    return {
      fileName: `${FILE_NAMES[kind]}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(t(`validation.import.template.sheet_${kind}`));
  data.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(16, c.length + 4), style: { numFmt: '@' } }));
  data.getRow(1).font = { bold: true };
  data.addRow(example);
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet(t('validation.import.template.sheet_guide'));
  for (const note of notes) help.addRow([note]);
  help.addRow([]);
  const header = help.addRow(
    ['column', 'required', 'description', 'example'].map((k) => t(`validation.import.template.${k}`)),
  );
  header.font = { bold: true };
  for (const g of guide) help.addRow([g.column, g.required, g.description, example[g.column] ?? '']);
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 10;
  help.getColumn(3).width = 90;
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  help.getColumn(4).width = 28;
  help.getColumn(4).numFmt = '@';
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${FILE_NAMES[kind]}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
