import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/catalog.js';
import { auditEntries } from '../support/audit-entries.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason, TEST_DB_KIND } from '../support/test-database.js';

const FAKE_ID = '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a';

/**
 * The anonymous suggestion box (docs/decisions/052-suggestion-box.md): sealed sends, releases of at
 * least k, masking, the daily limit, replies and hiding, and who may do what. Each test runs in an
 * agency of its own, so the releases of one test never hold another's texts.
 */
describe.skipIf(postgresSkipReason())('suggestion box', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  const db = () => t.services.db.db;

  async function agencyWith(staffCount: number): Promise<{ agencyId: string; admin: SignedIn; staff: SignedIn[] }> {
    const admin = await loginAs(t, 'wellbeing_admin');
    const staff: SignedIn[] = [];
    for (let i = 0; i < staffCount; i += 1) staff.push(await loginAs(t, 'employee', { agencyId: admin.agencyId }));
    return { agencyId: admin.agencyId, admin, staff };
  }

  const send = (who: SignedIn, text: string, topic: string | null = 'workload', headers: Record<string, string> = {}) =>
    who.agent.post('/api/v1/me/suggestions', { text, topic }, headers);

  const count = async (table: 'suggestion_pending' | 'suggestions' | 'suggestion_releases', agencyId: string) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select(sql<number>`cast(count(*) as integer)`.as('n'))
          .where('agency_id', '=', agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const board = async (who: SignedIn, query = '') => (await who.agent.get(`/api/v1/suggestions/board${query}`)).json();

  it('keeps suggestions sealed until at least k wait, then releases them all at once', async () => {
    const { agencyId, admin, staff } = await agencyWith(5);
    for (const [i, who] of staff.slice(0, 4).entries())
      expect((await send(who, `Saran nomor ${i}`)).statusCode).toBe(201);
    expect(await count('suggestion_pending', agencyId)).toBe(4);
    expect(await count('suggestions', agencyId)).toBe(0);

    // Four wait (k = 5): neither the admin nor the weekly sweep can release them.
    const early = await admin.agent.post('/api/v1/suggestions/releases');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('suggestions_too_few');
    expect((await admin.agent.get('/api/v1/suggestions/releases')).json()).toMatchObject({
      items: [],
      releasable: false,
      threshold: 5,
    });
    await t.services.suggestions.sweep();
    expect(await count('suggestions', agencyId)).toBe(0);
    expect((await board(staff[0]!)).items).toEqual([]);

    // The fifth: the sweep makes the week's release, all five together.
    await send(staff[4]!, 'Saran nomor 4', null);
    await t.services.suggestions.sweep();
    expect(await count('suggestion_pending', agencyId)).toBe(0);
    expect(await count('suggestions', agencyId)).toBe(5);
    const shown = await board(staff[0]!);
    expect(shown.total).toBe(5);
    expect(shown.items.map((s: { text: string }) => s.text).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `Saran nomor ${i}`),
    );
    // Dated by the Monday of the release week, nothing finer.
    expect(new Set(shown.items.map((s: { weekOf: string }) => s.weekOf))).toEqual(new Set(['2026-11-23']));

    const releases = (await admin.agent.get('/api/v1/suggestions/releases')).json();
    expect(releases.items).toHaveLength(1);
    expect(releases.items[0].count).toBe(5);
    expect(releases.items[0].topics).toEqual(
      expect.arrayContaining([
        { topic: 'workload', count: 4 },
        { topic: null, count: 1 },
      ]),
    );
    const audited = await auditEntries(t, 'suggestion.released', { agencyId });
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toEqual({ count: 5, weekOf: '2026-11-23' });

    // The week has had its release: five more wait for next week, unless the admin releases them.
    for (const who of staff) await send(who, 'Gelombang kedua');
    await t.services.suggestions.sweep();
    expect(await count('suggestion_pending', agencyId)).toBe(5);
    const now = await admin.agent.post('/api/v1/suggestions/releases');
    expect(now.statusCode).toBe(201);
    expect(now.json()).toEqual({ released: 5 });
    // One release by the sweep (no actor), one by the admin; entries of one instant come in id order.
    const both = await auditEntries(t, 'suggestion.released', { agencyId });
    expect(both.map((e) => e.actor_id).sort()).toEqual([admin.person.id, null].sort());
  });

  it('leaves nothing in the raw tables that links a suggestion to its author', async () => {
    const { agencyId, admin, staff } = await agencyWith(8);
    const texts = staff.map((_, i) => `Teks rahasia ${String.fromCharCode(65 + i)}`);
    for (const [i, who] of staff.entries()) await send(who, texts[i]!);

    // While sealed: no person, no readable text, nothing but a random id and the agency.
    const pending = await db().selectFrom('suggestion_pending').selectAll().where('agency_id', '=', agencyId).execute();
    expect(pending).toHaveLength(8);
    for (const row of pending) {
      expect(Object.keys(row).sort()).toEqual(['agency_id', 'id', 'sealed']);
      // Neither the words nor their base64 (a short needle like 'Teks' turns up in 30 kB of
      // random base64 now and then; these cannot, by chance, in any test run).
      for (const text of texts) {
        expect(row.sealed).not.toContain(text);
        expect(row.sealed).not.toContain(Buffer.from(text).toString('base64url').slice(0, 16));
      }
    }
    // Padded: every sealed row is the same length, whatever the length of its text.
    expect(new Set(pending.map((r) => r.sealed.length)).size).toBe(1);

    expect((await admin.agent.post('/api/v1/suggestions/releases')).statusCode).toBe(201);
    const readable = await db().selectFrom('suggestions').selectAll().where('agency_id', '=', agencyId).execute();
    expect(Object.keys(readable[0]!).sort()).toEqual([
      'agency_id',
      'hidden_at',
      'hidden_reason',
      'id',
      'release_id',
      'release_seq',
      'replied_at',
      'reply',
      'text',
      'topic',
      'week_of',
    ]);
    const personIds = new Set(staff.map((s) => s.person.id));
    for (const row of readable)
      for (const value of Object.values(row)) expect(personIds.has(String(value))).toBe(false);
    // Fresh ids: none of the sealed rows' ids survives.
    const pendingIds = new Set(pending.map((p) => p.id));
    expect(readable.some((r) => pendingIds.has(r.id))).toBe(false);

    // Physical order is not sending order: SQLite keeps the table in (random) id order with no
    // rowid at all; PostgreSQL's heap holds the release's shuffled order.
    if (TEST_DB_KIND === 'sqlite') {
      await expect(sql`select rowid from suggestions`.execute(db())).rejects.toThrow();
      await expect(sql`select rowid from suggestion_daily`.execute(db())).rejects.toThrow();
      await expect(sql`select rowid from suggestion_pending`.execute(db())).rejects.toThrow();
    } else {
      const physical = await sql<{
        text: string;
      }>`select text from suggestions where agency_id = ${agencyId} order by ctid`.execute(db());
      // 8 texts: the chance that a shuffle keeps sending order is 1 in 40,320.
      expect(physical.rows.map((r) => r.text)).not.toEqual(texts);
    }

    // The counter knows who sent how many today, and nothing else.
    const daily = await db()
      .selectFrom('suggestion_daily')
      .selectAll()
      .where('person_id', 'in', [...personIds])
      .execute();
    expect(daily).toHaveLength(8);
    for (const row of daily) {
      expect(Object.keys(row).sort()).toEqual(['count', 'day', 'last_key', 'person_id']);
      expect(row.count).toBe(1);
    }
    // Nothing of a send in the idempotency store, the rate-limit counters or the audit log.
    expect(
      await db().selectFrom('idempotency_keys').select('idem_key').where('path', 'like', '%suggestions%').execute(),
    ).toEqual([]);
    const counters = await db().selectFrom('rate_limit_counters').selectAll().execute();
    expect(JSON.stringify(counters)).not.toContain('suggestion');
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('agency_id', '=', agencyId)
      .execute();
    const bySenders = audit.filter((a) => a.actor_id !== null && personIds.has(a.actor_id));
    expect(bySenders.filter((a) => !a.action.startsWith('auth.'))).toEqual([]);
  });

  it('keeps HTML as text and masks names, numbers and e-mail addresses before anyone sees them', async () => {
    const { agencyId, admin, staff } = await agencyWith(5);
    // Test people are named after their ids; give one a real name to be masked.
    const surname = 'Wibowo';
    await db()
      .updateTable('people')
      .set({ full_name: 'Sulastri Wibowo' })
      .where('id', '=', staff[1]!.person.id)
      .execute();
    await send(staff[0]!, '<script>alert("x")</script> <b>tebal</b>');
    await send(staff[1]!, `Atasan saya ${surname} sering marah. Telepon 0812 3456 7890, email saya budi@contoh.go.id`);
    await send(staff[2]!, 'NIP 199001012015031001 dipakai orang lain');
    for (const who of staff.slice(3)) await send(who, 'Ruang rapat terlalu dingin');
    expect((await admin.agent.post('/api/v1/suggestions/releases')).statusCode).toBe(201);

    const texts = (await board(staff[4]!)).items.map((s: { text: string }) => s.text);
    expect(texts).toContain('<script>alert("x")</script> <b>tebal</b>');
    const masked = texts.find((s: string) => s.startsWith('Atasan'))!;
    expect(masked).toBe('Atasan saya [nama] sering marah. Telepon [nomor], email saya [email]');
    expect(texts).toContain('NIP [nomor] dipakai orang lain');
    // Masked in the table itself: no copy of the original exists.
    const raw = await db().selectFrom('suggestions').select('text').where('agency_id', '=', agencyId).execute();
    expect(JSON.stringify(raw)).not.toContain(surname);
    expect(JSON.stringify(raw)).not.toContain('199001012015031001');
  });

  it('refuses a fourth send in a day with a localized 429 that stores nothing, and stores a retry once', async () => {
    const { agencyId, staff } = await agencyWith(1);
    const me = staff[0]!;
    const key = 'c0ffee00-0000-4000-8000-000000000001';
    expect((await send(me, 'Pertama', 'facilities', { 'idempotency-key': key })).statusCode).toBe(201);
    // The same request again (a lost answer, retried): answered as stored, kept once, not counted twice.
    expect((await send(me, 'Pertama', 'facilities', { 'idempotency-key': key })).statusCode).toBe(201);
    expect(await count('suggestion_pending', agencyId)).toBe(1);
    expect(await t.services.suggestions.sentToday({ agencyId, personId: me.person.id })).toBe(1);

    expect((await send(me, 'Kedua')).statusCode).toBe(201);
    expect((await send(me, 'Ketiga')).statusCode).toBe(201);
    const refused = await send(me, 'Keempat', 'other');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('suggestion_daily_limit');
    expect(refused.json().error.message).toBe(catalogs.id.errors.suggestion_daily_limit.replace('{{count}}', '3'));
    expect(await count('suggestion_pending', agencyId)).toBe(3);
    // My data says how many today, and nothing of what.
    const copy = await me.agent.get('/api/v1/me/export.json');
    expect(copy.statusCode).toBe(200);
    expect(copy.json().suggestionsSentToday).toBe(3);
    expect(copy.body).not.toContain('Pertama');

    // A new local day: the counter starts again, and the sweep forgets the days gone by.
    t.clock.advance(24 * 3_600_000);
    expect(await t.services.suggestions.sentToday({ agencyId, personId: me.person.id })).toBe(0);
    await t.services.suggestions.sweep();
    expect(
      await db().selectFrom('suggestion_daily').select('day').where('person_id', '=', me.person.id).execute(),
    ).toEqual([{ day: '2026-11-23' }]);
    t.clock.advance(48 * 3_600_000);
    await t.services.suggestions.sweep();
    const left = await db()
      .selectFrom('suggestion_daily')
      .select('day')
      .where('person_id', '=', me.person.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('answers bad input with a 400 that stores nothing', async () => {
    const { agencyId, staff } = await agencyWith(1);
    const me = staff[0]!;
    for (const body of [
      { text: '' },
      { text: '   ' },
      { text: 'x'.repeat(2001) },
      { text: 'ok', topic: 'gaji' },
      { topic: 'workload' },
      { text: 42 },
    ]) {
      const res = await me.agent.post('/api/v1/me/suggestions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toBeTruthy();
    }
    expect(await count('suggestion_pending', agencyId)).toBe(0);
    expect(await t.services.suggestions.sentToday({ agencyId, personId: me.person.id })).toBe(0);
  });

  it('publishes a reply to all staff, hides a suggestion from the board, and audits both', async () => {
    const { agencyId, admin, staff } = await agencyWith(5);
    for (const [i, who] of staff.entries()) await send(who, `Usulan ${i}`, i % 2 === 0 ? 'facilities' : 'workload');
    expect((await admin.agent.post('/api/v1/suggestions/releases')).statusCode).toBe(201);
    const all = (await admin.agent.get('/api/v1/suggestions')).json();
    expect(all.total).toBe(5);
    const [first, second] = all.items as Array<{ id: string }>;

    const bad = await admin.agent.put(`/api/v1/suggestions/${first!.id}/reply`, { reply: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      (await admin.agent.put(`/api/v1/suggestions/${first!.id}/reply`, { reply: 'Terima kasih, kami tindak lanjuti.' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await admin.agent.put(`/api/v1/suggestions/${first!.id}/reply`, { reply: 'Sudah diperbaiki minggu ini.' }))
        .statusCode,
    ).toBe(200);
    const seen = (await board(staff[3]!)).items.find((s: { id: string }) => s.id === first!.id);
    expect(seen.reply).toBe('Sudah diperbaiki minggu ini.');
    const replies = await auditEntries(t, 'suggestion.replied', { resourceId: first!.id });
    expect(replies.map((r) => r.details?.edited).sort()).toEqual([false, true]);
    expect(replies[0]!.actor_id).toBe(admin.person.id);

    expect((await admin.agent.post(`/api/v1/suggestions/${second!.id}/hide`, {})).statusCode).toBe(400);
    expect(
      (await admin.agent.post(`/api/v1/suggestions/${second!.id}/hide`, { reason: 'Menyebut nama' })).statusCode,
    ).toBe(200);
    expect((await admin.agent.post(`/api/v1/suggestions/${second!.id}/hide`, { reason: 'lagi' })).statusCode).toBe(409);
    const staffBoard = await board(staff[0]!);
    expect(staffBoard.total).toBe(4);
    expect(staffBoard.items.map((s: { id: string }) => s.id)).not.toContain(second!.id);
    const managed = (await admin.agent.get('/api/v1/suggestions')).json();
    expect(managed.items.find((s: { id: string }) => s.id === second!.id).hiddenReason).toBe('Menyebut nama');
    expect((await auditEntries(t, 'suggestion.hidden', { resourceId: second!.id }))[0]!.details).toEqual({
      reason: 'Menyebut nama',
    });
    // A hide can be undone: back on the board, audited with the reason it had; twice is a conflict.
    expect((await admin.agent.post(`/api/v1/suggestions/${second!.id}/unhide`)).statusCode).toBe(200);
    expect((await board(staff[0]!)).items.map((s: { id: string }) => s.id)).toContain(second!.id);
    expect((await auditEntries(t, 'suggestion.unhidden', { resourceId: second!.id }))[0]!.details).toEqual({
      hiddenReason: 'Menyebut nama',
    });
    const again = await admin.agent.post(`/api/v1/suggestions/${second!.id}/unhide`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(catalogs.id.errors.suggestion_not_hidden);
    expect(
      (await admin.agent.post(`/api/v1/suggestions/${second!.id}/hide`, { reason: 'Menyebut nama' })).statusCode,
    ).toBe(200);

    // The topic filter, on both lists.
    const facilities = await board(staff[0]!, '?topic=facilities');
    expect(facilities.items.every((s: { topic: string }) => s.topic === 'facilities')).toBe(true);
    expect((await staff[0]!.agent.get('/api/v1/suggestions/board?topic=gaji')).statusCode).toBe(400);
    expect(await count('suggestions', agencyId)).toBe(5);
  });

  it('keeps every route to the right people: 401, 403 and 404 for everyone else', async () => {
    const { agencyId, admin, staff } = await agencyWith(5);
    for (const who of staff) await send(who, 'Saran untuk pengujian akses');
    await admin.agent.post('/api/v1/suggestions/releases');
    const id = ((await admin.agent.get('/api/v1/suggestions')).json().items[0] as { id: string }).id;

    const adminRoutes: Array<['GET' | 'POST' | 'PUT', string, unknown]> = [
      ['GET', '/api/v1/suggestions', undefined],
      ['GET', '/api/v1/suggestions/releases', undefined],
      ['POST', '/api/v1/suggestions/releases', {}],
      ['PUT', `/api/v1/suggestions/${id}/reply`, { reply: 'Balasan' }],
      ['POST', `/api/v1/suggestions/${id}/hide`, { reason: 'Alasan' }],
      ['POST', `/api/v1/suggestions/${id}/unhide`, undefined],
    ];
    const staffRoutes: Array<['GET' | 'POST', string, unknown]> = [
      ['GET', '/api/v1/suggestions/board', undefined],
      ['POST', '/api/v1/me/suggestions', { text: 'Anonim?' }],
    ];
    for (const [method, url, body] of [...adminRoutes, ...staffRoutes]) {
      const res = await t.anonymous().request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    for (const role of ['employee', 'manager', 'agency_admin', 'counsellor', 'dpo', 'clinical_supervisor'] as const) {
      const other = await loginAs(t, role, { agencyId });
      for (const [method, url, body] of adminRoutes) {
        const res = await other.agent.request(method, url, body);
        expect(res.statusCode, `${role}: ${method} ${url}`).toBe(403);
        expect(res.body).not.toContain('pengujian');
      }
      // Managers and agency admins get the board like any member of staff, and nothing more.
      expect((await other.agent.get('/api/v1/suggestions/board')).json().total).toBe(5);
    }
    const platform = await loginAs(t, 'platform_admin');
    for (const [method, url, body] of [...adminRoutes, ...staffRoutes]) {
      const res = await platform.agent.request(method, url, body);
      if (adminRoutes.some(([, u]) => u === url)) expect(res.statusCode, `platform: ${method} ${url}`).toBe(403);
      expect(res.body).not.toContain('pengujian');
    }

    // Another agency's wellbeing admin and staff: not found, and none of this agency's texts.
    const stranger = await loginAs(t, 'wellbeing_admin');
    expect((await stranger.agent.put(`/api/v1/suggestions/${id}/reply`, { reply: 'x' })).statusCode).toBe(404);
    expect((await stranger.agent.post(`/api/v1/suggestions/${id}/hide`, { reason: 'x' })).statusCode).toBe(404);
    expect((await stranger.agent.post(`/api/v1/suggestions/${id}/unhide`)).statusCode).toBe(404);
    expect((await stranger.agent.put(`/api/v1/suggestions/${FAKE_ID}/reply`, { reply: 'x' })).statusCode).toBe(404);
    expect((await stranger.agent.get('/api/v1/suggestions')).json().items).toEqual([]);
    expect((await stranger.agent.get('/api/v1/suggestions/releases')).json().items).toEqual([]);
    expect((await stranger.agent.get('/api/v1/suggestions/board')).json().items).toEqual([]);
    const reply = await db()
      .selectFrom('suggestions')
      .select(['reply', 'hidden_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(reply).toEqual({ reply: null, hidden_at: null });
    const strangerStaff = await loginAs(t, 'employee', { agencyId: stranger.agencyId });
    expect((await strangerStaff.agent.get('/api/v1/suggestions/board')).json().total).toBe(0);
  });
});
