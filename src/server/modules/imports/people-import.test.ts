import { describe, expect, it } from 'vitest';
import type { ImportTable } from './import-table.js';
import { PeopleImportCheck, type ExistingPerson, type PeopleSnapshot } from './people-import.js';

/** A table as the file reader makes it: the header is row 1, data from row 2. */
function tableOf(kind: 'people', columns: string[], rows: string[][]): ImportTable {
  return {
    kind,
    columns,
    headers: Object.fromEntries(columns.map((c) => [c, c])),
    rows: rows.map((values, i) => [i + 2, values]),
  };
}

const TODAY = new Date('2026-11-23T00:00:00Z');
const AGENCY = 'agency-1';
const COLUMNS = ['nip', 'nama_lengkap', 'jenis_kepegawaian', 'email', 'telepon', 'kode_unit', 'nip_atasan'];
const NIP_A = '198609262015051001';
const NIP_B = '199001012015032002';
const NIP_C = '199203152016041003';
const NIP_PPPK = '199005052021211004';

function stored(over: Partial<ExistingPerson> & { id: string }): ExistingPerson {
  return {
    agencyId: AGENCY,
    nip: null,
    email: null,
    fullName: 'Orang Lama',
    phone: null,
    position: null,
    employmentType: 'pns',
    unitId: 'unit-bkd',
    managerId: null,
    isActive: true,
    ...over,
  };
}

function snapshotOf(people: ExistingPerson[] = []): PeopleSnapshot {
  return {
    agencyId: AGENCY,
    unitsByCode: new Map([
      ['BKD', { id: 'unit-bkd', isActive: true }],
      ['LAMA', { id: 'unit-lama', isActive: false }],
    ]),
    peopleByNip: new Map(people.filter((p) => p.nip).map((p) => [p.nip as string, p])),
    peopleByEmail: new Map(people.filter((p) => p.email).map((p) => [p.email as string, p])),
    managerOf: new Map(people.filter((p) => p.agencyId === AGENCY).map((p) => [p.id, p.managerId])),
  };
}

function check(rows: string[][], people: ExistingPerson[] = [], columns = COLUMNS) {
  const c = new PeopleImportCheck(tableOf('people', columns, rows), snapshotOf(people), TODAY);
  c.checkRows(0, c.size);
  return c.finish();
}

const keysOf = (outcome: ReturnType<typeof check>) => outcome.problems.map((p) => `${p.index}:${p.column}:${p.key}`);

