import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../support/factories.js';
import { createTestApp, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const settings = {
  name: 'Pemerintah Kabupaten Uji',
  shortName: 'Pemkab Uji',
  timeZone: 'Asia/Makassar',
  anonymityThreshold: 7,
  dpoName: 'Rina Kartika',
  dpoEmail: 'dpo@uji.go.id',
};

describe.skipIf(postgresSkipReason())('agency settings, counts and outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lets the agency admin change settings; the threshold never goes below 5', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const low = await admin.agent.put('/api/v1/agency/settings', { ...settings, anonymityThreshold: 4 });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.details[0]).toMatchObject({ path: 'anonymityThreshold', message: 'Nilai paling kecil 5.' });
    const ok = await admin.agent.put('/api/v1/agency/settings', settings);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ anonymityThreshold: 7, timeZone: 'Asia/Makassar', dpoEmail: 'dpo@uji.go.id' });
    const entry = await t.services.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'agency.settings_updated')
      .where('agency_id', '=', admin.agencyId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details as string).changed).toEqual(
      expect.arrayContaining(['name', 'time_zone', 'anonymity_threshold', 'dpo_name', 'dpo_email']),
    );
    // The database enforces the floor too, whatever path writes.
    await expect(
      t.services.db.db
        .updateTable('agencies')
        .set({ anonymity_threshold: 3 })
        .where('id', '=', admin.agencyId)
        .execute(),
    ).rejects.toThrow();
  });

  it('lets no one else change them', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const wellbeing = await loginAs(t, 'wellbeing_admin', { agencyId: admin.agencyId });
    expect((await wellbeing.agent.put('/api/v1/agency/settings', settings)).statusCode).toBe(403);
    expect((await wellbeing.agent.get('/api/v1/agency')).json().id).toBe(admin.agencyId);
  });

  it('counts units, people and sign-ups for the admin home page', async () => {
    const admin = await loginAs(t, 'agency_admin');
    await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
    });
    const stats = (await admin.agent.get('/api/v1/agency/stats')).json();
    expect(stats).toEqual({ units: 1, people: 2, activePeople: 2, signedUp: 1, pendingInvitations: 0 });
  });

  it('shows held emails to the agency admin only, and records every look', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitee = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
    });
    await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    const outbox = await admin.agent.get('/api/v1/agency/outbox');
    expect(outbox.json()).toMatchObject({
      total: 1,
      items: [{ to: invitee.email, status: 'held', template: 'invite' }],
    });
    expect((await admin.agent.get('/api/v1/agency/stats')).json().pendingInvitations).toBe(1);
    const other = await loginAs(t, 'agency_admin');
    expect((await other.agent.get('/api/v1/agency/outbox')).json().total).toBe(0);
    const views = await t.services.db.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'agency.outbox_viewed')
      .execute();
    expect(views.map((v) => v.actor_id)).toEqual(expect.arrayContaining([admin.person.id, other.person.id]));
  });
});

describe.skipIf(postgresSkipReason())('platform: agencies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const newAgency = (email: string, nip?: string) => ({
    agency: { name: 'Badan Uji Nasional', shortName: 'BUN', kind: 'lembaga', timeZone: 'Asia/Jakarta' },
    rootUnit: { name: 'Kantor Pusat', code: 'PUSAT' },
    admin: nip
      ? { fullName: 'Yohanes Mandacan', email, employmentType: 'pns', nip }
      : { fullName: 'Yohanes Mandacan', email, employmentType: 'non_asn' },
  });

  it('lets the platform admin create an agency whose first admin is invited', async () => {
    const op = await loginAs(t, 'platform_admin');
    const created = await op.agent.post(
      '/api/v1/platform/agencies',
      newAgency('yohanes@bun.go.id', '198807212012121001'),
    );
    expect(created.statusCode).toBe(201);
    // No SMTP: the invitation is held, and its link is shown to nobody but its recipient.
    expect(created.json().invitation).toEqual({
      sentTo: 'yohanes@bun.go.id',
      expiresAt: expect.any(String),
      viaOutbox: true,
    });
    const held = await t.services.db.db
      .selectFrom('email_outbox')
      .select(['body_text', 'secret_body_enc'])
      .where('to_address', '=', 'yohanes@bun.go.id')
      .executeTakeFirstOrThrow();
    expect(held.body_text).not.toMatch(/\/invite\//);
    expect(held.secret_body_enc).toBeNull();
    const list = (await op.agent.get('/api/v1/platform/agencies')).json().items as Array<{
      name: string;
      people: number;
      units: number;
    }>;
    expect(list.find((a) => a.name === 'Badan Uji Nasional')).toMatchObject({ people: 1, units: 1 });
    const grants = await t.services.db.db
      .selectFrom('role_assignments')
      .select('role')
      .where('person_id', '=', created.json().adminId)
      .execute();
    expect(grants.map((g) => g.role)).toEqual(['agency_admin']);
  });

  it('stores a retried creation once (Idempotency-Key) and refuses a reused key with another body', async () => {
    const op = await loginAs(t, 'platform_admin');
    const key = { 'idempotency-key': 'create-agency-0001' };
    const first = await op.agent.post('/api/v1/platform/agencies', newAgency('sekali@bun.go.id'), key);
    const retry = await op.agent.post('/api/v1/platform/agencies', newAgency('sekali@bun.go.id'), key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const people = await t.services.db.db
      .selectFrom('people')
      .select('id')
      .where('email_normalized', '=', 'sekali@bun.go.id')
      .execute();
    expect(people).toHaveLength(1);
    const other = await op.agent.post('/api/v1/platform/agencies', newAgency('lain@bun.go.id'), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_mismatch');
    // The stored fingerprint is keyed: it is not a plain hash of the body anyone could recompute.
    const stored = await t.services.db.db
      .selectFrom('idempotency_keys')
      .select('request_hash')
      .where('idem_key', '=', 'create-agency-0001')
      .executeTakeFirstOrThrow();
    const { createHash } = await import('node:crypto');
    const plain = createHash('sha256')
      .update(`POST /api/v1/platform/agencies\n${JSON.stringify(newAgency('sekali@bun.go.id'))}`)
      .digest('hex');
    expect(stored.request_hash).not.toBe(plain);
  });

  it('never stores a request or answer that carries a secret (passwords, two-factor)', async () => {
    const op = await loginAs(t, 'platform_admin');
    await op.agent.post(
      '/api/v1/auth/sign-in',
      { identifier: op.person.email, password: 'salah salah salah' },
      { 'idempotency-key': 'secret-bearing-01' },
    );
    await op.agent.post('/api/v1/auth/two-factor/setup', {}, { 'idempotency-key': 'secret-bearing-02' });
    const rows = await t.services.db.db
      .selectFrom('idempotency_keys')
      .select('idem_key')
      .where('idem_key', 'like', 'secret-bearing-%')
      .execute();
    expect(rows).toEqual([]);
  });

  it('is closed to agency admins', async () => {
    const admin = await loginAs(t, 'agency_admin');
    expect((await admin.agent.get('/api/v1/platform/agencies')).statusCode).toBe(403);
    expect((await admin.agent.post('/api/v1/platform/agencies', newAgency('x@bun.go.id'))).statusCode).toBe(403);
  });
});
