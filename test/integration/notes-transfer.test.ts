import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentRow, ensureCounsellorProfile, insertCaseloadRows } from '../support/caseload.js';
import { CURRENT_CONSENT_TEXT } from '../../src/domain/consent/consent.js';
import { auditEntries } from '../support/audit-entries.js';
import { createAgency, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/*
 * Session notes handed to another counsellor with the client's notes_transfer consent
 * (docs/decisions/050-notes-transfer.md, docs/privacy.md §6). Run on both databases.
 */

const SECRET_S = 'Klien cemas sejak dipindah ke bidang keuangan dan sulit tidur';
const SECRET_P = 'Latihan relaksasi otot progresif, kontrol dua minggu lagi';
const WITHHELD_TEXT = 'Klien menyebut pikiran untuk menyakiti diri saat lembur';
const WITHHELD_REASON = 'Dapat membuat klien cemas bila dibaca tanpa pendampingan';
const OTHER_AUTHOR_TEXT = 'Catatan konselor lain yang tidak ikut dipindahkan';

const key = () => crypto.randomUUID();

describe.skipIf(postgresSkipReason())('notes transfer to another counsellor', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  /** A: the author. B: the counsellor the client moves to. X: another counsellor the client also sees. */
  let author: SignedIn;
  let recipient: SignedIn;
  let other: SignedIn;
  let unrelated: SignedIn;
  let client: SignedIn;
  let foreignCounsellor: SignedIn;
  let soapNoteId: string;
  let withheldNoteId: string;
  let otherNoteId: string;
  const db = () => t.services.db.db;
  const url = (clientId = client.person.id) => `/api/v1/counselling/clients/${clientId}/transferred-notes`;
  const timeline = (who: SignedIn) => who.agent.get(`/api/v1/counselling/clients/${client.person.id}/timeline`);
  const reads = () => auditEntries(t, 'note.transfer_viewed', { subjectId: client.person.id });

  /** A counsellor profile and a completed appointment, written straight to the tables (booking is tested elsewhere). */
  async function appointment(counsellorId: string, clientId: string, agency: string, start: string): Promise<string> {
    const who = { agencyId: agency, counsellorId, clientId };
    await ensureCounsellorProfile(db(), { ...who, now: t.clock.now() });
    const row = appointmentRow(who, { start: new Date(start), status: 'completed', confirmed: false });
    await insertCaseloadRows(db(), { appointments: [row] });
    return row.id as string;
  }

  async function writeNote(who: SignedIn, appointmentId: string, body: Record<string, unknown>): Promise<string> {
    const res = await who.agent.put(`/api/v1/counsellor/appointments/${appointmentId}/note`, body);
    expect(res.statusCode).toBe(201);
    const row = await db()
      .selectFrom('session_notes')
      .select('id')
      .where('appointment_id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function grantTransfer(recipientId: string, months = 3): Promise<string> {
    const res = await client.agent.post(
      '/api/v1/me/counselling/consents',
      {
        kind: 'notes_transfer',
        counsellorId: author.person.id,
        recipientId,
        months,
        textVersion: CURRENT_CONSENT_TEXT.notes_transfer,
        locale: 'id',
      },
      { 'idempotency-key': key() },
    );
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  const revoke = async (id: string) =>
    expect((await client.agent.post(`/api/v1/me/counselling/consents/${id}/revoke`, {})).statusCode).toBe(200);

  async function signInAgain(who: SignedIn): Promise<void> {
    const p: TestPerson = who.person;
    who.agent = t.anonymous();
    expect(await who.agent.signIn(p.email, TEST_PASSWORD, p.totpSecret, t.clock.now())).toBe('full');
  }

  /** Neither the words of a note nor an id of one may reach someone refused. */
  function expectNothingIn(body: string) {
    for (const secret of [SECRET_S, SECRET_P, WITHHELD_TEXT, WITHHELD_REASON, soapNoteId, withheldNoteId])
      expect(body).not.toContain(secret);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    unitId = agency.rootUnitId;
    author = await loginAs(t, 'counsellor', { agencyId, unitId });
    recipient = await loginAs(t, 'counsellor', { agencyId, unitId });
    other = await loginAs(t, 'counsellor', { agencyId, unitId });
    unrelated = await loginAs(t, 'counsellor', { agencyId, unitId });
    client = await loginAs(t, 'employee', { agencyId, unitId });
    foreignCounsellor = await loginAs(t, 'counsellor');
    // The author saw the client twice; the other counsellor once. The recipient never has.
    const first = await appointment(author.person.id, client.person.id, agencyId, '2026-11-16T02:00:00.000Z');
    const second = await appointment(author.person.id, client.person.id, agencyId, '2026-11-19T02:00:00.000Z');
    const others = await appointment(other.person.id, client.person.id, agencyId, '2026-11-17T02:00:00.000Z');
    soapNoteId = await writeNote(author, first, {
      format: 'soap',
      subjective: SECRET_S,
      objective: 'PHQ-9 skor 14',
      assessment: 'Depresi sedang',
      plan: SECRET_P,
    });
    withheldNoteId = await writeNote(author, second, {
      format: 'free',
      body: WITHHELD_TEXT,
      withheld: true,
      withheldReason: WITHHELD_REASON,
    });
    otherNoteId = await writeNote(other, others, { format: 'free', body: OTHER_AUTHOR_TEXT });
  });
  afterAll(async () => t.close());

  it('without a consent: 404 to the counsellor the client moves to, nothing read, nothing audited', async () => {
    const res = await recipient.agent.get(url());
    expect(res.statusCode).toBe(404);
    expectNothingIn(res.body);
    // Without an appointment, a share or a transfer, the client's record is not theirs either.
    expect((await timeline(recipient)).statusCode).toBe(404);
    expect(await reads()).toEqual([]);
  });

  it('a consent naming another counsellor gives the recipient nothing, and gives that counsellor only its author’s notes', async () => {
    const id = await grantTransfer(other.person.id);
    const res = await recipient.agent.get(url());
    expect(res.statusCode).toBe(404);
    expectNothingIn(res.body);
    const named = await other.agent.get(url());
    expect(named.statusCode).toBe(200);
    expect(named.json().notes.map((n: { id: string }) => n.id)).toEqual([soapNoteId, withheldNoteId]);
    await revoke(id);
    expect((await other.agent.get(url())).statusCode).toBe(404);
  });

  it("with the client's consent: the author's notes, decrypted, withheld ones flagged with their reason, no other author's", async () => {
    await grantTransfer(recipient.person.id);
    const before = (await reads()).length;
    const res = await recipient.agent.get(url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sources).toEqual([{ counsellorName: author.person.fullName, expiresAt: expect.any(String) }]);
    expect(body.notes).toHaveLength(2);
    expect(body.notes[0]).toMatchObject({
      id: soapNoteId,
      format: 'soap',
      subjective: SECRET_S,
      objective: 'PHQ-9 skor 14',
      assessment: 'Depresi sedang',
      plan: SECRET_P,
      withheld: false,
      sessionAt: '2026-11-16T02:00:00.000Z',
      counsellorName: author.person.fullName,
    });
    expect(body.notes[1]).toMatchObject({
      id: withheldNoteId,
      format: 'free',
      body: WITHHELD_TEXT,
      withheld: true,
      withheldReason: WITHHELD_REASON,
    });
    expect(res.body).not.toContain(OTHER_AUTHOR_TEXT);
    expect(res.body).not.toContain(otherNoteId);
    // Every note shown is one audit entry about the client, by the recipient, naming the author.
    const entries = (await reads()).filter((e) => e.actor_id === recipient.person.id);
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e).toMatchObject({
        actor_id: recipient.person.id,
        subject_id: client.person.id,
        resource_type: 'session_note',
        purpose: 'notes_transfer',
        details: { authorId: author.person.id },
      });
      // The entry carries no words of the note.
      expect(JSON.stringify(e)).not.toContain(SECRET_S);
    }
    expect(entries.map((e) => e.resource_id).sort()).toEqual([soapNoteId, withheldNoteId].sort());
    // Read again: audited again.
    expect((await recipient.agent.get(url())).statusCode).toBe(200);
    expect((await reads()).length).toBe(before + 4);
  });

  it('the consent makes the recipient relate to the client: their record opens before any appointment', async () => {
    const res = await timeline(recipient);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ client: { id: client.person.id }, appointments: [], shared: [] });
  });

  it("the client's access log shows who read whose notes, and the author is never named as reader", async () => {
    const res = await client.agent.get('/api/v1/me/counselling/access-log?limit=50');
    expect(res.statusCode).toBe(200);
    const transfers = res.json().items.filter((i: { action: string }) => i.action === 'note.transfer_viewed') as Array<{
      actor: { id: string; fullName: string };
      from: { id: string; fullName: string };
      count: number;
    }>;
    // One entry per note per reader (two reads within the hour are grouped): two notes, the two recipients.
    expect(transfers.length).toBeGreaterThanOrEqual(2);
    const byRecipient = transfers.filter((i) => i.actor.id === recipient.person.id);
    expect(byRecipient).toHaveLength(2);
    for (const i of byRecipient) {
      expect(i.from).toEqual({ id: author.person.id, fullName: author.person.fullName });
      expect(i.actor.fullName).toBe(recipient.person.fullName);
      expect(i.count).toBe(2);
    }
  });

  it('refuses everyone else: another agency’s counsellor, an unrelated counsellor, the client, managers and admins, anonymous', async () => {
    const before = (await reads()).length;
    const refused: Array<[SignedIn, number]> = [
      [foreignCounsellor, 404],
      [unrelated, 404],
      [client, 403],
      [await loginAs(t, 'manager', { agencyId, unitId }), 403],
      [await loginAs(t, 'wellbeing_admin', { agencyId, unitId }), 403],
      [await loginAs(t, 'agency_admin', { agencyId, unitId }), 403],
      [await loginAs(t, 'platform_admin', { agencyId, unitId }), 403],
      [await loginAs(t, 'clinical_supervisor', { agencyId, unitId }), 403],
      [await loginAs(t, 'dpo', { agencyId, unitId }), 403],
    ];
    for (const [who, status] of refused) {
      const res = await who.agent.get(url());
      expect(res.statusCode, who.person.email).toBe(status);
      expectNothingIn(res.body);
    }
    const anonymous = await t.anonymous().get(url());
    expect(anonymous.statusCode).toBe(401);
    expectNothingIn(anonymous.body);
    // The recipient asking about someone else, or about themselves, or with a bad id.
    expect((await recipient.agent.get(url(author.person.id))).statusCode).toBe(404);
    expect((await recipient.agent.get(url(recipient.person.id))).statusCode).toBe(404);
    const bad = await recipient.agent.get(url('not-an-id'));
    expect(bad.statusCode).toBe(400);
    expectNothingIn(bad.body);
    expect((await reads()).length).toBe(before);
  });

  it('keeps transferred notes readable after the agency data key is rotated', async () => {
    const result = await t.services.notes.rotate(agencyId);
    expect(result.reencrypted).toBe(3);
    const res = await recipient.agent.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json().notes[0]).toMatchObject({ subjective: SECRET_S, plan: SECRET_P });
    expect(res.json().notes[1]).toMatchObject({ body: WITHHELD_TEXT, withheldReason: WITHHELD_REASON });
  });

  it('after the client revokes, the very next request is 404 and reads nothing', async () => {
    const [live] = (await client.agent.get('/api/v1/me/counselling/consents'))
      .json()
      .items.filter((c: { kind: string; status: string }) => c.kind === 'notes_transfer' && c.status === 'active');
    expect(live).toBeDefined();
    const before = (await reads()).length;
    await revoke(live.id);
    const res = await recipient.agent.get(url());
    expect(res.statusCode).toBe(404);
    expectNothingIn(res.body);
    expect((await timeline(recipient)).statusCode).toBe(404);
    expect((await reads()).length).toBe(before);
  });

  it('after the consent expires, 404 and nothing read', async () => {
    await grantTransfer(recipient.person.id, 3);
    expect((await recipient.agent.get(url())).statusCode).toBe(200);
    const before = (await reads()).length;
    // Three months and a day later (sessions have ended meanwhile: both sign in again).
    t.clock.advance((3 * 31 + 1) * 24 * 60 * 60_000);
    await signInAgain(recipient);
    const res = await recipient.agent.get(url());
    expect(res.statusCode).toBe(404);
    expectNothingIn(res.body);
    expect((await reads()).length).toBe(before);
    await signInAgain(client);
    const consents = (await client.agent.get('/api/v1/me/counselling/consents')).json().items;
    expect(consents.filter((c: { status: string }) => c.status === 'active')).toEqual([]);
  });
});
