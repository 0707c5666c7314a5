import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const valid = {
  agency: {
    name: 'Pemerintah Kabupaten Sleman',
    shortName: 'Pemkab Sleman',
    kind: 'pemerintah_kabupaten',
    timeZone: 'Asia/Jakarta',
  },
  rootUnit: { name: 'Sekretariat Daerah', code: 'SETDA' },
  admin: {
    fullName: 'Dewi Lestari',
    email: 'dewi.lestari@slemankab.go.id',
    employmentType: 'pns',
    nip: '198703122010122002',
    password: 'merapi pagi berkabut tipis',
  },
};

describe.skipIf(postgresSkipReason())('first-run set-up', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it('creates the first agency, top unit and admin once, then refuses', async () => {
    expect((await t.anonymous().get('/api/v1/setup')).json()).toEqual({ needsSetup: true });
    const browser = t.anonymous();
    const res = await browser.post('/api/v1/setup', valid);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ stage: 'two_factor_setup' });
    const session = (await browser.refreshSession()).json();
    expect(session).toMatchObject({
      stage: 'two_factor_setup',
      agency: { name: 'Pemerintah Kabupaten Sleman' },
      unit: { name: 'Sekretariat Daerah' },
    });
    expect([...session.roles].sort()).toEqual(['agency_admin', 'employee', 'platform_admin']);
    expect((await t.anonymous().get('/api/v1/setup')).json()).toEqual({ needsSetup: false });
    const again = await t.anonymous().post('/api/v1/setup', {
      ...valid,
      admin: { ...valid.admin, email: 'lain@x.go.id', nip: undefined, employmentType: 'non_asn' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup_already_done');
    const audit = await t.services.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'setup.completed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets only one of two simultaneous set-ups win', async () => {
    const [a, b] = await Promise.all([
      t.anonymous().post('/api/v1/setup', valid),
      t.anonymous().post('/api/v1/setup', {
        ...valid,
        admin: { ...valid.admin, email: 'kedua@x.go.id', nip: '198703122010122003' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const agencies = await t.services.db.db.selectFrom('agencies').select('id').execute();
    expect(agencies).toHaveLength(1);
  });

  it('explains bad input in Indonesian and writes nothing', async () => {
    const res = await t.anonymous().post('/api/v1/setup', {
      ...valid,
      agency: { ...valid.agency, timeZone: 'Europe/Paris' },
      admin: { ...valid.admin, email: 'bukan-email' },
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as Array<{ path: string; message: string }>;
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'agency.timeZone', code: 'time_zone', message: 'Pilih zona waktu WIB, WITA, atau WIT.' },
        { path: 'admin.email', code: 'invalid_email', message: 'Alamat email tidak sah.' },
      ]),
    );
    const badNip = await t
      .anonymous()
      .post('/api/v1/setup', { ...valid, admin: { ...valid.admin, nip: '198703122010123002' } });
    expect(badNip.statusCode).toBe(400);
    expect(badNip.json().error.details).toEqual([
      {
        path: 'admin.nip',
        code: 'nip.gender_digit_invalid',
        message: 'Angka ke-15 NIP adalah kode jenis kelamin: 1 (laki-laki) atau 2 (perempuan).',
      },
    ]);
    const weak = await t
      .anonymous()
      .post('/api/v1/setup', { ...valid, admin: { ...valid.admin, password: 'password1234' } });
    expect(weak.json().error.details[0].code).toBe('password.common');
    expect(await t.services.db.db.selectFrom('agencies').select('id').execute()).toHaveLength(0);
    expect((await t.anonymous().get('/api/v1/setup')).json()).toEqual({ needsSetup: true });
  });
});
