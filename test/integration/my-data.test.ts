import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import { PURPOSE_TEXTS } from '../../src/domain/data-rights/purposes.js';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { catalogs } from '../../src/i18n/catalog.js';
import { PHQ9_MODERATELY_SEVERE, submitAssessment } from '../support/assessments.js';
import { auditEntries } from '../support/audit-entries.js';
import { launchCampaign } from '../support/campaigns.js';
import { createUnit } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason, TEST_DB_KIND } from '../support/test-database.js';

/**
 * "My data", from the attacker's side: a copy holds the person's data and nobody
 * else's; no role reaches anyone else's data through these routes; a withdrawal is recorded with
 * its text version and stops processing at once; an erasure leaves no health value in any table
 * or in the database file.
 */

const PLAN = (who: string) => ({
  warningSigns: [`tanda-${who}-tidak-tidur`],
  copingStrategies: [`cara-${who}-jalan-sore`],
  distractions: [],
  helpers: [{ name: `penolong-${who}`, phone: '0812-5555-0199' }],
  professionals: [],
  safeEnvironment: [],
  reasonsForLiving: [`alasan-${who}-anak`],
});
const GAD7_DRAFT = [2, 3, 1, 0, null, null, null];

interface Seeded {
  person: SignedIn;
  resultIds: string[];
  crisisRequestId: string;
  shareId: string;
  markers: string[];
}

