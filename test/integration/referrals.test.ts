import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHQ9_MODERATELY_SEVERE, submitAssessment } from '../support/assessments.js';
import { counsellorProfile } from '../support/booking.js';
import { createAgency } from '../support/factories.js';
import { pdfText } from '../support/pdf-text.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const TODAY = '2026-11-23';
const EXPIRES = '2027-02-21';
const TUESDAY_9 = '2026-11-24T02:00:00.000Z';
const REASON = 'Sudah dua bulan sulit tidur dan mudah cemas di kantor';
const SUMMARY = 'Gejala cemas menetap enam minggu; mohon asesmen psikologis lanjutan';
const BPJS = '0001234567890';
const PROFILE = counsellorProfile({ introduction: 'Pendampingan stres kerja.' });
const key = () => crypto.randomUUID();

describe.skipIf(postgresSkipReason())('referrals on the BPJS path', () => {
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let counsellor: SignedIn;
  let otherCounsellor: SignedIn;
  let employee: SignedIn;
  let colleague: SignedIn;
  let selfId: string;
  let preparedId: string;
  const db = () => t.services.db.db;
  const selfBody = (extra: Record<string, unknown> = {}) => ({
    destinationLevel: 'puskesmas',
    destinationName: 'Puskesmas Depok I',
    reason: REASON,
    bpjsNumber: '0001 2345 6789 0',
    scoreIds: [] as string[],
    approvedFields: ['name', 'summary'],
    ...extra,
  });
  const count = async () =>
    Number(
      (
        await db()
          .selectFrom('referrals')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const letterText = async (who: SignedIn, id: string) => {
    const res = await who.agent.get(`/api/v1/referrals/${id}/letter.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    return pdfText(res.rawPayload);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    root = agency.rootUnitId;
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    otherCounsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    employee = await loginAs(t, 'employee', { agencyId, unitId: root });
    colleague = await loginAs(t, 'employee', { agencyId, unitId: root });
    // The employee is the counsellor's client: they booked a session with them.
    expect((await counsellor.agent.put('/api/v1/counsellor/profile', PROFILE)).statusCode).toBe(200);
    await counsellor.agent.put('/api/v1/counsellor/availability', {
      rules: [{ weekday: 2, start: '09:00', end: '12:00', modes: ['video'] }],
    });
    const booked = await employee.agent.post(
      '/api/v1/booking/appointments',
      { counsellorId: counsellor.person.id, start: TUESDAY_9, mode: 'video', reminders: [] },
      { 'idempotency-key': key() },
    );
    expect(booked.statusCode, booked.body).toBe(201);
  });
  afterAll(async () => t.close());

  describe('the employee writes their own letter', () => {
    it('refuses bad input with localized details and stores nothing', async () => {
      const res = await employee.agent.post(
        '/api/v1/referrals',
        selfBody({ bpjsNumber: '12345', approvedFields: ['nip'] }),
        { 'idempotency-key': key() },
      );
      expect(res.statusCode).toBe(400);
      const details: Array<{ path: string; message: string }> = res.json().error.details;
      expect(details.map((d) => d.path).sort()).toEqual(['approvedFields.0', 'bpjsNumber']);
      expect(details.find((d) => d.path === 'bpjsNumber')?.message).toBe(
        'Nomor kartu BPJS Kesehatan terdiri dari 13 angka.',
      );
      // A letter the person writes goes to their FKTP, never straight to a hospital.
      const hospital = await employee.agent.post('/api/v1/referrals', selfBody({ destinationLevel: 'rs_psikiater' }), {
        'idempotency-key': key(),
      });
      expect(hospital.statusCode).toBe(400);
      expect(hospital.json().error.details).toEqual([
        expect.objectContaining({
          path: 'destinationLevel',
          message: expect.stringMatching(/Puskesmas atau klinik pratama/),
        }),
      ]);
      const scoreOfAnother = await employee.agent.post('/api/v1/referrals', selfBody({ scoreIds: [key()] }), {
        'idempotency-key': key(),
      });
      expect([scoreOfAnother.statusCode, scoreOfAnother.json().error.code]).toEqual([422, 'referral_score_not_found']);
      expect((await employee.agent.post('/api/v1/referrals', selfBody())).statusCode).toBe(400);
      expect(await count()).toBe(0);
    });

    it('stores a retried letter once, valid for 90 days', async () => {
      const k = key();
      const first = await employee.agent.post('/api/v1/referrals', selfBody(), { 'idempotency-key': k });
      expect(first.statusCode, first.body).toBe(201);
      const again = await employee.agent.post('/api/v1/referrals', selfBody(), { 'idempotency-key': k });
      expect(again.statusCode).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().id).toBe(first.json().id);
      expect(await count()).toBe(1);
      selfId = first.json().id;
      expect(first.json()).toMatchObject({
        preparedBy: 'client',
        status: 'prepared',
        issuedOn: TODAY,
        expiresOn: EXPIRES,
        expiry: { kind: 'valid', daysLeft: 90, soon: false },
        bpjsNumber: BPJS,
        reason: REASON,
        approvedFields: ['name', 'summary'],
        letterReady: true,
        nextStatuses: ['given', 'cancelled'],
      });
      expect(first.json().identity.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('keeps the words and the card number sealed at rest', async () => {
      const row = await db().selectFrom('referrals').selectAll().where('id', '=', selfId).executeTakeFirstOrThrow();
      const raw = JSON.stringify(row);
      expect(raw).not.toContain('sulit tidur');
      expect(raw).not.toContain(BPJS);
      expect(raw).not.toContain('Depok');
    });

    it('prints only the approved fields in the PDF letter', async () => {
      const res = await employee.agent.get(`/api/v1/referrals/${selfId}/letter.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(res.rawPayload);
      expect(text).toContain('SURAT RUJUKAN');
      expect(text).toContain('Kepada Yth.');
      expect(text).toContain('Puskesmas Depok I');
      expect(text).toContain(employee.person.fullName);
      expect(text).toContain(REASON);
      expect(text).toContain('Surat rujukan ini berlaku sampai 21 Februari 2027.');
      expect(text).toContain('(dibuat sendiri oleh peserta)');
      // Typed but not approved: the card number; never offered: the NIP.
      expect(text).not.toContain(BPJS);
      expect(text).not.toContain(employee.person.nip as string);
      expect(text).not.toContain('Tanggal lahir');
    });

    it('adds the scores, the card number and the birth date once approved, and drops the name', async () => {
      const result = await submitAssessment(employee.agent, 'phq9', PHQ9_MODERATELY_SEVERE);
      expect(result.statusCode).toBe(201);
      const choices = (await employee.agent.get('/api/v1/referrals/scores')).json().items;
      expect(choices).toEqual([expect.objectContaining({ id: result.json().id, instrumentId: 'phq9', total: 17 })]);
      const res = await employee.agent.put(`/api/v1/referrals/${selfId}/approval`, {
        approvedFields: ['birth_date', 'bpjs_number', 'scores'],
        scoreIds: [result.json().id],
      });
      expect(res.statusCode, res.body).toBe(200);
      const text = await letterText(employee, selfId);
      expect(text).toContain(BPJS);
      expect(text).toContain('PHQ-9: skor 17');
      expect(text).toContain('Tanggal lahir');
      expect(text).not.toContain(employee.person.fullName);
      expect(text).not.toContain(REASON);
    });

    it('moves the status on in order, and no longer rewrites a letter handed over', async () => {
      const skip = await employee.agent.post(`/api/v1/referrals/${selfId}/status`, { status: 'visited' });
      expect([skip.statusCode, skip.json().error.code]).toEqual([409, 'referral_status_not_allowed']);
      const given = await employee.agent.post(`/api/v1/referrals/${selfId}/status`, { status: 'given' });
      expect(given.json()).toMatchObject({ status: 'given', nextStatuses: ['visited', 'closed', 'cancelled'] });
      expect((await employee.agent.post(`/api/v1/referrals/${selfId}/status`, { status: 'given' })).statusCode).toBe(
        200,
      );
      const rewrite = await employee.agent.put(`/api/v1/referrals/${selfId}/approval`, { approvedFields: ['name'] });
      expect([rewrite.statusCode, rewrite.json().error.code]).toEqual([409, 'referral_not_editable']);
      const row = await db().selectFrom('referrals').selectAll().where('id', '=', selfId).executeTakeFirstOrThrow();
      expect([row.status, row.approved_fields]).toEqual(['given', 'birth_date,bpjs_number,scores']);
      expect(row.given_at).not.toBeNull();
    });
  });

  describe('a counsellor prepares a letter for a client', () => {
    it('lists the counsellor’s clients by appointment, audited per client', async () => {
      const res = await counsellor.agent.get('/api/v1/counsellor/referrals/clients');
      expect(res.json().items).toEqual([{ id: employee.person.id, name: employee.person.fullName }]);
      const audits = await db()
        .selectFrom('audit_log')
        .select(['subject_id', 'actor_id'])
        .where('action', '=', 'referral.clients_viewed')
        .execute();
      expect(audits).toEqual([{ subject_id: employee.person.id, actor_id: counsellor.person.id }]);
    });

    it('refuses anyone who is not their client, by id in the body', async () => {
      const foreign = await loginAs(t, 'employee');
      for (const clientId of [colleague.person.id, foreign.person.id, key()]) {
        const res = await counsellor.agent.post(
          '/api/v1/counsellor/referrals',
          { clientId, destinationLevel: 'rs_psikiater', reason: SUMMARY },
          { 'idempotency-key': key() },
        );
        expect([res.statusCode, res.json().error.code]).toEqual([404, 'referral_client_not_found']);
      }
      // Another counsellor of the same agency: the employee is not their client.
      const other = await otherCounsellor.agent.post(
        '/api/v1/counsellor/referrals',
        { clientId: employee.person.id, destinationLevel: 'rs_psikiater', reason: SUMMARY },
        { 'idempotency-key': key() },
      );
      expect(other.statusCode).toBe(404);
      const bad = await counsellor.agent.post(
        '/api/v1/counsellor/referrals',
        { clientId: employee.person.id, destinationLevel: 'dukun', reason: '' },
        { 'idempotency-key': key() },
      );
      expect(bad.statusCode).toBe(400);
      expect(await count()).toBe(1);
    });

    it('prepares one (stored once when retried), audited with the client as subject', async () => {
      const k = key();
      const body = { clientId: employee.person.id, destinationLevel: 'rs_psikolog_klinis', reason: SUMMARY };
      const first = await counsellor.agent.post('/api/v1/counsellor/referrals', body, { 'idempotency-key': k });
      expect(first.statusCode, first.body).toBe(201);
      const again = await counsellor.agent.post('/api/v1/counsellor/referrals', body, { 'idempotency-key': k });
      expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
      preparedId = first.json().id;
      expect(first.json()).toMatchObject({ clientName: employee.person.fullName, letterReady: false, reason: SUMMARY });
      expect(first.json()).not.toHaveProperty('bpjsNumber');
      const audits = await db()
        .selectFrom('audit_log')
        .select(['subject_id', 'resource_id'])
        .where('action', '=', 'referral.prepared')
        .execute();
      expect(audits).toEqual([{ subject_id: employee.person.id, resource_id: preparedId }]);
    });

    it('has no letter until the client approves, then prints only what they approved', async () => {
      const early = await counsellor.agent.get(`/api/v1/referrals/${preparedId}/letter.pdf`);
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'referral_not_approved']);
      const handOver = await counsellor.agent.post(`/api/v1/counsellor/referrals/${preparedId}/status`, {
        status: 'given',
      });
      expect([handOver.statusCode, handOver.json().error.code]).toEqual([409, 'referral_not_approved']);
      const mine = (await employee.agent.get('/api/v1/referrals')).json().items;
      expect(mine.map((r: { id: string }) => r.id)).toEqual([preparedId, selfId]);
      expect(mine[0]).toMatchObject({ counsellorName: counsellor.person.fullName, letterReady: false });
      const approved = await employee.agent.put(`/api/v1/referrals/${preparedId}/approval`, {
        approvedFields: ['name', 'summary'],
        bpjsNumber: BPJS,
      });
      expect(approved.statusCode).toBe(200);
      const text = await letterText(counsellor, preparedId);
      expect(text).toContain('Psikolog klinis di rumah sakit');
      expect(text).toContain(employee.person.fullName);
      expect(text).toContain('Yang merujuk,');
      expect(text).toContain('Psikolog Klinis');
      expect(text).toContain(counsellor.person.fullName);
      expect(text).not.toContain(BPJS);
      expect(text).not.toContain('PHQ-9');
      expect(text).not.toContain('dibuat sendiri');
      const audits = await db()
        .selectFrom('audit_log')
        .select(['subject_id', 'actor_id'])
        .where('action', '=', 'referral.letter_downloaded')
        .execute();
      expect(audits).toEqual([{ subject_id: employee.person.id, actor_id: counsellor.person.id }]);
      // The client's own download is not a read of someone else's record.
      await letterText(employee, preparedId);
      expect(
        await db().selectFrom('audit_log').select('id').where('action', '=', 'referral.letter_downloaded').execute(),
      ).toHaveLength(1);
    });

    it('shows the counsellor only what they prepared, never the card number; reads and moves audited', async () => {
      const res = await counsellor.agent.get('/api/v1/counsellor/referrals');
      expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([preparedId]);
      expect(res.body).not.toContain(BPJS);
      expect(res.body).not.toContain(REASON);
      const moved = await counsellor.agent.post(`/api/v1/counsellor/referrals/${preparedId}/status`, {
        status: 'given',
      });
      expect(moved.json().status).toBe('given');
      const actions = await db()
        .selectFrom('audit_log')
        .select(['action', 'subject_id'])
        .where('action', 'in', ['referral.list_viewed', 'referral.status_changed'])
        .execute();
      expect(actions).toEqual(
        expect.arrayContaining([
          { action: 'referral.list_viewed', subject_id: employee.person.id },
          { action: 'referral.status_changed', subject_id: employee.person.id },
        ]),
      );
    });
  });

  describe('nobody else reaches a referral', () => {
    it('answers 401 without a session', async () => {
      for (const url of [
        '/api/v1/referrals',
        `/api/v1/referrals/${selfId}`,
        `/api/v1/referrals/${selfId}/letter.pdf`,
        '/api/v1/counsellor/referrals',
      ])
        expect((await t.anonymous().get(url)).statusCode).toBe(401);
    });

    it('keeps colleagues, other counsellors, managers, admins and other agencies out', async () => {
      const others: SignedIn[] = [
        colleague,
        otherCounsellor,
        await loginAs(t, 'manager', { agencyId, unitId: root }),
        await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root }),
        await loginAs(t, 'agency_admin', { agencyId, unitId: root }),
        await loginAs(t, 'platform_admin'),
        await loginAs(t, 'counsellor'),
        await loginAs(t, 'employee'),
      ];
      const before = await db().selectFrom('referrals').selectAll().orderBy('id').execute();
      for (const who of others) {
        for (const id of [selfId, preparedId]) {
          const attempts = [
            await who.agent.get(`/api/v1/referrals/${id}`),
            await who.agent.get(`/api/v1/referrals/${id}/letter.pdf`),
            await who.agent.put(`/api/v1/referrals/${id}/approval`, { approvedFields: ['name'] }),
            await who.agent.post(`/api/v1/referrals/${id}/status`, { status: 'cancelled' }),
            await who.agent.post(`/api/v1/counsellor/referrals/${id}/status`, { status: 'cancelled' }),
          ];
          for (const r of attempts) {
            expect([403, 404]).toContain(r.statusCode);
            expect(r.body).not.toContain(employee.person.fullName);
            expect(r.body).not.toContain('sulit tidur');
            expect(r.body).not.toContain(SUMMARY);
          }
        }
        for (const r of [
          await who.agent.get('/api/v1/referrals'),
          await who.agent.get('/api/v1/counsellor/referrals'),
          await who.agent.get('/api/v1/counsellor/referrals/clients'),
        ]) {
          expect(r.body).not.toContain(selfId);
          expect(r.body).not.toContain(preparedId);
          expect(r.body).not.toContain(employee.person.id);
        }
      }
      expect(await db().selectFrom('referrals').selectAll().orderBy('id').execute()).toEqual(before);
    });
  });

  describe('data rights and retention', () => {
    it('counts the letters in My data, copies them in JSON and in words, for the client only', async () => {
      const overview = (await employee.agent.get('/api/v1/me/data')).json();
      expect(overview.holdings.referrals).toBe(2);
      expect((await counsellor.agent.get('/api/v1/me/data')).json().holdings.referrals).toBe(0);
      const copy = (await employee.agent.get('/api/v1/me/export.json')).json();
      expect(copy.referrals).toHaveLength(2);
      expect(copy.referrals[0]).toMatchObject({ preparedBy: 'client', reason: REASON, bpjsNumber: BPJS });
      expect(copy.referrals[1]).toMatchObject({ counsellor: counsellor.person.fullName, reason: SUMMARY });
      const html = (await employee.agent.get('/api/v1/me/export.html')).body;
      expect(html).toContain('<h2>Surat rujukan</h2>');
      expect(html).toContain('Puskesmas Depok I');
      expect((await counsellor.agent.get('/api/v1/me/export.json')).body).not.toContain(REASON);
    });

    it('erases every letter of the client with "erase all", whoever prepared it', async () => {
      const res = await employee.agent.post('/api/v1/me/erasure', { scope: 'all' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().erased.referrals).toBe(2);
      expect(await count()).toBe(0);
      expect((await counsellor.agent.get('/api/v1/counsellor/referrals')).json().items).toEqual([]);
    });
    it('keeps a letter on the retention schedule until its last valid day has passed', async () => {
      const res = await colleague.agent.post('/api/v1/referrals', selfBody(), { 'idempotency-key': key() });
      expect(res.statusCode).toBe(201);
      const eraser = (cutoff: string) => t.services.referrals.eraseBefore(db(), agencyId, cutoff);
      expect(await eraser(`${EXPIRES}T23:00:00.000Z`)).toBe(0);
      expect(await count()).toBe(1);
      expect(await eraser('2027-02-22T00:00:00.000Z')).toBe(1);
      expect(await count()).toBe(0);
    });
  });
});