describe('PeopleImportCheck', () => {
  it('plans new people and links a manager who is a new row of the same file', () => {
    const outcome = check([
      [NIP_A, 'Ani', 'PNS', 'ani@bkd.go.id', '0812 3456 7890', 'BKD', ''],
      [
        `${NIP_B.slice(0, 8)} ${NIP_B.slice(8, 14)} ${NIP_B.slice(14, 15)} ${NIP_B.slice(15)}`,
        'Budi',
        'pns',
        '',
        '',
        'BKD',
        NIP_A,
      ],
      ['', 'Cici Konselor', 'non-asn', 'cici@contoh.id', '', 'BKD', NIP_B],
    ]);
    expect(outcome.problems).toEqual([]);
    expect(outcome.plan).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(outcome.creates.map((c) => c.manager)).toEqual([
      { kind: 'none' },
      { kind: 'row', index: 0 },
      { kind: 'row', index: 1 },
    ]);
    expect(outcome.creates[1]?.values.nip).toBe(NIP_B);
    expect(outcome.creates[2]?.values).toMatchObject({ employmentType: 'non_asn', nip: null, email: 'cici@contoh.id' });
  });

  it('matches stored people by NIP, and by email when they have no NIP', () => {
    const people = [
      stored({ id: 'p-a', nip: NIP_A, fullName: 'Ani', email: 'ani@bkd.go.id' }),
      stored({ id: 'p-b', nip: NIP_B, fullName: 'Budi' }),
      stored({ id: 'p-c', email: 'cici@contoh.id', fullName: 'Cici', employmentType: 'non_asn', managerId: 'p-b' }),
    ];
    const outcome = check(
      [
        [NIP_A, 'Ani', 'PNS', 'ani@bkd.go.id', '', 'BKD', ''],
        [NIP_B, 'Budi Santoso', 'PNS', '', '', 'BKD', ''],
        ['', 'Cici', 'NON_ASN', 'cici@contoh.id', '', 'BKD', NIP_B],
      ],
      people,
    );
    expect(outcome.problems).toEqual([]);
    expect(outcome.plan).toEqual({ create: 0, update: 1, unchanged: 2 });
    expect(outcome.updates).toEqual([
      expect.objectContaining({ id: 'p-b', values: expect.objectContaining({ fullName: 'Budi Santoso' }) }),
    ]);
  });

  it('leaves stored values alone for columns the file does not have', () => {
    const people = [
      stored({ id: 'p-a', nip: NIP_A, fullName: 'Ani', phone: '0812345678', managerId: 'p-x', position: 'Analis' }),
    ];
    const outcome = check([[NIP_A, 'Ani', 'PNS', 'BKD']], people, [
      'nip',
      'nama_lengkap',
      'jenis_kepegawaian',
      'kode_unit',
    ]);
    expect(outcome.plan).toEqual({ create: 0, update: 0, unchanged: 1 });
  });

  it('clears an optional value when its column is there but the cell is empty', () => {
    const people = [stored({ id: 'p-a', nip: NIP_A, fullName: 'Ani', phone: '0812345678' })];
    const outcome = check([[NIP_A, 'Ani', 'PNS', '', '', 'BKD', '']], people);
    expect(outcome.updates[0]?.values.phone).toBeNull();
  });

  it('reports each problem with its row and column, and plans only the valid rows', () => {
    const outcome = check([
      ['123', '', 'Honorer', 'bukan-email', '12', 'XYZ', ''],
      [NIP_PPPK, 'Dewi', 'PNS', '', '', 'LAMA', ''],
      [NIP_A, 'Eko', 'NON_ASN', '', '', 'BKD', ''],
      [NIP_C, 'Fajar', 'PNS', '', '', 'BKD', ''],
    ]);
    expect(keysOf(outcome)).toEqual([
      '0:nama_lengkap:required',
      '0:jenis_kepegawaian:import.employment_type',
      '0:email:invalid_email',
      '0:telepon:phone',
      '0:kode_unit:import.unit_not_found',
      // A PPPK number read as a PNS NIP: digits 13–14 are no month.
      '1:nip:nip.appointment_invalid',
      '1:kode_unit:import.unit_inactive',
      '2:nip:nip.not_allowed_for_non_asn',
    ]);
    expect(outcome.problems.find((p) => p.key === 'import.unit_not_found')?.params).toEqual({ code: 'XYZ' });
    expect(outcome.plan).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(outcome.validRows).toBe(1);
  });

  it('refuses a NIP or email held in another agency, or twice in the file', () => {
    const people = [stored({ id: 'x', agencyId: 'agency-2', nip: NIP_A, email: 'ani@lain.go.id' })];
    const outcome = check(
      [
        [NIP_A, 'Ani', 'PNS', '', '', 'BKD', ''],
        [NIP_B, 'Budi', 'PNS', 'ani@lain.go.id', '', 'BKD', ''],
        [NIP_C, 'Cici', 'PNS', 'c@bkd.go.id', '', 'BKD', ''],
        [NIP_C, 'Cici lagi', 'PNS', 'C@bkd.go.id', '', 'BKD', ''],
      ],
      people,
    );
    expect(keysOf(outcome)).toEqual([
      '0:nip:import.nip_taken',
      '1:email:import.email_taken',
      '3:nip:import.duplicate_nip',
      '3:email:import.duplicate_email',
    ]);
    expect(outcome.problems[2]?.params).toEqual({ row: 4 });
  });

  it('finds managers by NIP in the file or the agency, never elsewhere or oneself', () => {
    const people = [stored({ id: 'boss', nip: NIP_C }), stored({ id: 'far', agencyId: 'agency-2', nip: NIP_PPPK })];
    const outcome = check(
      [
        [NIP_A, 'Ani', 'PNS', '', '', 'BKD', NIP_C],
        [NIP_B, 'Budi', 'PNS', '', '', 'BKD', NIP_PPPK],
        ['199501012020121005', 'Cici', 'PNS', '', '', 'BKD', '199501012020121005'],
      ],
      people,
    );
    expect(keysOf(outcome)).toEqual(['1:nip_atasan:import.manager_not_found', '2:nip_atasan:import.manager_self']);
    expect(outcome.creates[0]?.manager).toEqual({ kind: 'existing', id: 'boss' });
  });

  it('finds reporting-line loops, in the file and through stored people', () => {
    const people = [stored({ id: 'p-c', nip: NIP_C, managerId: null })];
    const outcome = check(
      [
        [NIP_A, 'Ani', 'PNS', '', '', 'BKD', NIP_B],
        [NIP_B, 'Budi', 'PNS', '', '', 'BKD', NIP_A],
        // Stored Cici gets new Dewi as manager, and Dewi reports to Cici.
        [NIP_C, 'Orang Lama', 'PNS', '', '', 'BKD', NIP_PPPK],
        [NIP_PPPK, 'Dewi', 'PPPK', '', '', 'BKD', NIP_C],
      ],
      people,
    );
    expect(keysOf(outcome)).toEqual([
      '0:nip_atasan:import.manager_cycle',
      '1:nip_atasan:import.manager_cycle',
      '2:nip_atasan:import.manager_cycle',
      '3:nip_atasan:import.manager_cycle',
    ]);
  });

  it('skips rows whose manager is a new person on an invalid row, naming that row', () => {
    const outcome = check([
      [NIP_A, 'Ani', 'PNS', '', '', 'TIDAKADA', ''],
      [NIP_B, 'Budi', 'PNS', '', '', 'BKD', NIP_A],
      [NIP_C, 'Cici', 'PNS', '', '', 'BKD', NIP_B],
    ]);
    expect(keysOf(outcome)).toEqual([
      '0:kode_unit:import.unit_not_found',
      '1:nip_atasan:import.depends_on_row',
      '2:nip_atasan:import.depends_on_row',
    ]);
    expect(outcome.problems[1]?.params).toEqual({ row: 2 });
    expect(outcome.problems[2]?.params).toEqual({ row: 3 });
    expect(outcome.validRows).toBe(0);
  });

  it('keeps a manager who is already stored even when their own row is invalid', () => {
    const people = [stored({ id: 'p-a', nip: NIP_A, fullName: 'Ani' })];
    const outcome = check(
      [
        [NIP_A, 'Ani', 'PNS', '', '', 'TIDAKADA', ''],
        [NIP_B, 'Budi', 'PNS', '', '', 'BKD', NIP_A],
      ],
      people,
    );
    expect(keysOf(outcome)).toEqual(['0:kode_unit:import.unit_not_found']);
    expect(outcome.creates[0]?.manager).toEqual({ kind: 'existing', id: 'p-a' });
  });

  it('recognises a NIP a spreadsheet turned into a number', () => {
    const table = tableOf('people', COLUMNS, [
      ['198609262015051000', 'Ani', 'PNS', '', '', 'BKD', ''],
      ['1.98609E+17', 'Budi', 'PNS', '', '', 'BKD', ''],
    ]);
    table.lossyCells = ['0:nip'];
    const c = new PeopleImportCheck(table, snapshotOf(), TODAY);
    c.checkRows(0, c.size);
    expect(keysOf(c.finish())).toEqual(['0:nip:import.number_lost_digits', '1:nip:import.number_lost_digits']);
  });

  it('gives the same outcome whether the rows are checked at once or in chunks', () => {
    const rows = [
      [NIP_A, 'Ani', 'PNS', '', '', 'BKD', NIP_B],
      [NIP_B, 'Budi', 'PNS', '', '', 'BKD', ''],
      ['1', 'Cici', 'PNS', '', '', 'BKD', NIP_A],
      [NIP_A, 'Dup', 'PNS', '', '', 'BKD', ''],
    ];
    const whole = check(rows);
    const chunked = new PeopleImportCheck(tableOf('people', COLUMNS, rows), snapshotOf(), TODAY);
    for (let i = 0; i < chunked.size; i++) chunked.checkRows(i, i + 1);
    expect(chunked.finish()).toEqual(whole);
  });
});