describe.skipIf(postgresSkipReason())(
  'my data: copy, consent, erasure, correction — the person’s own, and nobody else’s',
  () => {
    let t: TestApp;
    let agencyId: string;
    let unitId: string;
    let counsellor: SignedIn;
    const db = () => t.services.db.db;

    /** A person with two results (one shared and read, one with a request for help), a draft and a safety plan. */
    async function seed(who: string): Promise<Seeded> {
      const person = await loginAs(t, 'employee', { agencyId, unitId });
      const contact = { method: 'whatsapp', contact: '0812-7777-1234', note: `catatan-${who}-rahasia` };
      const first = await submitAssessment(person.agent, 'phq9', PHQ9_MODERATELY_SEVERE, { contactRequest: contact });
      expect(first.statusCode, first.body).toBe(201);
      const second = await submitAssessment(person.agent, 'who5', [3, 3, 2, 4, 1]);
      expect(second.statusCode, second.body).toBe(201);
      const share = await person.agent.post(`/api/v1/me/assessments/${second.json().id}/shares`, {
        counsellorId: counsellor.person.id,
        consentVersion: CONSENT_TEXTS.share_result,
      });
      expect(share.statusCode, share.body).toBe(201);
      expect((await counsellor.agent.get(`/api/v1/counselling/shared-results/${share.json().id}`)).statusCode).toBe(
        200,
      );
      expect(
        (await person.agent.put('/api/v1/me/assessment-drafts/gad7', { answers: GAD7_DRAFT, currentIndex: 3 }))
          .statusCode,
      ).toBe(200);
      expect((await person.agent.put('/api/v1/me/safety-plan', { version: null, plan: PLAN(who) })).statusCode).toBe(
        201,
      );
      const resultIds = [first.json().id as string, second.json().id as string];
      const stored = await db()
        .selectFrom('assessment_results')
        .select(['answers_enc', 'result_enc'])
        .where('id', 'in', resultIds)
        .execute();
      const draft = await db()
        .selectFrom('assessment_drafts')
        .select('answers_enc')
        .where('person_id', '=', person.person.id)
        .executeTakeFirstOrThrow();
      const plan = await db()
        .selectFrom('safety_plans')
        .select('plan_enc')
        .where('person_id', '=', person.person.id)
        .executeTakeFirstOrThrow();
      const help = await db()
        .selectFrom('crisis_requests')
        .select(['contact_enc', 'note_enc'])
        .where('person_id', '=', person.person.id)
        .executeTakeFirstOrThrow();
      return {
        person,
        resultIds,
        crisisRequestId: first.json().contactRequestId as string,
        shareId: share.json().id as string,
        markers: [
          ...resultIds,
          ...stored.flatMap((r) => [r.answers_enc, r.result_enc]),
          draft.answers_enc,
          plan.plan_enc,
          help.contact_enc as string,
          help.note_enc as string,
        ],
      };
    }

    /** Every row of every table, as text: what an attacker with a database dump would read. */
    async function dumpAllTables(): Promise<string> {
      const tables =
        TEST_DB_KIND === 'sqlite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db())).rows.map(
              (r) => r.name,
            )
          : (
              await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(
                db(),
              )
            ).rows.map((r) => r.name);
      expect(tables).toContain('assessment_results');
      let text = '';
      for (const table of tables) {
        const rows = await sql`select * from ${sql.table(table)}`.execute(db());
        text += `\n${table}:${JSON.stringify(rows.rows)}`;
      }
      return text;
    }

    /** The SQLite database file and its write-ahead log, byte for byte (empty on PostgreSQL). */
    async function sqliteFileBytes(): Promise<string> {
      if (TEST_DB_KIND !== 'sqlite') return '';
      const files = (await sql<{ file: string }>`pragma database_list`.execute(db())).rows
        .map((r) => r.file)
        .filter(Boolean);
      expect(files.length).toBeGreaterThan(0);
      return files
        .flatMap((f) => [f, `${f}-wal`])
        .filter((f) => fs.existsSync(f))
        .map((f) => fs.readFileSync(f).toString('latin1'))
        .join('\n');
    }

    beforeAll(async () => {
      ({ t, agencyId, unitId } = await createTestAppWithAgency());
      counsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
    });
    afterAll(async () => t.close());

    it('answers 401 to every my-data route without a session, and 403 to the agency routes for an employee', async () => {
      const anonymous = t.anonymous();
      const calls = [
        () => anonymous.get('/api/v1/me/data'),
        () => anonymous.get('/api/v1/me/export.json'),
        () => anonymous.get('/api/v1/me/export.html'),
        () => anonymous.post('/api/v1/me/consents/store_results/withdraw'),
        () => anonymous.post('/api/v1/me/consents/store_results/grant', { textVersion: PURPOSE_TEXTS.store_results }),
        () => anonymous.post('/api/v1/me/erasure', { scope: 'all' }),
        () => anonymous.post('/api/v1/me/correction-requests', { field: 'nip', requestedValue: '1' }),
        () => anonymous.get('/api/v1/agency/correction-requests'),
      ];
      for (const call of calls) expect((await call()).statusCode).toBe(401);
      const employee = await loginAs(t, 'employee', { agencyId, unitId });
      expect((await employee.agent.get('/api/v1/agency/correction-requests')).statusCode).toBe(403);
      expect(
        (
          await employee.agent.post(`/api/v1/agency/correction-requests/${employee.person.id}/resolve`, {
            outcome: 'resolved',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('gives the person a JSON copy of everything of theirs, decrypted, and nothing of a colleague’s', async () => {
      const me = await seed('aku');
      const colleague = await seed('rekan');
      const res = await me.person.agent.get('/api/v1/me/export.json');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="teduh-data-saya-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(res.headers['cache-control']).toBe('no-store');
      const data = res.json();
      expect(data.profile).toMatchObject({ fullName: me.person.person.fullName, email: me.person.person.email });
      expect(data.assessmentResults.map((r: { id: string }) => r.id).sort()).toEqual([...me.resultIds].sort());
      const phq9 = data.assessmentResults.find((r: { instrumentId: string }) => r.instrumentId === 'phq9');
      expect(phq9).toMatchObject({ answers: PHQ9_MODERATELY_SEVERE, result: { total: 17, band: 'moderately_severe' } });
      expect(data.drafts).toEqual([
        expect.objectContaining({ instrumentId: 'gad7', answers: GAD7_DRAFT, currentIndex: 3 }),
      ]);
      expect(data.safetyPlan.plan.reasonsForLiving).toEqual(['alasan-aku-anak']);
      expect(data.helpRequests).toEqual([
        expect.objectContaining({ contact: '0812-7777-1234', note: 'catatan-aku-rahasia', status: 'open' }),
      ]);
      expect(data.shares).toEqual([
        expect.objectContaining({ counsellor: counsellor.person.fullName, revokedAt: null }),
      ]);
      expect(data.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
        'self_assessment',
        'self_assessment',
        'share_result',
      ]);
      expect(data.consents.every((c: { textVersion: string }) => c.textVersion.length > 0)).toBe(true);
      expect(data.sessions.length).toBeGreaterThan(0);
      expect(Object.keys(data.sessions[0]).sort()).toEqual([
        'browser',
        'createdAt',
        'expiresAt',
        'ipAddress',
        'lastSeenAt',
      ]);
      // Who read what of mine: the counsellor, by name and role.
      expect(data.accessLog).toContainEqual(
        expect.objectContaining({
          action: 'assessment.shared_result_viewed',
          by: counsellor.person.fullName,
          role: 'counsellor',
        }),
      );
      expect(data.dataRequests[0]).toMatchObject({ kind: 'export', status: 'completed', details: { format: 'json' } });

      // Nothing of the colleague: not their name, ids, ciphertexts, plan, note; no session secret.
      const text = res.body;
      for (const marker of [
        ...colleague.markers,
        colleague.person.person.fullName,
        colleague.person.person.email,
        colleague.person.person.id,
        counsellor.person.id,
        'rekan',
      ]) {
        expect(text).not.toContain(marker);
      }
      const session = await db()
        .selectFrom('sessions')
        .select(['id', 'csrf_token'])
        .where('person_id', '=', me.person.person.id)
        .execute();
      for (const s of session) {
        expect(text).not.toContain(s.id);
        expect(text).not.toContain(s.csrf_token);
      }
      // Encrypted values leave only as plain text for their owner, never as ciphertext.
      for (const marker of me.markers.slice(2)) expect(text).not.toContain(marker);

      // Every export is a recorded request and an audit entry (the DPO's "unusual exports" count them).
      const audited = await auditEntries(t, 'my_data.exported', { subjectId: me.person.person.id });
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({ actor_id: me.person.person.id, outcome: 'success' });
      expect(audited[0]?.details).toEqual({ format: 'json' });
    });

    it('gives a printable HTML document in the person’s language, with no script and nothing of anyone else', async () => {
      const me = await seed('dokumen');
      const colleague = await seed('lain');
      await db().updateTable('people').set({ locale: 'en' }).where('id', '=', me.person.person.id).execute();
      const res = await me.person.agent.get('/api/v1/me/export.html');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="teduh-data-saya-.*\.html"$/);
      const html = res.body;
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
      expect(html).not.toMatch(/<link|<img|@import|url\(/i);
      expect(html).toContain('@media print');
      // In the person's language: English here.
      expect(html).toContain('<html lang="en">');
      expect(html).toContain(catalogs.en.my_data.export.sections.access_log);
      expect(html).not.toContain(catalogs.id.my_data.export.sections.access_log);
      expect(html).toContain('alasan-dokumen-anak');
      expect(html).toContain('catatan-dokumen-rahasia');
      expect(html).toContain(counsellor.person.fullName);
      expect(html).toContain(catalogs.en.assessments.steps.specialist.title);
      // Every label is translated: no catalogue key shows through.
      expect(html).not.toMatch(/\b(my_data|assessments|audit|common|safety_plan)\.[a-z_]+\.[a-z_]/);
      for (const marker of [...colleague.markers, colleague.person.person.fullName, 'alasan-lain-anak'])
        expect(html).not.toContain(marker);
      expect(await auditEntries(t, 'my_data.exported', { subjectId: me.person.person.id })).toHaveLength(1);
    });

    it('holds the everyday records in the printable copy, in words: check-ins, habits and ticks, tasks, blocks, reviews, own hours', async () => {
      const me = await loginAs(t, 'employee', { agencyId, unitId });
      const today = (await me.agent.get('/api/v1/me/habits')).json().today as string;
      const checkIn = {
        localDate: today,
        mood: 2,
        stress: 4,
        energy: 3,
        sleepMinutes: 390,
        sleepQuality: 2,
        activityMinutes: 20,
        workload: 'heavy',
        note: 'catatan-harian-rahasia',
        tags: ['lembur', 'tanda-sendiri-saya'],
      };
      expect((await me.agent.post('/api/v1/me/check-ins', checkIn)).statusCode).toBe(201);
      const habitId = randomUUID();
      const habit = {
        id: habitId,
        area: 'sleep',
        suggestion: null,
        title: 'kebiasaan-tidur-jam-sepuluh',
        frequency: 'weekdays',
        timesPerWeek: null,
        weekdays: [1, 3],
        reminderTime: '21:30',
      };
      expect((await me.agent.post('/api/v1/me/habits', habit)).statusCode).toBe(201);
      expect((await me.agent.put(`/api/v1/me/habits/${habitId}/ticks/${today}`)).statusCode).toBe(200);
      const taskId = randomUUID();
      expect(
        (await me.agent.post('/api/v1/me/tasks', { id: taskId, title: 'tugas-laporan-triwulan', quadrant: 'delegate' }))
          .statusCode,
      ).toBe(201);
      const blockId = randomUUID();
      const block = {
        id: blockId,
        day: today,
        start: '13:00',
        end: '14:30',
        kind: 'meeting',
        title: 'blok-rapat-koordinasi',
      };
      expect((await me.agent.post('/api/v1/me/plan/blocks', block)).statusCode).toBe(201);
      const review = {
        done: 'tinjauan-selesai-spj',
        slipped: '',
        learned: 'tinjauan-belajar-menolak',
        top: ['tinjauan-utama-satu'],
      };
      expect((await me.agent.put('/api/v1/me/plan/reviews/2026-11-30', review)).statusCode).toBe(200);
      expect((await me.agent.put('/api/v1/me/boundaries', { start: '08:00', end: '15:00' })).statusCode).toBe(200);

      const html = (await me.agent.get('/api/v1/me/export.html')).body;
      const id = catalogs.id;
      for (const section of [
        'check_ins',
        'habits',
        'tasks',
        'day_blocks',
        'reviews',
        'personal_hours',
        'appointments',
      ] as const)
        expect(html, section).toContain(`<h2>${id.my_data.export.sections[section]}</h2>`);
      // The check-in in words, never as codes.
      for (const words of [
        id.checkin.mood['2'],
        id.checkin.stress['4'],
        id.checkin.energy['3'],
        '6,5 jam',
        id.checkin.sleep['2'],
        '20 menit',
        id.checkin.workload.heavy,
        `${id.checkin.tags.lembur}, tanda-sendiri-saya`,
        'catatan-harian-rahasia',
      ])
        expect(html).toContain(words);
      expect(html).not.toMatch(/>heavy<|>lembur</);
      // The habit, its area, frequency, reminder and the ticked day.
      expect(html).toContain('kebiasaan-tidur-jam-sepuluh');
      expect(html).toContain(id.selfcare.areas.sleep);
      expect(html).toContain(`Setiap ${id.selfcare.weekdays['1']}, ${id.selfcare.weekdays['3']}`);
      expect(html).toContain('21.30');
      expect(html).toContain('1 hari: ');
      // The task in its box, the block with its time and kind, the review, the person's own hours.
      expect(html).toContain('tugas-laporan-triwulan');
      expect(html).toContain(id.plan.quadrants.delegate);
      expect(html).toContain(id.my_data.export.not_done);
      expect(html).toContain('13.00–14.30');
      expect(html).toContain(id.plan.kinds.meeting);
      expect(html).toContain('blok-rapat-koordinasi');
      for (const words of ['tinjauan-selesai-spj', 'tinjauan-belajar-menolak', '1. tinjauan-utama-satu'])
        expect(html).toContain(words);
      expect(html).toContain('08.00–15.00');
      // No ids and no catalogue keys or code words.
      for (const rid of [habitId, taskId, blockId]) expect(html).not.toContain(rid);
      expect(html).not.toMatch(/\b(my_data|checkin|selfcare|plan)\.[a-z_]+/);
      expect(html).not.toMatch(/>(daily|weekdays|meeting|delegate|sleep)</);
    });

    it('escapes what the person wrote, so their own text cannot become markup in the document', async () => {
      const me = await loginAs(t, 'employee', { agencyId, unitId });
      const plan = { ...PLAN('x'), copingStrategies: ['<script>alert(1)</script> & <b>tebal</b>'] };
      expect((await me.agent.put('/api/v1/me/safety-plan', { version: null, plan })).statusCode).toBe(201);
      const html = (await me.agent.get('/api/v1/me/export.html')).body;
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;');
      expect(html).not.toContain('<script>');
    });

    it('erases nothing of anyone else: another person’s result id is a 404 for every role, and their result stays', async () => {
      const victim = await seed('korban');
      const roles: Array<AssignableRole | 'employee'> = [
        'employee',
        'manager',
        'wellbeing_admin',
        'counsellor',
        'agency_admin',
        'platform_admin',
      ];
      for (const role of roles) {
        const attacker = role === 'counsellor' ? counsellor : await loginAs(t, role, { agencyId, unitId });
        for (const resultId of victim.resultIds) {
          const res = await attacker.agent.post('/api/v1/me/erasure', { scope: 'result', resultId });
          expect(res.statusCode, `${role} ${res.body}`).toBe(404);
          expect(res.json().error.code).toBe('result_not_found');
        }
        // An erasure of "all" by anyone else erases only their own (here: nothing of the victim's).
        expect((await attacker.agent.post('/api/v1/me/erasure', { scope: 'all' })).statusCode).toBe(200);
        // Their export holds nothing of the victim's either.
        const copy = (await attacker.agent.get('/api/v1/me/export.json')).body;
        for (const marker of victim.markers) expect(copy).not.toContain(marker);
        expect(copy).not.toContain('catatan-korban-rahasia');
      }
      const left = await db()
        .selectFrom('assessment_results')
        .select('id')
        .where('person_id', '=', victim.person.person.id)
        .execute();
      expect(left.map((r) => r.id).sort()).toEqual([...victim.resultIds].sort());
      expect(
        await db()
          .selectFrom('safety_plans')
          .select('person_id')
          .where('person_id', '=', victim.person.person.id)
          .executeTakeFirst(),
      ).toBeDefined();
      expect(
        await db()
          .selectFrom('assessment_drafts')
          .select('id')
          .where('person_id', '=', victim.person.person.id)
          .executeTakeFirst(),
      ).toBeDefined();
    });

    it('records a withdrawal with the text version agreed, stops keeping results at once, and takes a fresh consent with its version', async () => {
      const me = await seed('tarik');
      const before = await db()
        .selectFrom('consents')
        .selectAll()
        .where('person_id', '=', me.person.person.id)
        .where('purpose', '=', 'self_assessment')
        .execute();
      expect(before).toHaveLength(2);

      t.clock.advance(60_000);
      const withdrawn = await me.person.agent.post('/api/v1/me/consents/store_results/withdraw');
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const purpose = withdrawn.json().purposes.find((p: { purpose: string }) => p.purpose === 'store_results');
      expect(purpose).toMatchObject({ active: false, chosen: true, changedAt: t.clock.now().toISOString() });
      expect(
        purpose.records.every((r: { withdrawnAt: string | null }) => r.withdrawnAt === t.clock.now().toISOString()),
      ).toBe(true);

      // The records stay — same ids, same text version — only marked withdrawn.
      const after = await db()
        .selectFrom('consents')
        .selectAll()
        .where('person_id', '=', me.person.person.id)
        .where('purpose', '=', 'self_assessment')
        .execute();
      expect(after.map((c) => [c.id, c.text_version, c.granted_at]).sort()).toEqual(
        before.map((c) => [c.id, c.text_version, c.granted_at]).sort(),
      );
      expect(after.every((c) => c.withdrawn_at === t.clock.now().toISOString())).toBe(true);
      expect(after.every((c) => c.text_version === CONSENT_TEXTS.self_assessment)).toBe(true);
      const requests = await db()
        .selectFrom('data_requests')
        .selectAll()
        .where('person_id', '=', me.person.person.id)
        .where('kind', '=', 'consent_withdrawal')
        .execute();
      expect(requests).toHaveLength(1);
      expect(JSON.parse(requests[0]?.details as string)).toEqual({ purpose: 'store_results' });
      expect(await auditEntries(t, 'my_data.consent_withdrawn', { subjectId: me.person.person.id })).toHaveLength(1);

      // At once: no new result, no draft.
      const refused = await submitAssessment(me.person.agent, 'phq9', PHQ9_MODERATELY_SEVERE);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'consent_withdrawn',
        message: catalogs.id.errors.consent_withdrawn,
      });
      expect(
        (await me.person.agent.put('/api/v1/me/assessment-drafts/phq2', { answers: [1, null], currentIndex: 0 }))
          .statusCode,
      ).toBe(409);
      expect(
        await db().selectFrom('assessment_results').select('id').where('person_id', '=', me.person.person.id).execute(),
      ).toHaveLength(2);

      // Withdrawing again records nothing more.
      expect((await me.person.agent.post('/api/v1/me/consents/store_results/withdraw')).statusCode).toBe(200);
      expect(
        await db()
          .selectFrom('data_requests')
          .select('id')
          .where('person_id', '=', me.person.person.id)
          .where('kind', '=', 'consent_withdrawal')
          .execute(),
      ).toHaveLength(1);

      // A grant must name the text the person read.
      const stale = await me.person.agent.post('/api/v1/me/consents/store_results/grant', {
        textVersion: 'store-results-0',
      });
      expect(stale.statusCode).toBe(422);
      expect(stale.json().error.code).toBe('consent_required');
      t.clock.advance(60_000);
      const granted = await me.person.agent.post('/api/v1/me/consents/store_results/grant', {
        textVersion: PURPOSE_TEXTS.store_results,
      });
      expect(granted.statusCode).toBe(200);
      expect(granted.json().purposes.find((p: { purpose: string }) => p.purpose === 'store_results')).toMatchObject({
        active: true,
        chosen: true,
      });
      const fresh = await db()
        .selectFrom('consents')
        .selectAll()
        .where('person_id', '=', me.person.person.id)
        .where('purpose', '=', 'store_results')
        .execute();
      expect(fresh).toEqual([
        expect.objectContaining({
          text_version: PURPOSE_TEXTS.store_results,
          granted_at: t.clock.now().toISOString(),
          withdrawn_at: null,
          channel: 'web',
        }),
      ]);
      expect((await submitAssessment(me.person.agent, 'phq9', PHQ9_MODERATELY_SEVERE)).statusCode).toBe(201);
    });

    it('stops every share at once when sharing is withdrawn: the counsellor can no longer open the result', async () => {
      const me = await seed('bagi');
      expect((await counsellor.agent.get(`/api/v1/counselling/shared-results/${me.shareId}`)).statusCode).toBe(200);
      const res = await me.person.agent.post('/api/v1/me/consents/share_result/withdraw');
      expect(res.statusCode).toBe(200);
      expect(res.json().purposes.find((p: { purpose: string }) => p.purpose === 'share_result')).toMatchObject({
        active: false,
      });
      expect((await counsellor.agent.get(`/api/v1/counselling/shared-results/${me.shareId}`)).statusCode).toBe(404);
      const consent = await db()
        .selectFrom('consents')
        .selectAll()
        .where('person_id', '=', me.person.person.id)
        .where('purpose', '=', 'share_result')
        .executeTakeFirstOrThrow();
      expect(consent).toMatchObject({
        text_version: CONSENT_TEXTS.share_result,
        withdrawn_at: t.clock.now().toISOString(),
      });
      // Shares are given one by one, on a result's page, with their own text.
      expect(
        (await me.person.agent.post('/api/v1/me/consents/share_result/grant', { textVersion: 'x' })).json().error.code,
      ).toBe('consent_per_share');
    });

    it('takes withdrawn campaign participation out of campaign figures and refuses a campaign answer', async () => {
      const me = await seed('kampanye');
      const campaignId = crypto.randomUUID();
      const now = t.clock.now().toISOString();
      await db()
        .insertInto('campaigns')
        .values({
          id: campaignId,
          agency_id: agencyId,
          title: 'Kampanye Uji',
          message: null,
          instrument_ids: '["phq9"]',
          unit_ids: JSON.stringify([unitId]),
          opens_at: now,
          closes_at: now,
          reminder_every_days: 0,
          status: 'open',
          anonymity_threshold: 5,
          created_by: me.person.person.id,
          created_at: now,
          updated_at: now,
          launched_at: now,
          closed_at: null,
        })
        .execute();
      await db()
        .insertInto('campaign_members')
        .values({
          campaign_id: campaignId,
          person_id: me.person.person.id,
          unit_id: unitId,
          invited_at: now,
          last_reminded_at: null,
        })
        .execute();
      await db()
        .updateTable('assessment_results')
        .set({ campaign_id: campaignId })
        .where('id', '=', me.resultIds[0] as string)
        .execute();

      expect((await me.person.agent.post('/api/v1/me/consents/campaign_participation/withdraw')).statusCode).toBe(200);
      const counted = await db()
        .selectFrom('assessment_results')
        .select('id')
        .where('campaign_id', '=', campaignId)
        .execute();
      expect(counted).toHaveLength(0);
      const refused = await submitAssessment(me.person.agent, 'phq9', PHQ9_MODERATELY_SEVERE, { campaignId });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('consent_withdrawn');
    });

    it('sends no campaign email after email notices are withdrawn, and no invitation at all after campaigns are withdrawn', async () => {
      const unit = await createUnit(db(), agencyId, unitId, {
        name: `Bagian Pesan ${crypto.randomUUID().slice(0, 6)}`,
      });
      const [emailOff, campaignsOff, untouched] = [
        await loginAs(t, 'employee', { agencyId, unitId: unit }),
        await loginAs(t, 'employee', { agencyId, unitId: unit }),
        await loginAs(t, 'employee', { agencyId, unitId: unit }),
      ];
      expect((await emailOff.agent.post('/api/v1/me/consents/email_notifications/withdraw')).statusCode).toBe(200);
      expect((await campaignsOff.agent.post('/api/v1/me/consents/campaign_participation/withdraw')).statusCode).toBe(
        200,
      );
      const admin = await loginAs(t, 'wellbeing_admin', { agencyId, unitId });
      const campaignId = await launchCampaign(admin.agent, [unit]);
      await t.services.jobs.drain();
      await t.services.jobs.drain();
      const notified = async (personId: string) =>
        (
          await db()
            .selectFrom('notifications')
            .select('kind')
            .where('person_id', '=', personId)
            .where('kind', '=', 'campaign.invited')
            .execute()
        ).length;
      const mailed = async (email: string) =>
        (
          await db()
            .selectFrom('email_outbox')
            .select('id')
            .where('to_address', '=', email)
            .where('template', '=', 'campaign_invite')
            .execute()
        ).length;
      expect([await notified(untouched.person.id), await mailed(untouched.person.email)]).toEqual([1, 1]);
      expect([await notified(emailOff.person.id), await mailed(emailOff.person.email)]).toEqual([1, 0]);
      expect([await notified(campaignsOff.person.id), await mailed(campaignsOff.person.email)]).toEqual([0, 0]);
      expect(campaignId).toBeTruthy();
    });

    it('erases one result (and a repeat is a 404), then everything but an open request for help; a repeat of "all" erases nothing more', async () => {
      const me = await seed('hapus');
      const colleague = await seed('tetap');
      // The everyday records are health data too: a check-in, a habit and a task, and a colleague's check-in.
      const today = t.clock.now().toISOString().slice(0, 10);
      const habit = { id: randomUUID(), area: 'food', suggestion: 'water', title: null, frequency: 'daily' };
      for (const [agent, path, body] of [
        [me.person.agent, '/api/v1/me/check-ins', { localDate: today, mood: 2, note: 'berat' }],
        [me.person.agent, '/api/v1/me/habits', { ...habit, timesPerWeek: null, weekdays: null, reminderTime: null }],
        [me.person.agent, '/api/v1/me/tasks', { id: randomUUID(), title: 'Laporan', quadrant: 'do' }],
        [colleague.person.agent, '/api/v1/me/check-ins', { localDate: today, mood: 4 }],
      ] as const) {
        const res = await agent.post(path, body);
        expect(res.statusCode, `${path}: ${res.body}`).toBeLessThan(300);
      }
      const before = (await me.person.agent.get('/api/v1/me/data')).json();
      expect(before.holdings).toMatchObject({ checkIns: 1, everyday: 2 });
      const copy = JSON.parse((await me.person.agent.get('/api/v1/me/export.json')).body);
      expect(copy.checkIns).toMatchObject([{ localDate: today, mood: 2, note: 'berat' }]);
      const one = await me.person.agent.post('/api/v1/me/erasure', { scope: 'result', resultId: me.resultIds[1] });
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json().erased).toEqual({
        results: 1,
        drafts: 0,
        safetyPlan: 0,
        closedHelpRequests: 0,
        checkIns: 0,
        everyday: 0,
        appointments: 0,
        referrals: 0,
        peerGroups: 0,
        returnPlans: 0,
      });
      const again = await me.person.agent.post('/api/v1/me/erasure', { scope: 'result', resultId: me.resultIds[1] });
      expect(again.statusCode).toBe(404);
      expect((await counsellor.agent.get(`/api/v1/counselling/shared-results/${me.shareId}`)).statusCode).toBe(404);

      const all = await me.person.agent.post('/api/v1/me/erasure', { scope: 'all' });
      expect(all.statusCode).toBe(200);
      expect(all.json()).toMatchObject({
        erased: {
          results: 1,
          drafts: 1,
          safetyPlan: 1,
          closedHelpRequests: 0,
          checkIns: 1,
          everyday: 2,
          appointments: 0,
          referrals: 0,
          peerGroups: 0,
          returnPlans: 0,
        },
        keptOpenHelpRequests: 1,
      });
      // The open request stays (a counsellor may be calling) but no longer names the result.
      const open = await db()
        .selectFrom('crisis_requests')
        .selectAll()
        .where('id', '=', me.crisisRequestId)
        .executeTakeFirstOrThrow();
      expect(open).toMatchObject({ status: 'open', result_id: null });

      const repeat = await me.person.agent.post('/api/v1/me/erasure', { scope: 'all' });
      expect(repeat.statusCode).toBe(200);
      expect(repeat.json()).toMatchObject({
        erased: {
          results: 0,
          drafts: 0,
          safetyPlan: 0,
          closedHelpRequests: 0,
          checkIns: 0,
          everyday: 0,
          appointments: 0,
          referrals: 0,
          peerGroups: 0,
          returnPlans: 0,
        },
        keptOpenHelpRequests: 1,
      });
      const overview = (await me.person.agent.get('/api/v1/me/data')).json();
      expect(overview.holdings).toEqual({
        results: 0,
        drafts: 0,
        safetyPlan: false,
        closedHelpRequests: 0,
        openHelpRequests: 1,
        activeShares: 0,
        checkIns: 0,
        everyday: 0,
        appointments: 0,
        referrals: 0,
        peerGroups: 0,
        returnPlans: 0,
      });
      expect(
        overview.requests
          .filter((r: { kind: string }) => r.kind === 'erasure')
          .map((r: { details: { scope: string } }) => r.details.scope)
          .sort(),
      ).toEqual(['all', 'all', 'result']);

      // Audited without health values: the scope only.
      const audited = await auditEntries(t, 'my_data.erased', { subjectId: me.person.person.id });
      expect(audited).toHaveLength(3);
      for (const entry of audited) expect(Object.keys(entry.details ?? {})).toEqual(['scope']);

      // The colleague's data is untouched.
      expect(
        await db()
          .selectFrom('assessment_results')
          .select('id')
          .where('person_id', '=', colleague.person.person.id)
          .execute(),
      ).toHaveLength(2);
      expect(
        await db().selectFrom('check_ins').select('id').where('person_id', '=', colleague.person.person.id).execute(),
      ).toHaveLength(1);
      for (const table of ['check_ins', 'habits', 'plan_tasks'] as const)
        expect(
          await db().selectFrom(table).select('id').where('person_id', '=', me.person.person.id).execute(),
        ).toEqual([]);
    });

    it('leaves no health value of the person in any table or in the database file once the closed request is erased too', async () => {
      const me = await seed('jejak');
      const colleague = await seed('saksi');
      // The counsellor closes the request for help; only then may it be erased.
      const closed = await counsellor.agent.post(`/api/v1/counselling/urgent-requests/${me.crisisRequestId}/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      const all = await me.person.agent.post('/api/v1/me/erasure', { scope: 'all' });
      expect(all.statusCode).toBe(200);
      expect(all.json()).toMatchObject({
        erased: { results: 2, drafts: 1, safetyPlan: 1, closedHelpRequests: 1 },
        keptOpenHelpRequests: 0,
      });

      const dump = await dumpAllTables();
      const left = (marker: string) =>
        dump
          .split('\n')
          .filter((line) => line.includes(marker))
          .map((line) => line.slice(0, line.indexOf(':')));
      for (const marker of me.markers) expect(left(marker), `tables still holding ${marker.slice(0, 24)}`).toEqual([]);
      // The share's id stays only in the append-only record of the counsellor's read (no health value in it).
      expect(left(me.shareId)).toEqual(['audit_log']);
      for (const table of [
        'assessment_results',
        'assessment_drafts',
        'safety_plans',
        'crisis_requests',
        'result_shares',
      ] as const) {
        expect(
          await db().selectFrom(table).select('person_id').where('person_id', '=', me.person.person.id).execute(),
          table,
        ).toHaveLength(0);
      }
      // The dump would have found the colleague's: the check can fail.
      for (const marker of colleague.markers) expect(dump.includes(marker)).toBe(true);

      const bytes = await sqliteFileBytes();
      if (TEST_DB_KIND === 'sqlite') {
        for (const marker of me.markers)
          expect(bytes.includes(marker), `the database file still holds ${marker.slice(0, 24)}`).toBe(false);
        expect(bytes.includes(colleague.markers[0] as string)).toBe(true);
      }
    });

    it('records a correction request for HR-owned fields; the agency admin answers it and the person sees its status', async () => {
      const me = await loginAs(t, 'employee', { agencyId, unitId });
      const admin = await loginAs(t, 'agency_admin', { agencyId, unitId });
      const bad = await me.agent.post('/api/v1/me/correction-requests', { field: 'salary', requestedValue: 'x' });
      expect(bad.statusCode).toBe(400);
      const res = await me.agent.post('/api/v1/me/correction-requests', {
        field: 'nip',
        requestedValue: '199001012015031001',
        reason: 'Salah satu digit',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        kind: 'correction',
        status: 'open',
        details: { field: 'nip', requestedValue: '199001012015031001' },
      });

      const list = (await admin.agent.get('/api/v1/agency/correction-requests')).json();
      const item = list.items.find((i: { id: string }) => i.id === res.json().id);
      expect(item).toMatchObject({
        person: { id: me.person.id, fullName: me.person.fullName },
        field: 'nip',
        status: 'open',
      });
      // Another agency's admin does not see or answer it.
      const stranger = await loginAs(t, 'agency_admin');
      expect((await stranger.agent.get('/api/v1/agency/correction-requests')).json().items).toEqual([]);
      expect(
        (await stranger.agent.post(`/api/v1/agency/correction-requests/${item.id}/resolve`, { outcome: 'resolved' }))
          .statusCode,
      ).toBe(404);

      expect(
        (
          await admin.agent.post(`/api/v1/agency/correction-requests/${item.id}/resolve`, {
            outcome: 'resolved',
            note: 'Sudah diperbaiki di data kepegawaian',
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await admin.agent.post(`/api/v1/agency/correction-requests/${item.id}/resolve`, { outcome: 'rejected' }))
          .statusCode,
      ).toBe(409);
      const mine = (await me.agent.get('/api/v1/me/data'))
        .json()
        .requests.find((r: { id: string }) => r.id === item.id);
      expect(mine).toMatchObject({
        status: 'resolved',
        resolutionNote: 'Sudah diperbaiki di data kepegawaian',
        completedAt: t.clock.now().toISOString(),
      });
      expect(await auditEntries(t, 'my_data.correction_resolved', { subjectId: me.person.id })).toHaveLength(1);
    });
  },
);
