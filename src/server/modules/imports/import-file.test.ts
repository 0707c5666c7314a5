import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../../contracts/imports.js';
import { decodeText, detectDelimiter, ImportFileProblem, readImportFile } from './import-file.js';
import { matchColumns, normalizeHeader } from './import-table.js';

const NIP = '198609262015051001';

async function problemOf(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ImportFileProblem) return { code: err.code, params: err.params };
    throw err;
  }
  throw new Error('expected the file to be refused');
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('headers', () => {
  it('compares headers lowercased with words joined by underscores', () => {
    expect(normalizeHeader(' Nama Lengkap* ')).toBe('nama_lengkap');
    expect(normalizeHeader('Kode-Unit')).toBe('kode_unit');
    expect(normalizeHeader('Manager NIP')).toBe('manager_nip');
  });

  it('accepts English aliases and names the missing required columns', () => {
    const match = matchColumns('people', ['Full Name', 'employment_type', 'NIP', 'Catatan']);
    expect(match.columns).toEqual(['nama_lengkap', 'jenis_kepegawaian', 'nip']);
    expect(match.headers).toEqual({ nama_lengkap: 'Full Name', jenis_kepegawaian: 'employment_type', nip: 'NIP' });
    expect(match.missing).toEqual(['kode_unit']);
  });
});

describe('CSV', () => {
  it('reads UTF-8 with a BOM and semicolons, keeping spreadsheet row numbers', async () => {
    const csv = `\uFEFFnip;nama_lengkap;jenis_kepegawaian;kode_unit\r\n${NIP};"Siti; S.Psi.";PNS;BKD\r\n\r\n# catatan\r\n;Budi Ökonom;PPPK;BKD\r\n`;
    const table = await readImportFile(Buffer.from(csv, 'utf8'), 'pegawai.csv', 'people');
    expect(table.columns).toEqual(['nip', 'nama_lengkap', 'jenis_kepegawaian', 'kode_unit']);
    expect(table.rows).toEqual([
      [2, [NIP, 'Siti; S.Psi.', 'PNS', 'BKD']],
      [5, ['', 'Budi Ökonom', 'PPPK', 'BKD']],
    ]);
  });

  it('reads commas, and counts a quoted multi-line cell as one row', async () => {
    const csv = 'kode_unit,nama_unit\nA,"Unit\nA"\nB,Unit B\n';
    const table = await readImportFile(Buffer.from(csv), 'unit.csv', 'units');
    expect(table.rows).toEqual([
      [2, ['A', 'Unit\nA']],
      [3, ['B', 'Unit B']],
    ]);
  });

  it('detects the separator from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });

  it('reads Windows-1252 text that is not valid UTF-8', () => {
    expect(decodeText(Buffer.from([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e]))).toBe('Jürgen');
  });

  it('refuses malformed, empty, headerless and oversized files', async () => {
    expect(await problemOf(readImportFile(Buffer.from('kode_unit,nama_unit\n"A,B\n'), 'u.csv', 'units'))).toEqual({
      code: 'import_file_unreadable',
      params: { reason: 'csv_syntax', line: 2 },
    });
    expect((await problemOf(readImportFile(Buffer.from('\n\n'), 'u.csv', 'units'))).code).toBe('import_empty');
    expect((await problemOf(readImportFile(Buffer.from('kode_unit;nama_unit\n;\n'), 'u.csv', 'units'))).code).toBe(
      'import_empty',
    );
    expect(await problemOf(readImportFile(Buffer.from('nama;kode\nX;Y\n'), 'u.csv', 'units'))).toEqual({
      code: 'import_missing_columns',
      params: { columns: 'kode_unit, nama_unit' },
    });
    const big = `kode_unit,nama_unit\n${Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `U${i},Unit ${i}`).join('\n')}`;
    expect(await problemOf(readImportFile(Buffer.from(big), 'u.csv', 'units'))).toEqual({
      code: 'import_too_many_rows',
      params: { max: MAX_IMPORT_ROWS },
    });
  });

  it('refuses other file types, whatever their name', async () => {
    expect(
      (await problemOf(readImportFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'lama.xls', 'units'))).code,
    ).toBe('import_file_type');
    expect((await problemOf(readImportFile(Buffer.from('kode_unit\0'), 'u.csv', 'units'))).code).toBe(
      'import_file_type',
    );
    expect((await problemOf(readImportFile(Buffer.from('%PDF-1.7'), 'data.pdf', 'units'))).code).toBe(
      'import_file_type',
    );
  });
});

describe('XLSX', () => {
  it('reads the first sheet, rich text and links as their text, and flags NIPs stored as numbers', async () => {
    const buffer = await xlsx([
      ['NIP', 'Nama Lengkap', 'Jenis Kepegawaian', 'Email', 'Kode Unit'],
      [
        NIP,
        { richText: [{ text: 'Siti ' }, { text: 'Aminah', font: { bold: true } }] },
        'PNS',
        { text: 'siti@bkd.go.id', hyperlink: 'mailto:siti@bkd.go.id' },
        'BKD',
      ],
      [],
      // A NIP typed into a number cell: the spreadsheet keeps only about 15 significant digits.
      [Number(NIP), 'Budi', 'PNS', null, 'BKD'],
    ]);
    const table = await readImportFile(buffer, 'pegawai.xlsx', 'people');
    expect(table.rows).toEqual([
      [2, [NIP, 'Siti Aminah', 'PNS', 'siti@bkd.go.id', 'BKD']],
      [4, ['198609262015051000', 'Budi', 'PNS', '', 'BKD']],
    ]);
    expect(table.lossyCells).toEqual(['1:nip']);
  });

  it('reads an XLSX sent with another name', async () => {
    const buffer = await xlsx([
      ['kode_unit', 'nama_unit'],
      ['A', 'Unit A'],
    ]);
    expect((await readImportFile(buffer, 'unit.csv', 'units')).rows).toEqual([[2, ['A', 'Unit A']]]);
  });

  it('refuses a workbook that would unpack to far more than any real one', async () => {
    const buffer = await xlsx([
      ['kode_unit', 'nama_unit'],
      ['A', 'Unit A'],
    ]);
    const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const firstEntry = buffer.readUInt32LE(end + 16);
    // Claim that the first file unpacks to 1 GiB.
    buffer.writeUInt32LE(1024 * 1024 * 1024, firstEntry + 24);
    expect(await problemOf(readImportFile(buffer, 'bom.xlsx', 'units'))).toEqual({
      code: 'import_file_unreadable',
      params: { reason: 'too_large' },
    });
  });

  it('refuses a damaged workbook', async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    expect(await problemOf(readImportFile(damaged, 'rusak.xlsx', 'units'))).toEqual({
      code: 'import_file_unreadable',
      params: { reason: 'corrupt' },
    });
  });
});
