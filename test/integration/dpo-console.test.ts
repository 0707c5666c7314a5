import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DENIED_READS_THRESHOLD } from '../../src/domain/privacy-office/alert-rules.js';
import { RETENTION_RULES } from '../../src/domain/privacy-office/retention.js';
import { newId } from '../../src/server/crypto.js';
import { nextRetentionRun } from '../../src/server/modules/dpo/dpo.service.js';
import { auditEntries } from '../support/audit-entries.js';
import { PHQ9_MODERATELY_SEVERE, submitAssessment } from '../support/assessments.js';
import { createTestApp, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const DAY = 24 * 3600_000;

describe.skipIf(postgresSkipReason())('the DPO console', () => {
  let t: TestApp;
  let dpo: Awaited<ReturnType<typeof loginAs>>;
  let admin: Awaited<ReturnType<typeof loginAs>>;
  let employee: Awaited<ReturnType<typeof loginAs>>;
  const db = () => t.services.db.db;

  beforeAll(async () => {
    t = await createTestApp();
    dpo = await loginAs(t, 'dpo');
    admin = await loginAs(t, 'agency_admin', { agencyId: dpo.agencyId, unitId: dpo.unitId });
    employee = await loginAs(t, 'employee', { agencyId: dpo.agencyId, unitId: dpo.unitId });
  });
  afterAll(async () => t.close());

  it('is the DPO’s alone: the agency admin and employees are refused, anonymous visitors asked to sign in', async () => {
    for (const url of [
      '/api/v1/dpo/alerts',
      '/api/v1/dpo/processing',
      '/api/v1/dpo/breaches',
      '/api/v1/dpo/retention',
    ]) {
      expect((await t.anonymous().get(url)).statusCode, url).toBe(401);
      expect((await admin.agent.get(url)).statusCode, url).toBe(403);
      expect((await employee.agent.get(url)).statusCode, url).toBe(403);
      expect((await dpo.agent.get(url)).statusCode, url).toBe(200);
    }
  });

  it('gives the DPO no health data: the urgent queue and shared results are refused', async () => {
    expect((await dpo.agent.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(403);
    expect((await dpo.agent.get('/api/v1/counselling/shared-results')).statusCode).toBe(403);
  });

  describe('denied reads', () => {
    it('records a signed-in person’s 403/404 on routes by id — the route, never the id — and alerts past the threshold', async () => {
      const prober = await loginAs(t, 'employee', { agencyId: dpo.agencyId, unitId: dpo.unitId });
      const probed: string[] = [];
      for (let i = 0; i < DENIED_READS_THRESHOLD - 1; i++) {
        const id = newId();
        probed.push(id);
        expect((await prober.agent.get(`/api/v1/people/${id}`)).statusCode).toBe(403);
      }
      const rows = await db().selectFrom('denied_reads').selectAll().where('actor_id', '=', prober.person.id).execute();
      expect(rows).toHaveLength(DENIED_READS_THRESHOLD - 1);
      expect(rows[0]).toMatchObject({ route: 'GET /api/v1/people/:id', status_code: 403, agency_id: dpo.agencyId });
      for (const id of probed) expect(JSON.stringify(rows)).not.toContain(id);
      const alertsOf = async () =>
        (await dpo.agent.get('/api/v1/dpo/alerts'))
          .json()
          .items.filter((a: { personId: string }) => a.personId === prober.person.id);
      expect(await alertsOf()).toEqual([]);
      // The threshold-th refusal raises one alert; more in the same window add none.
      await prober.agent.get(`/api/v1/me/assessments/${newId()}`);
      await prober.agent.get(`/api/v1/people/${newId()}`);
      const alerts = await alertsOf();
      expect(alerts).toEqual([expect.objectContaining({ kind: 'denied_reads', personName: prober.person.fullName })]);
      expect(alerts[0].details.count).toBeGreaterThanOrEqual(DENIED_READS_THRESHOLD);
      // Reads of one's own things and lists without an id are not recorded.
      await employee.agent.get('/api/v1/me/notifications');
      expect(
        await db().selectFrom('denied_reads').select('id').where('actor_id', '=', employee.person.id).execute(),
      ).toEqual([]);
    });

    it('does not record what anonymous visitors do', async () => {
      const before = (await db().selectFrom('denied_reads').select('id').execute()).length;
      await t.anonymous().get(`/api/v1/people/${newId()}`);
      expect((await db().selectFrom('denied_reads').select('id').execute()).length).toBe(before);
    });

    it('raises an alert for many exports by one person in a day, counted from the audit log', async () => {
      const exporter = await loginAs(t, 'employee', { agencyId: dpo.agencyId, unitId: dpo.unitId });
      const now = t.clock.now().toISOString();
      await db()
        .insertInto('audit_log')
        .values(
          Array.from({ length: 10 }, () => ({
            id: newId(),
            agency_id: dpo.agencyId,
            occurred_at: now,
            actor_id: exporter.person.id,
            actor_role: 'employee',
            subject_id: exporter.person.id,
            action: 'privacy.data_exported',
            resource_type: null,
            resource_id: null,
            purpose: null,
            outcome: 'success',
            request_id: null,
            details: null,
          })),
        )
        .execute();
      expect(await t.services.dpo.checkExports()).toBeGreaterThanOrEqual(1);
      await t.services.dpo.checkExports();
      const alerts = (await dpo.agent.get('/api/v1/dpo/alerts'))
        .json()
        .items.filter((a: { personId: string }) => a.personId === exporter.person.id);
      expect(alerts).toEqual([expect.objectContaining({ kind: 'exports', details: { count: 10, windowHours: 24 } })]);
    });
  });

  describe('record of processing activities', () => {
    it('starts from defaults for every data class and keeps the DPO’s edits, audited', async () => {
      const list = (await dpo.agent.get('/api/v1/dpo/processing')).json().items;
      expect(list.map((r: { dataClass: string }) => r.dataClass)).toContain('screening_results');
      expect(list.find((r: { dataClass: string }) => r.dataClass === 'screening_results').legalBasis).toContain(
        'Persetujuan eksplisit',
      );
      const body = {
        purpose: 'Pemeriksaan diri sukarela',
        legalBasis: 'Persetujuan eksplisit',
        dataSubjects: 'Pegawai',
        recipients: 'Pegawai sendiri',
        retention: '2 tahun',
        securityMeasures: 'Enkripsi',
      };
      const res = await dpo.agent.put('/api/v1/dpo/processing/screening_results', body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ...body, dataClass: 'screening_results' });
      expect(
        (await dpo.agent.put('/api/v1/dpo/processing/screening_results', { ...body, purpose: '' })).statusCode,
      ).toBe(400);
      expect((await dpo.agent.put('/api/v1/dpo/processing/not_a_class', body)).statusCode).toBe(400);
      expect((await auditEntries(t, 'dpo.processing_activity_updated', { agencyId: dpo.agencyId })).length).toBe(1);
    });
  });

  describe('breach register', () => {
    it('runs the 3×24-hour clock from discovery and fills the notices from the record', async () => {
      const discovered = new Date(t.clock.now().getTime() - 10 * 3600_000);
      const res = await dpo.agent.post('/api/v1/dpo/breaches', {
        title: 'Laptop berisi ekspor daftar pegawai hilang',
        dataClasses: ['identity', 'sign_in'],
        discoveredAt: discovered.toISOString(),
        occurredAt: null,
        howFound: 'Laporan pegawai',
        description: 'Sebuah laptop dinas tertinggal di kereta.',
        affectedCount: 1234,
        handling: 'Akun terkait diatur ulang; laptop dikunci jarak jauh.',
        contact: 'ppdp@instansi.go.id',
      });
      expect(res.statusCode).toBe(201);
      const b = res.json();
      expect(b.clock.deadline).toBe(new Date(discovered.getTime() + 72 * 3600_000).toISOString());
      expect(b.clock.state).toBe('running');
      expect(b.clock.remainingMs).toBe(62 * 3600_000);
      expect(b.notices.id.subjects.body).toContain('Laptop berisi ekspor daftar pegawai hilang');
      expect(b.notices.id.subjects.body).toContain('ppdp@instansi.go.id');
      expect(b.notices.id.subjects.body).toContain('Identitas dan kepegawaian');
      expect(b.notices.id.authority.body).toContain('1.234');
      expect(b.notices.id.authority.body).toContain('Pasal 46');
      expect(b.notices.en.authority.body).toContain('1,234');
      expect(b.notices.en.subjects.body).toContain('Identity and employment');
      // Overdue once the deadline passes without both notices; met when both went out in time.
      t.clock.advance(63 * 3600_000);
      // Sessions lapse over 63 hours: the DPO signs in again.
      dpo = await loginAs(t, 'dpo', { agencyId: dpo.agencyId, unitId: dpo.unitId });
      admin = await loginAs(t, 'agency_admin', { agencyId: dpo.agencyId, unitId: dpo.unitId });
      expect((await dpo.agent.get(`/api/v1/dpo/breaches/${b.id}`)).json().clock.state).toBe('overdue');
      const inTime = new Date(discovered.getTime() + 24 * 3600_000).toISOString();
      const upd = await dpo.agent.patch(`/api/v1/dpo/breaches/${b.id}`, {
        subjectsNotifiedAt: inTime,
        authorityNotifiedAt: inTime,
      });
      expect(upd.statusCode).toBe(200);
      expect(upd.json().clock.state).toBe('met');
      expect((await auditEntries(t, 'dpo.breach_recorded', { resourceId: b.id })).length).toBe(1);
    });

    it('refuses a discovery in the future and an occurrence after discovery', async () => {
      const base = {
        title: 'x',
        dataClasses: ['identity'],
        howFound: 'x',
        description: 'x',
        affectedCount: 1,
        handling: 'x',
        contact: 'x',
      };
      const future = await dpo.agent.post('/api/v1/dpo/breaches', {
        ...base,
        discoveredAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
      });
      expect(future.statusCode).toBe(422);
      expect(future.json().error.details[0]).toMatchObject({ path: 'discoveredAt', code: 'date_in_future' });
      const now = t.clock.now();
      const after = await dpo.agent.post('/api/v1/dpo/breaches', {
        ...base,
        discoveredAt: now.toISOString(),
        occurredAt: new Date(now.getTime() + 1000).toISOString(),
      });
      expect(after.statusCode).toBe(422);
      expect((await dpo.agent.post('/api/v1/dpo/breaches', { ...base, dataClasses: [] })).statusCode).toBe(400);
    });
  });

  describe('retention', () => {
    it('lets the DPO move a period within its bounds only', async () => {
      const list = (await dpo.agent.get('/api/v1/dpo/retention')).json();
      expect(list.items.find((r: { dataClass: string }) => r.dataClass === 'notifications')).toMatchObject({
        days: RETENTION_RULES.notifications.days,
        isDefault: true,
      });
      const low = await dpo.agent.put('/api/v1/dpo/retention/notifications', {
        days: RETENTION_RULES.notifications.minDays - 1,
      });
      expect(low.statusCode).toBe(422);
      expect(low.json().error.code).toBe('retention_out_of_bounds');
      const ok = await dpo.agent.put('/api/v1/dpo/retention/notifications', { days: 60 });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().items.find((r: { dataClass: string }) => r.dataClass === 'notifications')).toMatchObject({
        days: 60,
        isDefault: false,
      });
      expect((await admin.agent.put('/api/v1/dpo/retention/notifications', { days: 60 })).statusCode).toBe(403);
    });

    it('deletes only what is past retention, and records counts', async () => {
      const person = await loginAs(t, 'employee', { agencyId: dpo.agencyId, unitId: dpo.unitId });
      const old = await submitAssessment(person.agent, 'phq9', PHQ9_MODERATELY_SEVERE);
      t.clock.advance(RETENTION_RULES.assessment_results.days * DAY + DAY);
      // Two years on, sessions have lapsed: the DPO signs in again.
      dpo = await loginAs(t, 'dpo', { agencyId: dpo.agencyId, unitId: dpo.unitId });
      const fresh = await loginAs(t, 'employee', { agencyId: dpo.agencyId, unitId: dpo.unitId });
      const kept = await submitAssessment(fresh.agent, 'phq9', PHQ9_MODERATELY_SEVERE);
      const now = t.clock.now();
      const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
      const note = (at: string) => ({
        id: newId(),
        agency_id: dpo.agencyId,
        person_id: fresh.person.id,
        kind: 'test',
        payload: '{}',
        dedupe_key: null,
        created_at: at,
        read_at: null,
      });
      await db()
        .insertInto('notifications')
        .values([note(ago(61)), note(ago(59))])
        .execute();
      // Another agency's old rows follow their own (default) schedule.
      const other = await loginAs(t, 'employee');
      await db()
        .insertInto('notifications')
        .values({ ...note(ago(61)), agency_id: other.agencyId, person_id: other.person.id })
        .execute();
      const auditBefore = (await db().selectFrom('audit_log').select('id').execute()).length;

      const runs = await t.services.dpo.runRetention();
      const mine = runs.find((r) => r.agencyId === dpo.agencyId);
      expect(mine?.counts.assessment_results).toBe(1);
      expect(mine?.counts.notifications).toBeGreaterThanOrEqual(1);
      const results = await db()
        .selectFrom('assessment_results')
        .select('id')
        .where('agency_id', '=', dpo.agencyId)
        .execute();
      expect(results.map((r) => r.id)).toEqual([kept.json().id]);
      expect(results.map((r) => r.id)).not.toContain(old.json().id);
      // The same erasure as the person's own: the consent record stays as proof, naming no result.
      const consents = await db()
        .selectFrom('consents')
        .select(['subject_id', 'withdrawn_at'])
        .where('person_id', '=', person.person.id)
        .execute();
      expect(consents.length).toBeGreaterThan(0);
      expect(consents.map((c) => c.subject_id)).not.toContain(old.json().id);
      const notes = await db().selectFrom('notifications').select('created_at').where('kind', '=', 'test').execute();
      // Mine at 61 days went (the DPO set 60); mine at 59 and the other agency's at 61 (default 180) stay.
      expect(notes.map((n) => n.created_at).sort()).toEqual([ago(61), ago(59)].sort());
      // The audit log is never deleted by retention: only a run entry is added per agency.
      expect((await db().selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore + runs.length);
      const view = (await dpo.agent.get('/api/v1/dpo/retention')).json();
      expect(view.runs[0].counts.assessment_results).toBe(1);
    });

    it('runs nightly through the durable job runner, queued once per night', async () => {
      await t.services.jobs.tick();
      await t.services.jobs.tick();
      const queued = await db()
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'dpo.retention')
        .where('completed_at', 'is', null)
        .execute();
      expect(queued).toHaveLength(1);
      expect(queued[0]?.run_at).toBe(nextRetentionRun(t.clock.now()).toISOString());
      expect(new Date(queued[0]?.run_at as string).getUTCHours()).toBe(19);
      const before = (await db().selectFrom('retention_runs').select('id').execute()).length;
      t.clock.set(new Date(new Date(queued[0]?.run_at as string).getTime() + 1000));
      await t.services.jobs.tick();
      const done = await db()
        .selectFrom('jobs')
        .select('completed_at')
        .where('id', '=', queued[0]?.id as string)
        .executeTakeFirstOrThrow();
      expect(done.completed_at).not.toBeNull();
      expect((await db().selectFrom('retention_runs').select('id').execute()).length).toBeGreaterThan(before);
    });
  });
});
