import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { auditEntries } from '../support/audit-entries.js';
import { createPerson, createUnit } from '../support/factories.js';
import { multipartForm } from '../support/multipart.js';
import { createTestApp, loginAs, type Agent, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

type Signed = SignedIn & { agencyId: string; unitId: string };

/** A valid PNS NIP per number: born on a different day for each n, appointed at 25. */
function nipFor(n: number): string {
  const birth = new Date(Date.UTC(1968, 0, 1) + n * 86_400_000);
  const y = birth.getUTCFullYear();
  const m = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const d = String(birth.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}${y + 25}${m}${1 + (n % 2)}${String(1 + (n % 999)).padStart(3, '0')}`;
}

const PEOPLE_HEADER = [
  'nip',
  'nama_lengkap',
  'jenis_kepegawaian',
  'email',
  'telepon',
  'jabatan',
  'kode_unit',
  'nip_atasan',
];

function csvOf(rows: string[][], separator = ';', bom = true): string {
  return `${bom ? '\uFEFF' : ''}${rows.map((r) => r.join(separator)).join('\r\n')}\r\n`;
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.skipIf(postgresSkipReason())('imports', () => {
  let t: TestApp;
  let admin: Signed;
  let employee: Signed;
  let otherAdmin: Signed;
  let rootCode: string;

  const db = () => t.services.db.db;
  const peopleIn = async (agencyId: string) =>
    Number(
      (
        await db()
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('agency_id', '=', agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function upload(agent: Agent, kind: string, name: string, content: Buffer | string) {
    const form = multipartForm({ kind }, { name, content });
    return agent.post('/api/v1/imports', form.payload, form.headers);
  }

  /** Uploads and waits for the background check; returns the import as the API shows it. */
  async function validated(agent: Agent, kind: string, name: string, content: Buffer | string) {
    const res = await upload(agent, kind, name, content);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'validating', processedRows: 0, kind, fileName: name });
    await t.services.imports.whenIdle();
    const view = await agent.get(`/api/v1/imports/${res.json().id}`);
    expect(view.json().status).toBe('validated');
    return view.json();
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'agency_admin');
    employee = await loginAs(t, 'employee', { agencyId: admin.agencyId });
    otherAdmin = await loginAs(t, 'agency_admin');
    rootCode = (
      await db().selectFrom('org_units').select('code').where('id', '=', admin.unitId).executeTakeFirstOrThrow()
    ).code;
    await createUnit(db(), admin.agencyId, admin.unitId, { code: 'BKD', name: 'Badan Kepegawaian Daerah' });
  });
  afterAll(async () => t.close());

  describe('access', () => {
    it('refuses every import route without a session and to a plain employee', async () => {
      const form = multipartForm({ kind: 'units' }, { name: 'u.csv', content: 'kode_unit,nama_unit\nA,B\n' });
      const someId = '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a';
      const calls: Array<(a: Agent) => ReturnType<Agent['get']>> = [
        (a) => a.get('/api/v1/import-templates/people?format=csv'),
        (a) => a.post('/api/v1/imports', form.payload, form.headers),
        (a) => a.get('/api/v1/imports'),
        (a) => a.get(`/api/v1/imports/${someId}`),
        (a) => a.post(`/api/v1/imports/${someId}/commit`, { mode: 'valid_only' }),
        (a) => a.post(`/api/v1/imports/${someId}/cancel`),
      ];
      for (const call of calls) {
        expect((await call(t.anonymous())).statusCode).toBe(401);
        expect((await call(employee.agent)).statusCode).toBe(403);
      }
      expect(await db().selectFrom('imports').select('id').execute()).toHaveLength(0);
    });

    it('keeps each agency’s imports to itself', async () => {
      const mine = await validated(
        admin.agent,
        'units',
        'unit.csv',
        csvOf([
          ['kode_unit', 'nama_unit', 'kode_unit_induk'],
          ['RAHASIA', 'Unit Rahasia', rootCode],
        ]),
      );
      expect((await otherAdmin.agent.get(`/api/v1/imports/${mine.id}`)).statusCode).toBe(404);
      expect(
        (await otherAdmin.agent.post(`/api/v1/imports/${mine.id}/commit`, { mode: 'valid_only' })).statusCode,
      ).toBe(404);
      expect((await otherAdmin.agent.post(`/api/v1/imports/${mine.id}/cancel`)).statusCode).toBe(404);
      expect((await otherAdmin.agent.get('/api/v1/imports')).json().items).toEqual([]);
      expect((await admin.agent.get('/api/v1/imports')).json().items.map((i: { id: string }) => i.id)).toContain(
        mine.id,
      );
      expect((await admin.agent.get(`/api/v1/imports/${mine.id}`)).json().status).toBe('validated');
    });

    it('never lets a file reach into another agency: its NIPs, managers and unit codes are not ours', async () => {
      const stranger = await createPerson(db(), t.services.keys, {
        agencyId: admin.agencyId,
        unitId: admin.unitId,
        fullName: 'Pegawai Instansi A',
      });
      const boss = await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: admin.unitId });
      const ownRoot = (
        await db().selectFrom('org_units').select('code').where('id', '=', otherAdmin.unitId).executeTakeFirstOrThrow()
      ).code;
      const report = await validated(
        otherAdmin.agent,
        'people',
        'pegawai.csv',
        csvOf([
          PEOPLE_HEADER,
          [stranger.nip as string, 'Diambil Alih', 'PNS', '', '', '', ownRoot, ''],
          [nipFor(9001), 'Budi', 'PNS', '', '', '', 'BKD', ''],
          [nipFor(9002), 'Cici', 'PNS', '', '', '', ownRoot, boss.nip as string],
          [nipFor(9003), 'Dewi', 'PNS', '', '', '', ownRoot, ''],
        ]),
      );
      expect(report.problems.map((p: { row: number; code: string }) => `${p.row}:${p.code}`)).toEqual([
        '2:import.nip_taken',
        '3:import.unit_not_found',
        '4:import.manager_not_found',
      ]);
      const commit = await otherAdmin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'valid_only' });
      expect(commit.json().result).toEqual({ created: 1, updated: 0, unchanged: 0 });
      const after = await db().selectFrom('people').selectAll().where('id', '=', stranger.id).executeTakeFirstOrThrow();
      expect(after).toMatchObject({ full_name: 'Pegawai Instansi A', agency_id: admin.agencyId });
      const dewi = await db()
        .selectFrom('people')
        .selectAll()
        .where('nip', '=', nipFor(9003))
        .executeTakeFirstOrThrow();
      expect(dewi).toMatchObject({ agency_id: otherAdmin.agencyId, unit_id: otherAdmin.unitId });
    });
  });

  describe('templates', () => {
    it('downloads an XLSX with Indonesian headers, an example row and a guide sheet', async () => {
      const res = await admin.agent.get('/api/v1/import-templates/people');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe('attachment; filename="templat-impor-pegawai.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const [data, guide] = workbook.worksheets;
      expect(data?.name).toBe('Pegawai');
      expect((data?.getRow(1).values as unknown[]).slice(1)).toEqual(PEOPLE_HEADER);
      expect(data?.getRow(2).getCell(1).value).toBe('198609262015051001');
      expect(data?.getRow(2).getCell(7).value).toBe(rootCode);
      expect(guide?.name).toBe('Petunjuk');
      const guideText = JSON.stringify(guide?.getSheetValues());
      expect(guideText).toContain('Keterangan');
      expect(guideText).toContain('NIP atasan langsung');
    });

    it('downloads a CSV whose example row imports cleanly as it is', async () => {
      const res = await admin.agent.get('/api/v1/import-templates/units?format=csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="templat-impor-unit.csv"');
      expect(res.body.startsWith('\uFEFFkode_unit;nama_unit;kode_unit_induk;zona_waktu\r\n')).toBe(true);
      expect(res.body).toContain('# kode_unit (Wajib: Ya)');
      const report = await validated(admin.agent, 'units', 'templat-impor-unit.csv', res.rawPayload);
      expect(report).toMatchObject({ totalRows: 1, problemCount: 0, plan: { create: 1, update: 0, unchanged: 0 } });
      await admin.agent.post(`/api/v1/imports/${report.id}/cancel`);
    });

    it('answers an unknown kind or format with 400', async () => {
      expect((await admin.agent.get('/api/v1/import-templates/gaji')).statusCode).toBe(400);
      expect((await admin.agent.get('/api/v1/import-templates/units?format=pdf')).statusCode).toBe(400);
    });
  });

  describe('units from CSV (BOM, semicolons)', () => {
    it('reports every problem with row and column before anything is written, then commits as asked', async () => {
      const before = await db().selectFrom('org_units').select('id').where('agency_id', '=', admin.agencyId).execute();
      const csv = csvOf([
        ['Kode Unit', 'Nama Unit', 'Kode Unit Induk', 'Zona Waktu'],
        ['DINKES', 'Dinas Kesehatan', rootCode, 'WITA'],
        ['PKM', 'Puskesmas', 'DINKES', ''],
        ['', 'Tanpa Kode', rootCode, ''],
        ['RUSAK', 'Zona Salah', rootCode, 'GMT+9'],
        ['ANAK.RUSAK', 'Anak Unit Rusak', 'RUSAK', 'WIB'],
        ['DINKES', 'Dobel', rootCode, ''],
        ['BKD', 'Badan Kepegawaian dan Pengembangan SDM', rootCode, 'Asia/Jakarta'],
      ]);
      const report = await validated(admin.agent, 'units', 'unit.csv', csv);
      expect(report).toMatchObject({
        totalRows: 7,
        processedRows: 7,
        validRows: 3,
        problemCount: 4,
        plan: { create: 2, update: 1, unchanged: 0 },
      });
      expect(report.problems).toEqual([
        { row: 4, column: 'Kode Unit', code: 'required', message: 'Wajib diisi.' },
        {
          row: 5,
          column: 'Zona Waktu',
          code: 'import.time_zone',
          message: 'Zona waktu harus WIB, WITA, atau WIT (boleh juga Asia/Jakarta, Asia/Makassar, Asia/Jayapura).',
        },
        {
          row: 6,
          column: 'Kode Unit Induk',
          code: 'import.depends_on_row',
          message: 'Baris ini bergantung pada baris 5 yang masih bermasalah.',
        },
        {
          row: 7,
          column: 'Kode Unit',
          code: 'import.duplicate_code',
          message: 'Kode unit ini sudah tercantum di baris 2.',
        },
      ]);
      // Nothing is written by validating.
      expect(
        await db().selectFrom('org_units').select('id').where('agency_id', '=', admin.agencyId).execute(),
      ).toHaveLength(before.length);
      const validatedAudit = await auditEntries(t, 'org.import_validated', { resourceId: report.id });
      expect(validatedAudit[0]?.details).toMatchObject({ kind: 'units', totalRows: 7, validRows: 3, problemCount: 4 });

      const refused = await admin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'all_or_nothing' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('import_has_problems');
      expect(
        await db().selectFrom('org_units').select('id').where('agency_id', '=', admin.agencyId).execute(),
      ).toHaveLength(before.length);

      const commit = await admin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'valid_only' });
      expect(commit.statusCode).toBe(200);
      expect(commit.json()).toMatchObject({
        status: 'committed',
        mode: 'valid_only',
        result: { created: 2, updated: 1, unchanged: 0 },
      });
      const units = await db().selectFrom('org_units').selectAll().where('agency_id', '=', admin.agencyId).execute();
      const byCode = new Map(units.map((u) => [u.code, u]));
      expect(byCode.get('DINKES')).toMatchObject({
        name: 'Dinas Kesehatan',
        parent_id: admin.unitId,
        time_zone: 'Asia/Makassar',
      });
      // A new unit without a time zone takes its parent's.
      expect(byCode.get('PKM')).toMatchObject({ parent_id: byCode.get('DINKES')?.id, time_zone: 'Asia/Makassar' });
      expect(byCode.get('BKD')?.name).toBe('Badan Kepegawaian dan Pengembangan SDM');
      expect(byCode.has('RUSAK') || byCode.has('ANAK.RUSAK')).toBe(false);
      const committedAudit = await auditEntries(t, 'org.import_committed', { resourceId: report.id });
      expect(committedAudit[0]?.details).toEqual({
        kind: 'units',
        mode: 'valid_only',
        created: 2,
        updated: 1,
        unchanged: 0,
        skipped: 4,
      });
      const stored = await db()
        .selectFrom('imports')
        .select(['rows', 'status'])
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ rows: null, status: 'committed' });

      const again = await admin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'valid_only' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('import_not_ready');
      expect((await admin.agent.post(`/api/v1/imports/${report.id}/cancel`)).statusCode).toBe(409);
    });
  });

  describe('people from XLSX, and re-import by NIP', () => {
    it('creates people with managers, then updates by NIP on a second import', async () => {
      const rows = [
        PEOPLE_HEADER,
        [nipFor(1), 'Ani Kepala', 'PNS', 'ani@bkd.go.id', '081234567890', 'Kepala Badan', 'BKD', ''],
        [nipFor(2), 'Budi Staf', 'pns', 'Budi@BKD.go.id', '', 'Analis', 'BKD', nipFor(1)],
        ['', 'Cici Konselor', 'Non ASN', 'cici@bkd.go.id', '', 'Konselor', 'BKD', nipFor(2)],
      ];
      const first = await validated(admin.agent, 'people', 'pegawai.xlsx', await xlsxOf(rows));
      expect(first).toMatchObject({ problemCount: 0, plan: { create: 3, update: 0, unchanged: 0 } });
      const commit = await admin.agent.post(`/api/v1/imports/${first.id}/commit`, { mode: 'all_or_nothing' });
      expect(commit.json().result).toEqual({ created: 3, updated: 0, unchanged: 0 });
      const ani = await db().selectFrom('people').selectAll().where('nip', '=', nipFor(1)).executeTakeFirstOrThrow();
      const budi = await db().selectFrom('people').selectAll().where('nip', '=', nipFor(2)).executeTakeFirstOrThrow();
      const cici = await db()
        .selectFrom('people')
        .selectAll()
        .where('email_normalized', '=', 'cici@bkd.go.id')
        .executeTakeFirstOrThrow();
      expect(budi).toMatchObject({
        manager_id: ani.id,
        email: 'budi@bkd.go.id',
        agency_id: admin.agencyId,
        is_active: 1,
      });
      expect(budi.search_text).toContain('budi staf');
      expect(cici).toMatchObject({ manager_id: budi.id, nip: null, employment_type: 'non_asn' });

      const second = rows.map((r) => [...r]);
      (second[2] as string[])[5] = 'Analis Kepegawaian Ahli Muda';
      const again = await validated(admin.agent, 'people', 'pegawai-2.xlsx', await xlsxOf(second));
      expect(again.plan).toEqual({ create: 0, update: 1, unchanged: 2 });
      const committed = await admin.agent.post(`/api/v1/imports/${again.id}/commit`, { mode: 'all_or_nothing' });
      expect(committed.json().result).toEqual({ created: 0, updated: 1, unchanged: 2 });
      const updated = await db().selectFrom('people').selectAll().where('id', '=', budi.id).executeTakeFirstOrThrow();
      expect(updated).toMatchObject({
        position: 'Analis Kepegawaian Ahli Muda',
        manager_id: ani.id,
        created_at: budi.created_at,
      });
      expect(await db().selectFrom('people').select('id').where('nip', '=', nipFor(2)).execute()).toHaveLength(1);
    });

    it('reports problems in the uploader’s language', async () => {
      await admin.agent.patch('/api/v1/profile', { locale: 'en' });
      try {
        const report = await validated(
          admin.agent,
          'people',
          'people.csv',
          csvOf([PEOPLE_HEADER, ['123', 'Dewi', 'PNS', '', '', '', 'BKD', '']], ','),
        );
        expect(report.problems).toEqual([
          { row: 2, column: 'nip', code: 'nip.wrong_length', message: 'A NIP has exactly 18 digits.' },
        ]);
      } finally {
        await admin.agent.patch('/api/v1/profile', { locale: 'id' });
      }
    });

    it('refuses to commit all rows when the data changed since the check', async () => {
      const report = await validated(
        admin.agent,
        'people',
        'p.csv',
        csvOf([PEOPLE_HEADER, [nipFor(50), 'Eka', 'PNS', 'eka@bkd.go.id', '', '', 'BKD', '']]),
      );
      expect(report.problemCount).toBe(0);
      // Meanwhile someone else registers the same email address.
      await createPerson(db(), t.services.keys, {
        agencyId: otherAdmin.agencyId,
        unitId: otherAdmin.unitId,
        email: 'eka@bkd.go.id',
      });
      const res = await admin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'all_or_nothing' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('import_has_problems');
      const view = (await admin.agent.get(`/api/v1/imports/${report.id}`)).json();
      expect(view).toMatchObject({
        status: 'validated',
        problemCount: 1,
        problems: [{ row: 2, code: 'import.email_taken' }],
      });
      expect(await db().selectFrom('people').select('id').where('nip', '=', nipFor(50)).execute()).toHaveLength(0);
    });
  });

  describe('file problems', () => {
    it('refuses files it cannot import, writing nothing', async () => {
      const pdf = await upload(admin.agent, 'units', 'laporan.pdf', '%PDF-1.7 …');
      expect(pdf.statusCode).toBe(415);
      expect(pdf.json().error).toMatchObject({ code: 'import_file_type', message: 'Gunakan berkas CSV atau XLSX.' });
      const missing = await upload(admin.agent, 'people', 'p.csv', 'nama;email\nAni;a@b.id\n');
      expect(missing.statusCode).toBe(422);
      expect(missing.json().error).toMatchObject({
        code: 'import_missing_columns',
        message: 'Kolom wajib tidak ada: jenis_kepegawaian, kode_unit.',
      });
      const empty = await upload(admin.agent, 'units', 'u.csv', '\uFEFFkode_unit;nama_unit\r\n');
      expect(empty.json().error.code).toBe('import_empty');
      const broken = await upload(
        admin.agent,
        'units',
        'u.xlsx',
        Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]),
      );
      expect(broken.statusCode).toBe(422);
      expect(broken.json().error).toMatchObject({
        code: 'import_file_unreadable',
        message: 'Berkas tidak dapat dibaca: berkas rusak atau bukan berkas XLSX yang sah.',
      });
      const noFile = multipartForm({ kind: 'units' });
      const withoutFile = await admin.agent.post('/api/v1/imports', noFile.payload, noFile.headers);
      expect(withoutFile.statusCode).toBe(422);
      expect(withoutFile.json().error.details).toEqual([{ path: 'file', code: 'required', message: 'Wajib diisi.' }]);
      const badKind = multipartForm({ kind: 'gaji' }, { name: 'u.csv', content: 'kode_unit,nama_unit\nA,B\n' });
      expect(
        (await admin.agent.post('/api/v1/imports', badKind.payload, badKind.headers)).json().error.details[0],
      ).toMatchObject({ path: 'kind', code: 'invalid_option' });
      const json = await admin.agent.post('/api/v1/imports', { kind: 'units' });
      expect(json.statusCode).toBe(415);
      const count = await db()
        .selectFrom('imports')
        .select('id')
        .where('file_name', 'in', ['laporan.pdf', 'u.csv', 'u.xlsx'])
        .execute();
      expect(count).toHaveLength(0);
    });
  });

  describe('cancel', () => {
    it('cancels an import that was not written, dropping its rows', async () => {
      const report = await validated(
        admin.agent,
        'units',
        'batal.csv',
        csvOf([
          ['kode_unit', 'nama_unit', 'kode_unit_induk'],
          ['BATAL', 'Batal', rootCode],
        ]),
      );
      const res = await admin.agent.post(`/api/v1/imports/${report.id}/cancel`);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('cancelled');
      expect(
        (await db().selectFrom('imports').select('rows').where('id', '=', report.id).executeTakeFirstOrThrow()).rows,
      ).toBeNull();
      const commit = await admin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'valid_only' });
      expect(commit.statusCode).toBe(409);
      expect(await db().selectFrom('org_units').select('id').where('code', '=', 'BATAL').execute()).toHaveLength(0);
      const entry = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'org.import_cancelled')
        .where('resource_id', '=', report.id)
        .executeTakeFirstOrThrow();
      expect(entry.actor_id).toBe(admin.person.id);
    });
  });

  describe('a 2,000-row file', () => {
    it('checks and commits every row, with managers set', async () => {
      const units = ['BKD', 'DINKES', 'PKM'];
      const rows = [PEOPLE_HEADER];
      for (let i = 0; i < 2000; i++) {
        // Everyone reports to the first person of their block of 50.
        const manager = i % 50 === 0 ? '' : nipFor(10_000 + i - (i % 50));
        rows.push([
          nipFor(10_000 + i),
          `Pegawai Massal ${i}`,
          i % 3 === 0 ? 'PPPK' : 'PNS',
          `massal${i}@bkd.go.id`,
          '',
          'Pelaksana',
          units[i % 3] as string,
          manager,
        ]);
      }
      // PPPK rows need NI PPPK numbers: digits 13–14 are the appointment code 21.
      for (const row of rows.slice(1))
        if (row[2] === 'PPPK') row[0] = `${(row[0] as string).slice(0, 8)}${2020}21${(row[0] as string).slice(14)}`;
      const fix = new Map(rows.slice(1).map((r, i) => [nipFor(10_000 + i), r[0] as string]));
      for (const row of rows.slice(1)) if (row[7]) row[7] = fix.get(row[7] as string) as string;

      const before = await peopleIn(admin.agencyId);
      const report = await validated(admin.agent, 'people', 'massal.csv', csvOf(rows));
      expect(report).toMatchObject({
        totalRows: 2000,
        processedRows: 2000,
        validRows: 2000,
        problemCount: 0,
        plan: { create: 2000, update: 0, unchanged: 0 },
      });
      const commit = await admin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'all_or_nothing' });
      expect(commit.statusCode).toBe(200);
      expect(commit.json().result).toEqual({ created: 2000, updated: 0, unchanged: 0 });
      expect(await peopleIn(admin.agencyId)).toBe(before + 2000);
      const sample = await db()
        .selectFrom('people')
        .select(['id', 'manager_id', 'nip'])
        .where('nip', 'in', [rows[1]?.[0] as string, rows[77]?.[0] as string])
        .execute();
      const head =
        sample.find((p) => p.nip === rows[51]?.[0]) ??
        (await db()
          .selectFrom('people')
          .select(['id'])
          .where('nip', '=', rows[51]?.[0] as string)
          .executeTakeFirstOrThrow());
      expect(sample.find((p) => p.nip === rows[1]?.[0])?.manager_id).toBeNull();
      expect(sample.find((p) => p.nip === rows[77]?.[0])?.manager_id).toBe(head.id);
      const managed = await db()
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', admin.agencyId)
        .where('full_name', 'like', 'Pegawai Massal %')
        .where('manager_id', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(Number(managed.n)).toBe(2000 - 40);
    });
  });

  describe('after a restart', () => {
    it('checks again the imports a stopped server left half-checked', async () => {
      const report = await validated(
        admin.agent,
        'units',
        'sela.csv',
        csvOf([
          ['kode_unit', 'nama_unit', 'kode_unit_induk'],
          ['SELA', 'Unit Sela', rootCode],
          ['', 'Tanpa Kode', rootCode],
        ]),
      );
      // As if the server stopped halfway through the check.
      await db()
        .updateTable('imports')
        .set({ status: 'validating', processed_rows: 1, report: null, valid_rows: 0, problem_count: 0 })
        .where('id', '=', report.id)
        .execute();
      const restarted = await buildApp({
        config: t.services.config,
        db: t.database.handle,
        clock: t.clock,
        logger: false,
        version: 'test',
      });
      try {
        await restarted.app.ready();
        await restarted.services.imports.whenIdle();
      } finally {
        await restarted.app.close();
      }
      const view = (await admin.agent.get(`/api/v1/imports/${report.id}`)).json();
      expect(view).toMatchObject({
        status: 'validated',
        processedRows: 2,
        validRows: 1,
        problemCount: 1,
        plan: { create: 1, update: 0, unchanged: 0 },
      });
      expect(view.problems[0]).toMatchObject({ row: 3, code: 'required' });
      expect(
        (await admin.agent.post(`/api/v1/imports/${report.id}/commit`, { mode: 'valid_only' })).json().result,
      ).toEqual({ created: 1, updated: 0, unchanged: 0 });
      expect(await t.services.imports.resumeInterruptedImports()).toBe(0);
    });
  });
});
