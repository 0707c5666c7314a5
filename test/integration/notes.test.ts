import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentRow, ensureCounsellorProfile, insertCaseloadRows } from '../support/caseload.js';
import { WrappingKey } from '../../src/server/crypto.js';
import { NoteKeys } from '../../src/server/modules/notes/index.js';
import { openField } from '../../src/server/modules/notes/keys.js';
import { auditEntries } from '../support/audit-entries.js';
import { createAgency, createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { createTestApp, loginAs, type Agent, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason, TEST_DB_KIND } from '../support/test-database.js';

/*
 * Session notes, encrypted and separate, with break-glass (docs/decisions/041-session-notes.md,
 * docs/privacy.md §1.4 and §6). Run on both databases.
 */

// Words that must never be found in the clear anywhere in the database.
const SECRET_S = 'Klien bercerita tentang mimpi buruk berulang sejak mutasi kerja';
const SECRET_P = 'Latihan pernapasan kotak tiap pagi, sesi berikutnya dua minggu lagi';
const SECRET_FREE = 'Catatan bebas: klien menyebut pertengkaran dengan atasan bernama Budi';
const WITHHELD_TEXT = 'Isi yang ditahan: dugaan kekerasan dalam rumah tangga';
const WITHHELD_REASON = 'Dapat membahayakan klien bila dibaca orang serumah';
const REASON = 'Klien mengirim pesan berisiko bunuh diri, konselor sedang cuti dan tidak dapat dihubungi';

const soap = (extra: Record<string, unknown> = {}) => ({
  format: 'soap',
  subjective: SECRET_S,
  objective: 'PHQ-9 skor 17',
  assessment: 'Depresi sedang-berat',
  plan: SECRET_P,
  ...extra,
});

describe.skipIf(postgresSkipReason())('session notes', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  let counsellor: SignedIn;
  let otherCounsellor: SignedIn;
  let client: SignedIn;
  let colleague: SignedIn;
  let supervisor: SignedIn;
  let dpo: SignedIn;
  let appointmentId: string;
  let secondAppointmentId: string;
  let freeAppointmentId: string;
  let cancelledAppointmentId: string;
  let otherAgency: { agencyId: string; rootUnitId: string };
  let foreignCounsellor: SignedIn;
  let foreignAppointmentId: string;
  const db = () => t.services.db.db;
  const noteUrl = (id: string) => `/api/v1/counsellor/appointments/${id}/note`;

  /** A counsellor profile and an appointment, written straight to the tables (booking is tested elsewhere). */
  async function appointment(
    counsellorId: string,
    clientId: string,
    agency: string,
    start: string,
    status = 'completed',
  ): Promise<string> {
    const who = { agencyId: agency, counsellorId, clientId };
    await ensureCounsellorProfile(db(), { ...who, now: t.clock.now() });
    const row = appointmentRow(who, { start: new Date(start), status, confirmed: false });
    await insertCaseloadRows(db(), { appointments: [row] });
    return row.id as string;
  }

  const notesRows = () => db().selectFrom('session_notes').selectAll().execute();

  async function signInAgain(p: TestPerson): Promise<Agent> {
    t.clock.advance(31_000);
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD, p.totpSecret, t.clock.now());
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    unitId = agency.rootUnitId;
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
    otherCounsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
    client = await loginAs(t, 'employee', { agencyId, unitId });
    colleague = await loginAs(t, 'employee', { agencyId, unitId });
    supervisor = await loginAs(t, 'clinical_supervisor', { agencyId, unitId });
    dpo = await loginAs(t, 'dpo', { agencyId, unitId });
    appointmentId = await appointment(counsellor.person.id, client.person.id, agencyId, '2026-11-20T02:00:00.000Z');
    secondAppointmentId = await appointment(
      counsellor.person.id,
      client.person.id,
      agencyId,
      '2026-11-21T02:00:00.000Z',
    );
    freeAppointmentId = await appointment(
      counsellor.person.id,
      colleague.person.id,
      agencyId,
      '2026-11-19T02:00:00.000Z',
    );
    cancelledAppointmentId = await appointment(
      counsellor.person.id,
      client.person.id,
      agencyId,
      '2026-11-25T02:00:00.000Z',
      'cancelled',
    );
    otherAgency = await createAgency(db());
    foreignCounsellor = await loginAs(t, 'counsellor', {
      agencyId: otherAgency.agencyId,
      unitId: otherAgency.rootUnitId,
    });
    const foreignClient = await createPerson(db(), t.services.keys, {
      agencyId: otherAgency.agencyId,
      unitId: otherAgency.rootUnitId,
    });
    foreignAppointmentId = await appointment(
      foreignCounsellor.person.id,
      foreignClient.id,
      otherAgency.agencyId,
      '2026-11-20T02:00:00.000Z',
    );
  });
  afterAll(async () => t.close());

  describe('the author', () => {
    it('opens an empty note page for their appointment', async () => {
      const res = await counsellor.agent.get(noteUrl(appointmentId));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        appointment: { id: appointmentId, clientName: client.person.fullName, status: 'completed' },
        note: null,
      });
      // Nothing was read: nothing to audit.
      expect(await auditEntries(t, 'note.viewed', { subjectId: client.person.id })).toEqual([]);
    });

    it('refuses bad input with localized details and stores nothing', async () => {
      const res = await counsellor.agent.put(noteUrl(appointmentId), soap({ withheld: true, format: 'poem' }));
      expect(res.statusCode).toBe(400);
      const paths = res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort();
      expect(paths).toContain('format');
      const withheld = await counsellor.agent.put(noteUrl(appointmentId), soap({ withheld: true }));
      expect(withheld.statusCode).toBe(400);
      expect(withheld.json().error.details[0]).toMatchObject({ path: 'withheldReason' });
      expect(withheld.json().error.details[0].message).toMatch(/alasan/i);
      expect(await notesRows()).toEqual([]);
    });

    it('writes a SOAP note (201), and a retried save stores it once (200, still version 1)', async () => {
      const first = await counsellor.agent.put(noteUrl(appointmentId), soap());
      expect(first.statusCode).toBe(201);
      expect(first.json().note).toMatchObject({ format: 'soap', subjective: SECRET_S, plan: SECRET_P, version: 1 });
      const again = await counsellor.agent.put(noteUrl(appointmentId), soap());
      expect(again.statusCode).toBe(200);
      expect(again.json().note.version).toBe(1);
      const rows = await notesRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ client_id: client.person.id, counsellor_id: counsellor.person.id, version: 1 });
      expect(await auditEntries(t, 'note.saved', { subjectId: client.person.id })).toHaveLength(1);
    });

    it('reads it back after a reload, and the reading is audited', async () => {
      const before = (await auditEntries(t, 'note.viewed', { subjectId: client.person.id })).length;
      const res = await counsellor.agent.get(noteUrl(appointmentId));
      expect(res.statusCode).toBe(200);
      expect(res.json().note).toMatchObject({ subjective: SECRET_S, objective: 'PHQ-9 skor 17', withheld: false });
      const entries = await auditEntries(t, 'note.viewed', { subjectId: client.person.id });
      expect(entries).toHaveLength(before + 1);
      expect(entries.at(-1)).toMatchObject({
        actor_id: counsellor.person.id,
        actor_role: 'counsellor',
        resource_type: 'session_note',
        purpose: 'treatment',
      });
    });

    it('keeps edits by version: a save over a newer version is 409 and changes nothing', async () => {
      const edited = await counsellor.agent.put(noteUrl(appointmentId), soap({ assessment: 'Membaik', version: 1 }));
      expect(edited.statusCode).toBe(200);
      expect(edited.json().note).toMatchObject({ assessment: 'Membaik', version: 2 });
      const stale = await counsellor.agent.put(noteUrl(appointmentId), soap({ assessment: 'Lama', version: 1 }));
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('note_conflict');
      expect((await counsellor.agent.get(noteUrl(appointmentId))).json().note.assessment).toBe('Membaik');
    });

    it('writes a free note and a withheld one', async () => {
      const free = await counsellor.agent.put(noteUrl(freeAppointmentId), { format: 'free', body: SECRET_FREE });
      expect(free.statusCode).toBe(201);
      expect(free.json().note).toMatchObject({ format: 'free', body: SECRET_FREE, subjective: '' });
      const withheld = await counsellor.agent.put(noteUrl(secondAppointmentId), {
        format: 'free',
        body: WITHHELD_TEXT,
        withheld: true,
        withheldReason: WITHHELD_REASON,
      });
      expect(withheld.statusCode).toBe(201);
      expect(withheld.json().note).toMatchObject({ withheld: true, withheldReason: WITHHELD_REASON });
    });

    it('cannot note a cancelled appointment', async () => {
      const res = await counsellor.agent.put(noteUrl(cancelledAppointmentId), soap());
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('appointment_cancelled');
    });
  });

  describe('nobody else', () => {
    it('answers 401 without a session', async () => {
      expect((await t.anonymous().get(noteUrl(appointmentId))).statusCode).toBe(401);
      expect((await t.anonymous().put(noteUrl(appointmentId), soap())).statusCode).toBe(401);
    });

    it('answers 404 to another counsellor of the agency and to a counsellor of another agency, and changes nothing', async () => {
      const before = await notesRows();
      for (const who of [otherCounsellor, foreignCounsellor]) {
        for (const res of [
          await who.agent.get(noteUrl(appointmentId)),
          await who.agent.put(noteUrl(appointmentId), soap({ subjective: 'tertimpa' })),
        ]) {
          expect(res.statusCode).toBe(404);
          expect(res.body).not.toContain(SECRET_S);
          expect(res.body).not.toContain(client.person.fullName);
        }
      }
      // Nor does the author reach another agency's appointment.
      expect((await counsellor.agent.get(noteUrl(foreignAppointmentId))).statusCode).toBe(404);
      expect(await notesRows()).toEqual(before);
    });

    it('answers 403 to the client, a colleague, a manager, a wellbeing admin, an agency admin, a platform admin, the DPO and the supervisor', async () => {
      const others = [
        client,
        colleague,
        supervisor,
        dpo,
        await loginAs(t, 'manager', { agencyId, unitId }),
        await loginAs(t, 'wellbeing_admin', { agencyId, unitId }),
        await loginAs(t, 'agency_admin', { agencyId, unitId }),
        await loginAs(t, 'platform_admin', { agencyId, unitId }),
      ];
      for (const who of others) {
        const read = await who.agent.get(noteUrl(appointmentId));
        expect(read.statusCode).toBe(403);
        expect(read.body).not.toContain(SECRET_S);
        expect((await who.agent.put(noteUrl(appointmentId), soap({ subjective: 'x' }))).statusCode).toBe(403);
      }
      expect((await counsellor.agent.get(noteUrl(appointmentId))).json().note.subjective).toBe(SECRET_S);
    });
  });

  describe('at rest', () => {
    it('seals each field under the agency data key, naming it, bound to its note and field', async () => {
      const [key] = await db().selectFrom('agency_data_keys').selectAll().where('agency_id', '=', agencyId).execute();
      expect(key).toBeDefined();
      expect(key?.retired_at).toBeNull();
      // The data key is stored only wrapped: its 32 raw bytes appear nowhere as such.
      expect(key?.wrapped_key.split('.')[0]).toBe(key?.wrapping_key_id);
      const note = (await notesRows()).find((n) => n.appointment_id === appointmentId);
      if (!note || !key) throw new Error('no note');
      for (const sealed of [note.subjective_enc, note.objective_enc, note.assessment_enc, note.plan_enc])
        expect(sealed?.startsWith(`${key.key_id}.`)).toBe(true);
      expect(note.key_id).toBe(key.key_id);
      const keys = new NoteKeys({ db: db(), clock: t.clock, wrapping: new WrappingKey(t.services.config.secret) });
      expect(await openField(keys, note.id, 'subjective', note.subjective_enc as string)).toBe(SECRET_S);
      // Moved to another note or another field, the ciphertext does not open.
      const other = (await notesRows()).find((n) => n.appointment_id === freeAppointmentId);
      await expect(openField(keys, other?.id as string, 'subjective', note.subjective_enc as string)).rejects.toThrow();
      await expect(openField(keys, note.id, 'plan', note.subjective_enc as string)).rejects.toThrow();
      // Another instance secret cannot unwrap the key.
      const stranger = new NoteKeys({ db: db(), clock: t.clock, wrapping: new WrappingKey(crypto.randomBytes(32)) });
      await expect(openField(stranger, note.id, 'subjective', note.subjective_enc as string)).rejects.toThrow();
    });

    it('leaves no plaintext of a note in any table, nor in the SQLite file and its WAL', async () => {
      const tables =
        TEST_DB_KIND === 'sqlite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db())).rows
          : (
              await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(
                db(),
              )
            ).rows;
      expect(tables.map((r) => r.name)).toContain('session_notes');
      let dump = '';
      for (const { name } of tables) {
        const rows = await sql`select * from ${sql.table(name)}`.execute(db());
        dump += `\n${name}:${JSON.stringify(rows.rows)}`;
      }
      expect(dump).toContain('session_notes:');
      for (const secret of [SECRET_S, SECRET_P, SECRET_FREE, WITHHELD_TEXT, WITHHELD_REASON, 'mimpi buruk'])
        expect(dump).not.toContain(secret);
      if (TEST_DB_KIND === 'sqlite') {
        await sql`pragma wal_checkpoint(FULL)`.execute(db());
        const files = (await sql<{ file: string }>`pragma database_list`.execute(db())).rows
          .map((r) => r.file)
          .filter(Boolean)
          .flatMap((f) => [f, `${f}-wal`])
          .filter((f) => fs.existsSync(f));
        expect(files.length).toBeGreaterThan(0);
        const bytes = files.map((f) => fs.readFileSync(f).toString('latin1')).join('\n');
        expect(bytes).toContain('session_notes');
        for (const secret of [SECRET_S, SECRET_P, SECRET_FREE, WITHHELD_TEXT, WITHHELD_REASON])
          expect(bytes).not.toContain(secret);
      }
    });
  });

  describe("the client's own copy and access log", () => {
    it('holds the notes in words, and a withheld one only as such, with its reason', async () => {
      const res = await client.agent.get('/api/v1/me/export.json');
      expect(res.statusCode).toBe(200);
      const copy = JSON.parse(res.body);
      expect(copy.sessionNotes).toHaveLength(2);
      const [open, held] = copy.sessionNotes;
      expect(open).toMatchObject({
        counsellor: counsellor.person.fullName,
        withheld: false,
        subjective: SECRET_S,
        assessment: 'Membaik',
      });
      expect(held).toMatchObject({
        sessionAt: '2026-11-21T02:00:00.000Z',
        withheld: true,
        withheldReason: WITHHELD_REASON,
        body: null,
      });
      expect(res.body).not.toContain(WITHHELD_TEXT);
      // The colleague's free note is in nobody else's copy.
      expect(res.body).not.toContain(SECRET_FREE);
      const html = await client.agent.get('/api/v1/me/export.html');
      expect(html.body).toContain('Catatan sesi konseling');
      expect(html.body).toContain(WITHHELD_REASON);
      expect(html.body).toContain('tidak disertakan dalam salinan Anda');
      expect(html.body).not.toContain(WITHHELD_TEXT);
      const other = await colleague.agent.get('/api/v1/me/export.json');
      expect(other.body).toContain(SECRET_FREE);
      expect(other.body).not.toContain(SECRET_S);
    });

    it('shows every reading of their notes in their access log, by name and role', async () => {
      const log = await t.services.notes.accessLogOf(agencyId, client.person.id);
      expect(log.length).toBeGreaterThan(0);
      expect(log[0]).toMatchObject({
        actorName: counsellor.person.fullName,
        actorRole: 'counsellor',
        action: 'note.viewed',
        breakGlass: false,
      });
      const page = (await client.agent.get('/api/v1/me/access-log')).json();
      expect(page.items.map((e: { action: string }) => e.action)).toContain('note.viewed');
      // Nobody else's reading shows up in the colleague's log.
      expect(await t.services.notes.accessLogOf(agencyId, colleague.person.id)).toEqual([]);
    });
  });

  describe('break-glass', () => {
    let grantId: string;
    const url = '/api/v1/break-glass';

    it('refuses a reason shorter than 20 characters with a localized 422, and opens nothing', async () => {
      const res = await supervisor.agent.post(url, { nip: client.person.nip, reason: 'darurat' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details[0]).toMatchObject({ path: 'reason' });
      expect(res.json().error.details[0].message).toContain('20');
      const missing = await supervisor.agent.post(url, { nip: client.person.nip });
      expect(missing.statusCode).toBe(400);
      expect(await db().selectFrom('break_glass_grants').selectAll().execute()).toEqual([]);
      expect(
        await db().selectFrom('notifications').selectAll().where('kind', '=', 'note.break_glass').execute(),
      ).toEqual([]);
    });

    it('refuses the supervisor themself as the client, and a NIP outside the agency', async () => {
      const self = await supervisor.agent.post(url, { nip: supervisor.person.nip, reason: REASON });
      expect(self.statusCode).toBe(422);
      expect(self.json().error.code).toBe('break_glass_self');
      const foreign = await createPerson(db(), t.services.keys, {
        agencyId: otherAgency.agencyId,
        unitId: otherAgency.rootUnitId,
      });
      const outside = await supervisor.agent.post(url, { nip: foreign.nip, reason: REASON });
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.code).toBe('person_not_found');
    });

    it('is for clinical supervisors only', async () => {
      for (const who of [counsellor, client, dpo, await loginAs(t, 'agency_admin', { agencyId, unitId })]) {
        expect((await who.agent.post(url, { nip: client.person.nip, reason: REASON })).statusCode).toBe(403);
        expect((await who.agent.get(url)).statusCode).toBe(403);
      }
    });

    it('opens one client for 60 minutes, audited, and tells the DPO without any note content (once)', async () => {
      const res = await supervisor.agent.post(url, { nip: client.person.nip, reason: REASON });
      expect(res.statusCode).toBe(201);
      grantId = res.json().id;
      expect(res.json()).toMatchObject({
        clientName: client.person.fullName,
        expiresAt: new Date(t.clock.now().getTime() + 60 * 60_000).toISOString(),
      });
      const again = await supervisor.agent.post(url, { nip: client.person.nip, reason: REASON });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(grantId);
      expect(await db().selectFrom('break_glass_grants').selectAll().execute()).toHaveLength(1);
      const [opened] = await auditEntries(t, 'note.break_glass_opened', { subjectId: client.person.id });
      expect(opened).toMatchObject({ actor_id: supervisor.person.id, purpose: 'break_glass', resource_id: grantId });
      const told = await db().selectFrom('notifications').selectAll().where('kind', '=', 'note.break_glass').execute();
      expect(told.map((n) => n.person_id)).toEqual([dpo.person.id]);
      const mail = await db().selectFrom('email_outbox').selectAll().where('template', '=', 'break_glass').execute();
      expect(mail.map((m) => m.to_address)).toEqual([dpo.person.email]);
      const said = JSON.stringify([told, mail]);
      expect(said).toContain(supervisor.person.fullName);
      for (const secret of [SECRET_S, client.person.fullName, REASON, client.person.id])
        expect(said).not.toContain(secret);
      // The reason is sealed at rest.
      const [grant] = await db().selectFrom('break_glass_grants').selectAll().execute();
      expect(grant?.reason_enc).not.toContain('bunuh diri');
    });

    it("reads the client's notes, withheld ones too, read-only, each audited as break-glass", async () => {
      const res = await supervisor.agent.get(`${url}/${grantId}/notes`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.notes.map((n: { subjective: string; body: string }) => n.subjective || n.body)).toEqual([
        SECRET_S,
        WITHHELD_TEXT,
      ]);
      expect(res.body).not.toContain(SECRET_FREE);
      const viewed = await auditEntries(t, 'note.break_glass_viewed', { subjectId: client.person.id });
      expect(viewed).toHaveLength(2);
      expect(viewed.every((e) => e.purpose === 'break_glass' && e.actor_id === supervisor.person.id)).toBe(true);
      const log = await t.services.notes.accessLogOf(agencyId, client.person.id);
      expect(log.filter((e) => e.breakGlass).map((e) => e.actorName)).toContain(supervisor.person.fullName);
      expect((await supervisor.agent.get(url)).json().items.map((g: { id: string }) => g.id)).toEqual([grantId]);
    });

    it('answers 404 to another supervisor for this grant, and no write route exists for the supervisor', async () => {
      const other = await loginAs(t, 'clinical_supervisor', { agencyId, unitId });
      expect((await other.agent.get(`${url}/${grantId}/notes`)).statusCode).toBe(404);
      expect((await other.agent.post(`${url}/${grantId}/close`)).statusCode).toBe(404);
      expect((await supervisor.agent.put(noteUrl(appointmentId), soap({ subjective: 'x' }))).statusCode).toBe(403);
    });

    it('expires by itself after 60 minutes', async () => {
      // In steps, so the supervisor's session stays alive meanwhile.
      for (const minutes of [20, 20, 19]) {
        t.clock.advance(minutes * 60_000);
        expect((await supervisor.agent.get(`${url}/${grantId}/notes`)).statusCode).toBe(200);
      }
      t.clock.advance(60_000);
      const late = await supervisor.agent.get(`${url}/${grantId}/notes`);
      expect(late.statusCode).toBe(403);
      expect(late.json().error.code).toBe('break_glass_expired');
      expect(late.body).not.toContain(SECRET_S);
      expect((await supervisor.agent.get(url)).json().items).toEqual([]);
    });

    it('can be closed early', async () => {
      for (const who of [supervisor, counsellor, client, foreignCounsellor]) who.agent = await signInAgain(who.person);
      const res = await supervisor.agent.post(url, { nip: colleague.person.nip, reason: REASON });
      expect(res.statusCode).toBe(201);
      expect((await supervisor.agent.post(`${url}/${res.json().id}/close`)).statusCode).toBe(200);
      expect((await supervisor.agent.get(`${url}/${res.json().id}/notes`)).statusCode).toBe(403);
    });

    it('is out of reach of an agency admin who asks for clinical_supervisor, alone', async () => {
      const admin = await loginAs(t, 'agency_admin', { agencyId, unitId });
      const self = await admin.agent.post(`/api/v1/people/${admin.person.id}/roles`, { role: 'clinical_supervisor' });
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('role_self_grant');
      // Granted to an accomplice, it waits for a second person and opens nothing meanwhile.
      const accomplice = await createPerson(db(), t.services.keys, { agencyId, unitId, totp: true });
      const req = await admin.agent.post(`/api/v1/people/${accomplice.id}/roles`, { role: 'clinical_supervisor' });
      expect(req.statusCode).toBe(202);
      const agent = await signInAgain(accomplice);
      const res = await agent.post(url, { nip: client.person.nip, reason: REASON });
      expect(res.statusCode).toBe(403);
      expect((await admin.agent.post(`/api/v1/role-requests/${req.json().id}/approve`)).statusCode).toBe(403);
    });
  });

  describe('key rotation', () => {
    it('re-encrypts every note under a new key, retires the old one, and every note still reads', async () => {
      // A note in the other agency stays under its own key.
      expect(
        (await foreignCounsellor.agent.put(noteUrl(foreignAppointmentId), { format: 'free', body: 'Catatan lain' }))
          .statusCode,
      ).toBe(201);
      const [old] = await db().selectFrom('agency_data_keys').selectAll().where('agency_id', '=', agencyId).execute();
      const [foreignKey] = await db()
        .selectFrom('agency_data_keys')
        .selectAll()
        .where('agency_id', '=', otherAgency.agencyId)
        .execute();
      const result = await t.services.notes.rotate(agencyId);
      expect(result).toEqual({ reencrypted: 3, retired: 1 });
      const keys = await db().selectFrom('agency_data_keys').selectAll().where('agency_id', '=', agencyId).execute();
      expect(keys).toHaveLength(2);
      const fresh = keys.find((k) => k.retired_at === null);
      expect(keys.find((k) => k.id === old?.id)?.retired_at).not.toBeNull();
      const rows = await db().selectFrom('session_notes').selectAll().where('agency_id', '=', agencyId).execute();
      for (const row of rows) {
        expect(row.key_id).toBe(fresh?.key_id);
        const sealed = [
          row.subjective_enc,
          row.objective_enc,
          row.assessment_enc,
          row.plan_enc,
          row.body_enc,
          row.withheld_reason_enc,
        ].filter((s): s is string => s !== null);
        expect(sealed.length).toBeGreaterThan(0);
        for (const s of sealed) {
          expect(s.startsWith(`${fresh?.key_id}.`)).toBe(true);
          expect(s).not.toContain(old?.key_id as string);
        }
      }
      expect(await t.services.notes.countSealedWith(old?.key_id as string)).toBe(0);
      const page = await counsellor.agent.get(noteUrl(appointmentId));
      expect(page.json().note).toMatchObject({ subjective: SECRET_S, assessment: 'Membaik', version: 2 });
      const copy = JSON.parse((await client.agent.get('/api/v1/me/export.json')).body);
      expect(copy.sessionNotes[1]).toMatchObject({ withheld: true, withheldReason: WITHHELD_REASON });
      // A save after the rotation uses the new key; the other agency was not touched.
      await counsellor.agent.put(noteUrl(appointmentId), soap({ assessment: 'Stabil', version: 2 }));
      expect((await notesRows()).find((n) => n.appointment_id === appointmentId)?.key_id).toBe(fresh?.key_id);
      const [foreignAfter] = await db()
        .selectFrom('agency_data_keys')
        .selectAll()
        .where('agency_id', '=', otherAgency.agencyId)
        .execute();
      expect(foreignAfter).toEqual(foreignKey);
      expect(await auditEntries(t, 'note.keys_rotated', { agencyId })).toHaveLength(1);
    });

    it('rewraps every data key under a new instance secret without touching a note', async () => {
      const before = await notesRows();
      const current = new WrappingKey(t.services.config.secret);
      const next = new WrappingKey(crypto.randomBytes(32));
      expect(await t.services.notes.rewrap(current, next)).toBe(3);
      const keys = await db().selectFrom('agency_data_keys').selectAll().execute();
      expect(keys.every((k) => k.wrapping_key_id === next.id)).toBe(true);
      expect(await notesRows()).toEqual(before);
      const reader = new NoteKeys({ db: db(), clock: t.clock, wrapping: next });
      const note = before.find((n) => n.appointment_id === appointmentId);
      expect(await openField(reader, note?.id as string, 'subjective', note?.subjective_enc as string)).toBe(SECRET_S);
      // Put back, so the app (still on the old secret) reads on.
      expect(await t.services.notes.rewrap(next, current)).toBe(3);
    });
  });

  describe('retention', () => {
    it("erases a client's notes together once their last session is past the cutoff", async () => {
      // The client's last session with a note was 21 November; the colleague's 19 November.
      const erased = await db()
        .transaction()
        .execute((trx) => t.services.notes.eraseBefore(trx, agencyId, '2026-11-20T12:00:00.000Z'));
      expect(erased).toBe(1);
      const left = await notesRows();
      expect(left.filter((n) => n.agency_id === agencyId).map((n) => n.client_id)).toEqual([
        client.person.id,
        client.person.id,
      ]);
      expect(left.some((n) => n.agency_id === otherAgency.agencyId)).toBe(true);
    });
  });
});
