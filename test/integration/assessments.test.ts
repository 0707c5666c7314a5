import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import { newId } from '../../src/server/crypto.js';
import { PHQ9_CRISIS, PHQ9_MODERATELY_SEVERE, submissionKey, submitAssessment } from '../support/assessments.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const CONTACT = {
  method: 'whatsapp',
  contact: '0812-7777-3141',
  preferredTime: 'setelah pukul 17.00',
  note: 'Saya sedang tidak baik-baik saja',
};

describe.skipIf(postgresSkipReason())('self-assessment: drafts, submission, history, deletion', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  const db = () => t.services.db.db;
  const employee = () => loginAs(t, 'employee', { agencyId, unitId });
  const setOutreach = (on: boolean) =>
    db()
      .updateTable('agencies')
      .set({ disclosed_safety_outreach: on ? 1 : 0 })
      .where('id', '=', agencyId)
      .execute();

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  describe('drafts', () => {
    it('saves and resumes an unfinished form, one per instrument, encrypted at rest', async () => {
      const me = await employee();
      const first = await me.agent.put('/api/v1/me/assessment-drafts/phq9', {
        answers: [1, 2, null, null, null, null, null, null, null],
        currentIndex: 2,
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        instrumentId: 'phq9',
        instrumentVersion: '1',
        answers: [1, 2, null, null, null, null, null, null, null],
        currentIndex: 2,
        servesPublic: true,
        campaignId: null,
      });
      t.clock.advance(60_000);
      const second = await me.agent.put('/api/v1/me/assessment-drafts/phq9', {
        answers: [1, 2, 3, null, null, null, null, null, null],
        currentIndex: 3,
      });
      expect(second.json()).toMatchObject({ answers: [1, 2, 3, null, null, null, null, null, null], currentIndex: 3 });
      await me.agent.put('/api/v1/me/assessment-drafts/gad2', { answers: [0, null], currentIndex: 1 });
      const resumed = await me.agent.get('/api/v1/me/assessment-drafts/phq9');
      expect(resumed.json().answers).toEqual([1, 2, 3, null, null, null, null, null, null]);
      const list = (await me.agent.get('/api/v1/me/assessment-drafts')).json().items as Array<{
        instrumentId: string;
      }>;
      expect(list.map((d) => d.instrumentId).sort()).toEqual(['gad2', 'phq9']);
      const rows = await db()
        .selectFrom('assessment_drafts')
        .selectAll()
        .where('person_id', '=', me.person.id)
        .execute();
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r.answers_enc).not.toContain('[');
    });

    it('checks draft answers like the scorer, but lets items stay unanswered', async () => {
      const me = await employee();
      const wrong = await me.agent.put('/api/v1/me/assessment-drafts/who5', {
        answers: [5, 9, null, null, null],
        currentIndex: 1,
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().error).toMatchObject({
        code: 'answers_invalid',
        details: [{ path: 'answers.1', code: 'answers.not_an_option' }],
      });
      const short = await me.agent.put('/api/v1/me/assessment-drafts/who5', { answers: [5], currentIndex: 0 });
      expect(short.json().error.details[0]).toMatchObject({ path: 'answers', code: 'answers.wrong_length' });
      expect(
        (await me.agent.put('/api/v1/me/assessment-drafts/bat', { answers: [], currentIndex: 0 })).statusCode,
      ).toBe(400);
      // PHQ-9 item 9 may be unanswered while the form is unfinished.
      expect(
        (await me.agent.put('/api/v1/me/assessment-drafts/phq9', { answers: Array(9).fill(null), currentIndex: 0 }))
          .statusCode,
      ).toBe(200);
    });

    it('keeps drafts private and discards them on request', async () => {
      const me = await employee();
      const other = await employee();
      await me.agent.put('/api/v1/me/assessment-drafts/k6', {
        answers: [0, 1, null, null, null, null],
        currentIndex: 2,
      });
      expect((await other.agent.get('/api/v1/me/assessment-drafts')).json().items).toEqual([]);
      expect((await other.agent.get('/api/v1/me/assessment-drafts/k6')).json().error.code).toBe('draft_not_found');
      expect((await other.agent.delete('/api/v1/me/assessment-drafts/k6')).statusCode).toBe(404);
      expect((await me.agent.delete('/api/v1/me/assessment-drafts/k6')).statusCode).toBe(200);
      expect((await me.agent.get('/api/v1/me/assessment-drafts/k6')).statusCode).toBe(404);
    });
  });

  describe('submission', () => {
    it('scores, stores encrypted, records the consent and deletes the draft', async () => {
      const me = await employee();
      await me.agent.put('/api/v1/me/assessment-drafts/phq9', {
        answers: [3, 2, 3, 2, null, null, null, null, null],
        currentIndex: 4,
      });
      const res = await submitAssessment(me.agent, 'phq9', PHQ9_MODERATELY_SEVERE);
      expect(res.statusCode).toBe(201);
      const view = res.json();
      expect(view).toMatchObject({
        instrumentId: 'phq9',
        instrumentVersion: '1',
        result: { instrumentId: 'phq9', total: 17, band: 'moderately_severe', crisis: false },
        bandLabel: 'cukup berat',
        nextStep: { crisis: false, step: 'specialist', followUp: null, urgentFollowUp: false },
        campaignId: null,
        shares: [],
        contactRequestId: null,
      });
      const row = await db()
        .selectFrom('assessment_results')
        .selectAll()
        .where('id', '=', view.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        person_id: me.person.id,
        total: 17,
        band: 'moderately_severe',
        crisis: 0,
        care_step: 'specialist',
        locale: 'id',
      });
      expect(row.answers_enc).not.toContain('3,2,3');
      expect(row.result_enc).not.toContain('moderately');
      expect(JSON.parse(t.services.keys.decrypt(row.answers_enc))).toEqual(PHQ9_MODERATELY_SEVERE);
      const consents = await db().selectFrom('consents').selectAll().where('person_id', '=', me.person.id).execute();
      expect(consents).toEqual([
        expect.objectContaining({
          purpose: 'self_assessment',
          text_version: 'self-assessment-1',
          subject_type: 'assessment_result',
          subject_id: view.id,
          channel: 'web',
          withdrawn_at: null,
        }),
      ]);
      expect((await me.agent.get('/api/v1/me/assessment-drafts/phq9')).statusCode).toBe(404);
      // The person's own action needs no audit entry, and no entry ever carries a health value.
      const audit = await db().selectFrom('audit_log').select('details').where('actor_id', '=', me.person.id).execute();
      expect(JSON.stringify(audit)).not.toContain('moderately');
    });

    it('stores one result for a retried submission and replays the same body', async () => {
      const me = await employee();
      const body = {
        instrumentId: 'gad7',
        answers: [1, 1, 1, 1, 1, 1, 1],
        submissionKey: submissionKey(),
        consentVersion: CONSENT_TEXTS.self_assessment,
      };
      const first = await me.agent.post('/api/v1/me/assessments', body);
      const retry = await me.agent.post('/api/v1/me/assessments', body);
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      // Three copies at once (a flaky network): still one row, all answered with it.
      const raced = { ...body, submissionKey: submissionKey() };
      const answers = await Promise.all([1, 2, 3].map(() => me.agent.post('/api/v1/me/assessments', raced)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      const rows = await db()
        .selectFrom('assessment_results')
        .select('id')
        .where('person_id', '=', me.person.id)
        .execute();
      expect(rows).toHaveLength(2);
      const consents = await db().selectFrom('consents').select('id').where('person_id', '=', me.person.id).execute();
      expect(consents).toHaveLength(2);
      // The same key with other answers is refused, never silently replayed.
      const mismatch = await me.agent.post('/api/v1/me/assessments', { ...body, answers: [3, 3, 3, 3, 3, 3, 3] });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().error.code).toBe('idempotency_mismatch');
      // The generic Idempotency-Key store never holds the health data of this route.
      await me.agent.post(
        '/api/v1/me/assessments',
        { ...body, submissionKey: submissionKey() },
        { 'idempotency-key': 'submit-key-0001' },
      );
      expect(await db().selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
    });

    it('refuses answers the scorer refuses, naming the item', async () => {
      const me = await employee();
      const missing9 = await submitAssessment(me.agent, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, null]);
      expect(missing9.statusCode).toBe(422);
      expect(missing9.json().error).toMatchObject({
        code: 'answers_invalid',
        details: [{ path: 'answers.8', code: 'answers.required', message: 'Butir 9 wajib dijawab.' }],
      });
      const long = await submitAssessment(me.agent, 'phq2', [0, 0, 0]);
      expect(long.json().error.details[0]).toMatchObject({ path: 'answers', code: 'answers.wrong_length' });
      const option = await submitAssessment(me.agent, 'srq20', [...Array(19).fill(0), 2]);
      expect(option.json().error.details[0]).toMatchObject({
        path: 'answers.19',
        code: 'answers.not_an_option',
        message: expect.stringContaining('butir 20'),
      });
      expect(
        await db().selectFrom('assessment_results').select('id').where('person_id', '=', me.person.id).execute(),
      ).toEqual([]);
    });

    it('asks the CBI client scale only of people who serve the public', async () => {
      const me = await employee();
      const answers = Array(19).fill(50);
      const notAsked = await submitAssessment(me.agent, 'cbi', answers, { servesPublic: false });
      expect(notAsked.statusCode).toBe(422);
      expect(notAsked.json().error.details).toHaveLength(6);
      expect(notAsked.json().error.details[0]).toMatchObject({
        path: 'answers.13',
        code: 'answers.not_asked',
        message: 'Butir 14 tidak ditanyakan kepada Anda; biarkan kosong.',
      });
      const ok = await submitAssessment(me.agent, 'cbi', [...Array(13).fill(50), ...Array(6).fill(null)], {
        servesPublic: false,
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().result).toMatchObject({
        total: null,
        band: null,
        subscales: { personal: { score: 50, band: 'high' }, work: { score: 50 }, client: null },
      });
      expect(ok.json()).toMatchObject({ bandLabel: null, nextStep: { step: 'talk' } });
      // Campaign figures count the CBI by the highest sub-scale band, kept in the clear column.
      const row = await db()
        .selectFrom('assessment_results')
        .select(['band', 'total'])
        .where('id', '=', ok.json().id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ band: 'moderate', total: null });
    });

    it('requires the consent text that matches the agency’s outreach setting', async () => {
      const me = await employee();
      const stale = await submitAssessment(me.agent, 'phq2', [0, 1], { consentVersion: 'self-assessment-0' });
      expect(stale.statusCode).toBe(422);
      expect(stale.json().error).toMatchObject({
        code: 'consent_required',
        message: expect.stringContaining('Persetujuan'),
      });
      await setOutreach(true);
      try {
        const old = await submitAssessment(me.agent, 'phq2', [0, 1]);
        expect(old.json().error.code).toBe('consent_required');
        const ok = await submitAssessment(me.agent, 'phq2', [0, 1], {
          consentVersion: CONSENT_TEXTS.self_assessment_outreach,
        });
        expect(ok.statusCode).toBe(201);
        const consent = await db()
          .selectFrom('consents')
          .selectAll()
          .where('subject_id', '=', ok.json().id)
          .executeTakeFirstOrThrow();
        expect(consent).toMatchObject({
          purpose: 'self_assessment_outreach',
          text_version: 'self-assessment-outreach-1',
        });
      } finally {
        await setOutreach(false);
      }
    });

    it('takes campaign answers only from invited people while the campaign is open', async () => {
      const me = await employee();
      const now = t.clock.now().toISOString();
      const campaign = (status: string) => ({
        id: newId(),
        agency_id: agencyId,
        title: 'Cek diri November',
        message: null,
        instrument_ids: JSON.stringify(['who5']),
        unit_ids: JSON.stringify([unitId]),
        opens_at: now,
        closes_at: now,
        reminder_every_days: 0,
        status,
        anonymity_threshold: 5,
        created_by: me.person.id,
        created_at: now,
        updated_at: now,
        launched_at: now,
        closed_at: null,
      });
      const open = campaign('open');
      const draft = campaign('draft');
      const notMine = campaign('open');
      await db().insertInto('campaigns').values([open, draft, notMine]).execute();
      await db()
        .insertInto('campaign_members')
        .values(
          [open, draft].map((c) => ({
            campaign_id: c.id,
            person_id: me.person.id,
            unit_id: unitId,
            invited_at: now,
            last_reminded_at: null,
          })),
        )
        .execute();
      const answers = [3, 3, 3, 3, 3];
      expect((await submitAssessment(me.agent, 'who5', answers, { campaignId: notMine.id })).json().error.code).toBe(
        'not_invited',
      );
      expect((await submitAssessment(me.agent, 'who5', answers, { campaignId: newId() })).statusCode).toBe(403);
      const closed = await submitAssessment(me.agent, 'who5', answers, { campaignId: draft.id });
      expect(closed.statusCode).toBe(422);
      expect(closed.json().error.code).toBe('campaign_not_open');
      expect((await submitAssessment(me.agent, 'phq2', [0, 0], { campaignId: open.id })).json().error.code).toBe(
        'campaign_not_open',
      );
      const ok = await submitAssessment(me.agent, 'who5', answers, { campaignId: open.id });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().campaignId).toBe(open.id);
    });
  });

  describe('crisis requests written with the result', () => {
    it('writes a "please contact me" request and its job in the same transaction, contact encrypted', async () => {
      const me = await employee();
      const res = await submitAssessment(me.agent, 'phq9', PHQ9_CRISIS, { contactRequest: CONTACT });
      expect(res.statusCode).toBe(201);
      expect(res.json().nextStep.crisis).toBe(true);
      const requestId = res.json().contactRequestId as string;
      const row = await db()
        .selectFrom('crisis_requests')
        .selectAll()
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        source: 'assessment',
        result_id: res.json().id,
        person_id: me.person.id,
        unit_id: unitId,
        contact_method: 'whatsapp',
        status: 'open',
        preferred_time: 'setelah pukul 17.00',
      });
      expect(row.contact_enc).not.toContain('0812');
      expect(t.services.keys.decrypt(row.contact_enc as string)).toBe('0812-7777-3141');
      expect(t.services.keys.decrypt(row.note_enc as string)).toBe(CONTACT.note);
      const jobs = await db().selectFrom('jobs').selectAll().where('kind', '=', 'crisis.notify').execute();
      expect(jobs.filter((j) => JSON.parse(j.payload).requestId === requestId)).toHaveLength(1);
      expect((await me.agent.get(`/api/v1/me/assessments/${res.json().id}`)).json().contactRequestId).toBe(requestId);
    });

    it('refuses a contact that does not fit its method, storing nothing', async () => {
      const me = await employee();
      const bad = await submitAssessment(me.agent, 'phq9', PHQ9_CRISIS, {
        contactRequest: { method: 'phone', contact: 'telepon saya' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({
        code: 'validation',
        details: [{ path: 'contactRequest.contact', code: 'phone' }],
      });
      const email = await submitAssessment(me.agent, 'phq9', PHQ9_CRISIS, {
        contactRequest: { method: 'email', contact: '081277773141' },
      });
      expect(email.json().error).toMatchObject({ code: 'validation', details: [{ code: 'invalid_email' }] });
      const short = await submitAssessment(me.agent, 'phq9', PHQ9_CRISIS, {
        contactRequest: { method: 'whatsapp', contact: '0812' },
      });
      expect(short.statusCode).toBe(400);
      expect(
        await db().selectFrom('assessment_results').select('id').where('person_id', '=', me.person.id).execute(),
      ).toEqual([]);
      expect(
        await db().selectFrom('crisis_requests').select('id').where('person_id', '=', me.person.id).execute(),
      ).toEqual([]);
    });

    it('tells the duty counsellors of a crisis answer only when the agency disclosed outreach', async () => {
      const off = await employee();
      await submitAssessment(off.agent, 'srq20', [...Array(16).fill(0), 1, 0, 0, 0]);
      expect(
        await db().selectFrom('crisis_requests').select('id').where('person_id', '=', off.person.id).execute(),
      ).toEqual([]);
      await setOutreach(true);
      try {
        const on = await employee();
        const consentVersion = CONSENT_TEXTS.self_assessment_outreach;
        const crisis = await submitAssessment(on.agent, 'srq20', [...Array(16).fill(0), 1, 0, 0, 0], {
          consentVersion,
        });
        expect(crisis.json().result.crisis).toBe(true);
        expect(crisis.json().contactRequestId).toBeNull();
        const rows = await db()
          .selectFrom('crisis_requests')
          .selectAll()
          .where('person_id', '=', on.person.id)
          .execute();
        expect(rows).toEqual([
          expect.objectContaining({
            source: 'disclosed_outreach',
            result_id: crisis.json().id,
            contact_method: null,
            contact_enc: null,
            note_enc: null,
          }),
        ]);
        const job = await db()
          .selectFrom('jobs')
          .select('payload')
          .where('kind', '=', 'crisis.notify')
          .where('dedupe_key', '=', `crisis.notify:${rows[0]?.id}`)
          .execute();
        expect(job).toHaveLength(1);
        // No crisis answer, no notice; and a person who asked to be contacted gets one request, not two.
        const calm = await employee();
        await submitAssessment(calm.agent, 'phq9', PHQ9_MODERATELY_SEVERE, { consentVersion });
        expect(
          await db().selectFrom('crisis_requests').select('id').where('person_id', '=', calm.person.id).execute(),
        ).toEqual([]);
        const asked = await employee();
        await submitAssessment(asked.agent, 'phq9', PHQ9_CRISIS, { consentVersion, contactRequest: CONTACT });
        const askedRows = await db()
          .selectFrom('crisis_requests')
          .select('source')
          .where('person_id', '=', asked.person.id)
          .execute();
        expect(askedRows).toEqual([{ source: 'assessment' }]);
      } finally {
        await setOutreach(false);
      }
    });
  });

  describe('history and deletion', () => {
    let me: SignedIn;
    let other: SignedIn;
    beforeAll(async () => {
      me = await employee();
      other = await employee();
    });

    it('lists my results newest first, per instrument, and nobody else’s', async () => {
      const ids: string[] = [];
      for (const answers of [
        [0, 0],
        [1, 1],
        [3, 3],
      ]) {
        t.clock.advance(60_000);
        ids.push((await submitAssessment(me.agent, 'phq2', answers)).json().id);
      }
      t.clock.advance(60_000);
      await submitAssessment(me.agent, 'gad2', [0, 0]);
      const phq2 = (await me.agent.get('/api/v1/me/assessments?instrumentId=phq2')).json().items as Array<{
        id: string;
        result: { total: number };
        shares?: unknown;
      }>;
      expect(phq2.map((r) => r.id)).toEqual([...ids].reverse());
      expect(phq2.map((r) => r.result.total)).toEqual([6, 2, 0]);
      expect(phq2[0]).not.toHaveProperty('shares');
      expect((await me.agent.get('/api/v1/me/assessments')).json().items).toHaveLength(4);
      expect((await other.agent.get('/api/v1/me/assessments')).json().items).toEqual([]);
      expect((await other.agent.get(`/api/v1/me/assessments/${ids[0]}`)).statusCode).toBe(404);
      expect((await other.agent.delete(`/api/v1/me/assessments/${ids[0]}`)).statusCode).toBe(404);
      expect((await t.anonymous().get(`/api/v1/me/assessments/${ids[0]}`)).statusCode).toBe(401);
      expect((await me.agent.get('/api/v1/me/assessments?instrumentId=bat')).statusCode).toBe(400);
    });

    it('deletes a result for good, with its shares; consents stay as evidence, marked withdrawn and no longer naming the result', async () => {
      const counsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
      const created = await submitAssessment(me.agent, 'phq9', PHQ9_CRISIS, { contactRequest: CONTACT });
      const id = created.json().id as string;
      const share = await me.agent.post(`/api/v1/me/assessments/${id}/shares`, {
        counsellorId: counsellor.person.id,
        consentVersion: CONSENT_TEXTS.share_result,
      });
      expect(share.statusCode).toBe(201);
      type ConsentItem = {
        id: string;
        purpose: string;
        subjectId: string | null;
        withdrawnAt: string | null;
        counsellorName: string | null;
      };
      const before = (await me.agent.get('/api/v1/me/consents')).json().items as ConsentItem[];
      const resultConsent = before.find((c) => c.purpose === 'self_assessment' && c.subjectId === id);
      expect(resultConsent?.withdrawnAt).toBeNull();
      const res = await me.agent.delete(`/api/v1/me/assessments/${id}`);
      expect(res.statusCode).toBe(200);
      expect((await me.agent.get(`/api/v1/me/assessments/${id}`)).statusCode).toBe(404);
      expect(await db().selectFrom('assessment_results').select('id').where('id', '=', id).execute()).toEqual([]);
      expect(await db().selectFrom('result_shares').select('id').where('result_id', '=', id).execute()).toEqual([]);
      const consents = (await me.agent.get('/api/v1/me/consents')).json().items as ConsentItem[];
      // Erased means erased: the consent is kept as evidence but no longer holds the result's id.
      expect(consents.find((c) => c.id === resultConsent?.id)).toMatchObject({
        purpose: 'self_assessment',
        subjectId: null,
        withdrawnAt: expect.any(String),
      });
      expect(consents.some((c) => c.subjectId === id)).toBe(false);
      expect(consents.find((c) => c.purpose === 'share_result')).toMatchObject({
        withdrawnAt: expect.any(String),
        counsellorName: counsellor.person.fullName,
      });
      // The request for contact outlives the result: someone may still need that call.
      const request = await db()
        .selectFrom('crisis_requests')
        .selectAll()
        .where('id', '=', created.json().contactRequestId)
        .executeTakeFirstOrThrow();
      expect(request).toMatchObject({ status: 'open', result_id: null });
      expect((await counsellor.agent.get(`/api/v1/counselling/shared-results/${share.json().id}`)).statusCode).toBe(
        404,
      );
    });
  });
});
