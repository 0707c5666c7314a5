import { describe, expect, it } from 'vitest';
import type { ImportTable } from './import-table.js';
import { UnitsImportCheck, type ExistingUnit } from './units-import.js';

const COLUMNS = ['kode_unit', 'nama_unit', 'kode_unit_induk', 'zona_waktu'];

function tableOf(rows: string[][], columns = COLUMNS): ImportTable {
  return {
    kind: 'units',
    columns,
    headers: Object.fromEntries(columns.map((c) => [c, c])),
    rows: rows.map((values, i) => [i + 2, values]),
  };
}

const ROOT: ExistingUnit = {
  id: 'root',
  parentId: null,
  code: 'SETDA',
  name: 'Sekretariat Daerah',
  timeZone: 'Asia/Makassar',
  isActive: true,
};
const BKD: ExistingUnit = {
  id: 'bkd',
  parentId: 'root',
  code: 'BKD',
  name: 'BKD',
  timeZone: 'Asia/Makassar',
  isActive: true,
};
const SUB: ExistingUnit = {
  id: 'sub',
  parentId: 'bkd',
  code: 'BKD.MUT',
  name: 'Bidang Mutasi',
  timeZone: 'Asia/Makassar',
  isActive: true,
};
const OLD: ExistingUnit = {
  id: 'old',
  parentId: 'root',
  code: 'LAMA',
  name: 'Unit Lama',
  timeZone: 'Asia/Makassar',
  isActive: false,
};

function check(rows: string[][], columns = COLUMNS) {
  const c = new UnitsImportCheck(tableOf(rows, columns), {
    agencyTimeZone: 'Asia/Jakarta',
    units: [ROOT, BKD, SUB, OLD],
  });
  c.checkRows(0, c.size);
  return c.finish();
}

const keysOf = (outcome: ReturnType<typeof check>) => outcome.problems.map((p) => `${p.index}:${p.column}:${p.key}`);

describe('UnitsImportCheck', () => {
  it('plans new units under stored units and under rows of the file, children before parents too', () => {
    const outcome = check([
      ['DINKES.SEK', 'Sekretariat Dinkes', 'DINKES', ''],
      ['DINKES', 'Dinas Kesehatan', 'SETDA', 'wita'],
      ['PKM', 'Puskesmas Kota', 'DINKES', 'Asia/Jayapura'],
      ['BKD.ARS', 'Arsip', 'BKD', ''],
    ]);
    expect(outcome.problems).toEqual([]);
    expect(outcome.plan).toEqual({ create: 4, update: 0, unchanged: 0 });
    expect(outcome.creates.map((c) => [c.code, c.parent, c.timeZone])).toEqual([
      // A new unit without a time zone takes its parent's.
      ['DINKES.SEK', { kind: 'row', index: 1 }, 'Asia/Makassar'],
      ['DINKES', { kind: 'existing', id: 'root' }, 'Asia/Makassar'],
      ['PKM', { kind: 'row', index: 1 }, 'Asia/Jayapura'],
      ['BKD.ARS', { kind: 'existing', id: 'bkd' }, 'Asia/Makassar'],
    ]);
  });

  it('matches stored units by code: unchanged, renamed, moved', () => {
    const outcome = check([
      ['SETDA', 'Sekretariat Daerah', '', ''],
      ['BKD', 'Badan Kepegawaian Daerah', 'SETDA', ''],
      ['BKD.MUT', 'Bidang Mutasi', 'SETDA', 'WITA'],
    ]);
    expect(outcome.problems).toEqual([]);
    expect(outcome.plan).toEqual({ create: 0, update: 2, unchanged: 1 });
    expect(outcome.updates.map((u) => [u.id, u.name, u.parent])).toEqual([
      ['bkd', 'Badan Kepegawaian Daerah', { kind: 'existing', id: 'root' }],
      ['sub', 'Bidang Mutasi', { kind: 'existing', id: 'root' }],
    ]);
  });

  it('keeps a stored unit where it is when the file has no parent column', () => {
    const outcome = check([['BKD.MUT', 'Bidang Mutasi']], ['kode_unit', 'nama_unit']);
    expect(outcome.plan).toEqual({ create: 0, update: 0, unchanged: 1 });
  });

  it('reports bad cells, the top unit rule and unknown or inactive parents', () => {
    const outcome = check([
      ['SETDA', 'Sekretariat Daerah', 'BKD', ''],
      ['BARU', 'Unit Baru', '', ''],
      ['DIRI', 'Diri Sendiri', 'DIRI', ''],
      ['ANAK', 'Anak', 'ENTAH', ''],
      ['kode salah', '', 'SETDA', 'GMT+8'],
      ['DI.LAMA', 'Di bawah unit nonaktif', 'LAMA', ''],
      ['BARU', 'Unit Baru lagi', 'SETDA', ''],
    ]);
    expect(keysOf(outcome)).toEqual([
      '0:kode_unit_induk:import.root_unit_move',
      '1:kode_unit_induk:import.parent_required',
      '2:kode_unit_induk:import.parent_self',
      '3:kode_unit_induk:import.parent_not_found',
      '4:kode_unit:unit_code',
      '4:nama_unit:required',
      '4:zona_waktu:import.time_zone',
      '5:kode_unit_induk:import.unit_inactive',
      '6:kode_unit:import.duplicate_code',
    ]);
    expect(outcome.validRows).toBe(0);
  });

  it('finds loops in the new tree, through stored units too', () => {
    const outcome = check([
      // BKD under its own sub-unit.
      ['BKD', 'BKD', 'BKD.MUT', ''],
      ['X', 'X', 'Y', ''],
      ['Y', 'Y', 'X', ''],
      ['Z', 'Z', 'X', ''],
    ]);
    expect(keysOf(outcome)).toEqual([
      '0:kode_unit_induk:import.unit_cycle',
      '1:kode_unit_induk:import.unit_cycle',
      '2:kode_unit_induk:import.unit_cycle',
      // Z hangs from the loop: its parent row is invalid now.
      '3:kode_unit_induk:import.depends_on_row',
    ]);
  });

  it('skips units whose new parent row is invalid, naming the row', () => {
    const outcome = check([
      ['INDUK', '', 'SETDA', ''],
      ['ANAK', 'Anak', 'INDUK', ''],
      ['CUCU', 'Cucu', 'ANAK', ''],
    ]);
    expect(keysOf(outcome)).toEqual([
      '0:nama_unit:required',
      '1:kode_unit_induk:import.depends_on_row',
      '2:kode_unit_induk:import.depends_on_row',
    ]);
    expect(outcome.problems.slice(1).map((p) => p.params)).toEqual([{ row: 2 }, { row: 3 }]);
  });
});
