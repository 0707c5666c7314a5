import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/catalog.js';
import { auditEntries } from '../support/audit-entries.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/** What an admin might paste: every way a script could try to get in. */
const HOSTILE = [
  '# Tetap tenang',
  '',
  'Teks **aman**.',
  '',
  '<script>alert("xss")</script>',
  '',
  '<img src="x" onerror="alert(1)">',
  '',
  '<p onmouseover="alert(2)" style="position:fixed">arahkan</p>',
  '',
  '[klik saya](javascript:alert(3))',
  '',
  '<a href="JaVaScRiPt:alert(4)">atau saya</a>',
  '',
  '<iframe src="https://evil.example/"></iframe>',
  '',
  '![pelacak](https://tracker.example/p.gif)',
  '',
  '[WHO](https://www.who.int/)',
].join('\n');

const ARTICLE = {
  title: 'Layanan konseling instansi',
  summary: 'Cara membuat janji dengan konselor kantor.',
  tags: ['Konseling', 'EAP'],
  language: 'id',
  bodyMarkdown: 'Konselor kami ada di **lantai 2**, setiap Selasa dan Kamis.',
};

type Row = { id: string; status: string; version: number; body_html: string; body_md: string };

describe.skipIf(postgresSkipReason())('psycho-education library', () => {
  let t: TestApp;
  let admin: SignedIn & { agencyId: string; unitId: string };
  let employee: SignedIn;
  let otherAdmin: SignedIn & { agencyId: string };
  let otherEmployee: SignedIn;
  const db = () => t.services.db.db;
  const rows = (agencyId: string) =>
    db().selectFrom('agency_articles').selectAll().where('agency_id', '=', agencyId).execute() as Promise<Row[]>;
  const auditCount = async () =>
    Number(
      (
        await db()
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'agency_admin');
    employee = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: admin.unitId });
    otherAdmin = await loginAs(t, 'agency_admin');
    otherEmployee = await loginAs(t, 'employee', { agencyId: otherAdmin.agencyId });
  });
  afterAll(async () => t.close());

  describe('reading', () => {
    it('needs a session', async () => {
      expect((await t.anonymous().get('/api/v1/articles')).statusCode).toBe(401);
      expect((await t.anonymous().get('/api/v1/articles/sleep')).statusCode).toBe(401);
    });

    it('lists the built-in articles in the reader’s language and reads one by its slug', async () => {
      const list = (await employee.agent.get('/api/v1/articles')).json();
      expect(list.query).toBeNull();
      expect(list.items.length).toBeGreaterThanOrEqual(10);
      expect(list.items[0]).toMatchObject({
        id: 'recognising-strain-in-yourself',
        source: 'builtin',
        language: 'id',
        title: 'Mengenali tanda tertekan pada diri sendiri',
        updatedAt: null,
      });
      expect(list.items[0].readingMinutes).toBeGreaterThanOrEqual(2);
      expect(list.items[0]).not.toHaveProperty('html');
      const one = await employee.agent.get('/api/v1/articles/getting-help');
      expect(one.statusCode).toBe(200);
      expect(one.json().html).toContain('<h2>Sumber</h2>');
      expect(one.json().html).toContain('Puskesmas');

      await db().updateTable('people').set({ locale: 'en' }).where('id', '=', employee.person.id).execute();
      try {
        const en = await employee.agent.get('/api/v1/articles/getting-help');
        expect(en.json()).toMatchObject({ title: 'How to get help', language: 'en' });
        expect(en.json().html).toContain('<h2>Sources</h2>');
      } finally {
        await db().updateTable('people').set({ locale: 'id' }).where('id', '=', employee.person.id).execute();
      }
    });

    it('searches titles, summaries, tags and text, ignoring case and accents, by word prefix', async () => {
      const ids = async (q: string) =>
        (
          (await employee.agent.get(`/api/v1/articles?q=${encodeURIComponent(q)}`)).json().items as Array<{
            id: string;
          }>
        ).map((a) => a.id);
      expect((await ids('TIDUR'))[0]).toBe('sleep');
      expect((await ids('puskesmas rujukan'))[0]).toBe('getting-help');
      expect(await ids('psikiat')).toContain('psychologist-or-psychiatrist');
      expect(await ids('stígmá')).toContain('stigma');
      expect(await ids('zzzqqq')).toEqual([]);
      const res = await employee.agent.get('/api/v1/articles?q=%20%20bpjs%20');
      expect(res.json().query).toBe('bpjs');
    });

    it('answers 404 for an unknown article and 400 for a malformed id, in the reader’s language', async () => {
      const missing = await employee.agent.get('/api/v1/articles/no-such-article');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error).toMatchObject({
        code: 'article_not_found',
        message: catalogs.id.errors.article_not_found,
      });
      expect((await employee.agent.get('/api/v1/articles/..%2Fetc')).statusCode).toBe(400);
      expect((await employee.agent.get('/api/v1/articles/Sleep')).statusCode).toBe(400);
      const tooLong = await employee.agent.get(`/api/v1/articles?q=${'a'.repeat(101)}`);
      expect(tooLong.statusCode).toBe(400);
    });

    it('records nothing about who reads or searches what', async () => {
      const before = await auditCount();
      await employee.agent.get('/api/v1/articles?q=depresi');
      await employee.agent.get('/api/v1/articles/stigma');
      expect(await auditCount()).toBe(before);
    });
  });

  describe('agency articles', () => {
    it('sanitises an article with scripts when it is saved, and it renders inert once published', async () => {
      const created = await admin.agent.post('/api/v1/agency/articles', {
        ...ARTICLE,
        title: 'Artikel dengan skrip',
        bodyMarkdown: HOSTILE,
      });
      expect(created.statusCode).toBe(201);
      const view = created.json();
      expect(view).toMatchObject({ status: 'draft', version: 1, publishedAt: null, bodyMarkdown: HOSTILE });
      const [stored] = (await rows(admin.agencyId)).filter((r) => r.id === view.id);
      for (const html of [stored?.body_html as string, view.html as string]) {
        expect(html).not.toMatch(/<script|onerror|onmouseover|style=|<iframe|javascript:|tracker\.example/i);
        expect(html).toContain('<h2>Tetap tenang</h2>');
        expect(html).toContain('<strong>aman</strong>');
        expect(html).toContain('<a href="https://www.who.int/" rel="noopener noreferrer">WHO</a>');
        expect(html).toContain('klik saya');
      }
      // A draft is not in the library, not even for its own agency.
      expect((await employee.agent.get(`/api/v1/articles/${view.id}`)).statusCode).toBe(404);
      expect((await employee.agent.get('/api/v1/articles?q=skrip')).json().items).toEqual([]);

      const published = await admin.agent.put(`/api/v1/agency/articles/${view.id}/status`, { status: 'published' });
      expect(published.statusCode).toBe(200);
      expect(published.json()).toMatchObject({ status: 'published', version: 2 });
      expect(published.json().publishedAt).toEqual(expect.any(String));
      const read = await employee.agent.get(`/api/v1/articles/${view.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ source: 'agency', title: 'Artikel dengan skrip', language: 'id' });
      expect(read.json()).not.toHaveProperty('bodyMarkdown');
      expect(read.json().html).toBe(stored?.body_html);
      expect(
        (await employee.agent.get('/api/v1/articles?q=skrip')).json().items.map((a: { id: string }) => a.id),
      ).toEqual([view.id]);

      // The preview renders exactly as a save does, and stores nothing.
      const count = (await rows(admin.agencyId)).length;
      const preview = await admin.agent.post('/api/v1/agency/articles/preview', { bodyMarkdown: HOSTILE });
      expect(preview.json().html).toBe(stored?.body_html);
      expect((await rows(admin.agencyId)).length).toBe(count);
    });

    it('edits with optimistic versions, takes back, deletes, and audits each change without its text', async () => {
      const created = (await admin.agent.post('/api/v1/agency/articles', ARTICLE)).json();
      expect(created.tags).toEqual(['konseling', 'eap']);
      const url = `/api/v1/agency/articles/${created.id}`;
      const edited = await admin.agent.put(url, { ...ARTICLE, version: 1, bodyMarkdown: 'Sekarang di **lantai 3**.' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ version: 2, html: '<p>Sekarang di <strong>lantai 3</strong>.</p>' });
      // An edit started from version 1 again is refused; the same text again changes nothing.
      const stale = await admin.agent.put(url, { ...ARTICLE, version: 1, title: 'Judul lain' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('article_conflict');
      const same = await admin.agent.put(url, { ...ARTICLE, version: 1, bodyMarkdown: 'Sekarang di **lantai 3**.' });
      expect(same.json().version).toBe(2);
      expect((await admin.agent.get(url)).json()).toMatchObject({ title: ARTICLE.title, version: 2 });

      await admin.agent.put(`${url}/status`, { status: 'published' });
      const again = await admin.agent.put(`${url}/status`, { status: 'published' });
      expect(again.json().version).toBe(3);
      const unpublished = await admin.agent.put(`${url}/status`, { status: 'draft' });
      expect(unpublished.json()).toMatchObject({ status: 'draft', version: 4 });
      expect((await employee.agent.get(`/api/v1/articles/${created.id}`)).statusCode).toBe(404);

      expect((await admin.agent.delete(url)).json()).toEqual({ ok: true });
      expect((await admin.agent.delete(url)).statusCode).toBe(404);
      expect((await admin.agent.get(url)).statusCode).toBe(404);

      const filter = { agencyId: admin.agencyId, resourceId: created.id };
      const actions = ['created', 'updated', 'published', 'unpublished', 'deleted'];
      for (const action of actions) {
        const entries = await auditEntries(t, `article.${action}`, filter);
        expect(entries, action).toHaveLength(1);
        expect(entries[0]).toMatchObject({ actor_id: admin.person.id, resource_type: 'article' });
        expect(JSON.stringify(entries[0]?.details ?? {})).not.toMatch(/lantai|konselor/i);
      }
      expect((await auditEntries(t, 'article.updated', filter))[0]?.details).toEqual({ changed: ['body'] });
    });

    it('stores a retried creation once (Idempotency-Key)', async () => {
      const before = (await rows(admin.agencyId)).length;
      const key = { 'idempotency-key': 'article-create-0001' };
      const first = await admin.agent.post('/api/v1/agency/articles', { ...ARTICLE, title: 'Sekali saja' }, key);
      const second = await admin.agent.post('/api/v1/agency/articles', { ...ARTICLE, title: 'Sekali saja' }, key);
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json().id).toBe(first.json().id);
      expect((await rows(admin.agencyId)).length).toBe(before + 1);
    });

    it('refuses bad input with localized messages and changes nothing', async () => {
      const before = await rows(admin.agencyId);
      const bad: Array<[Record<string, unknown>, string, string]> = [
        [{ ...ARTICLE, title: 'ab' }, 'title', 'article.title_too_short'],
        [{ ...ARTICLE, bodyMarkdown: '   ' }, 'bodyMarkdown', 'required'],
        [{ ...ARTICLE, language: 'fr' }, 'language', 'invalid_option'],
        [{ ...ARTICLE, tags: Array.from({ length: 9 }, (_, i) => `t${i}`) }, 'tags', 'article.too_many_tags'],
        [{ ...ARTICLE, bodyMarkdown: 'x'.repeat(20_001) }, 'bodyMarkdown', 'string_too_long'],
      ];
      for (const [body, path, code] of bad) {
        const res = await admin.agent.post('/api/v1/agency/articles', body);
        expect(res.statusCode, path).toBe(400);
        expect(res.json().error.details).toContainEqual(expect.objectContaining({ path, code }));
      }
      const short = await admin.agent.post('/api/v1/agency/articles', { ...ARTICLE, title: 'ab' });
      expect(short.json().error.details[0].message).toBe(catalogs.id.validation.article.title_too_short);
      const some = before[0] as Row;
      const badStatus = await admin.agent.put(`/api/v1/agency/articles/${some.id}/status`, { status: 'live' });
      expect(badStatus.statusCode).toBe(400);
      expect((await admin.agent.get('/api/v1/agency/articles/not-a-uuid')).statusCode).toBe(400);
      expect(await rows(admin.agencyId)).toEqual(before);
    });
  });

  describe('who may write', () => {
    let draftId: string;
    let publishedId: string;
    beforeAll(async () => {
      draftId = (await admin.agent.post('/api/v1/agency/articles', { ...ARTICLE, title: 'Draf rahasia' })).json().id;
      publishedId = (await admin.agent.post('/api/v1/agency/articles', { ...ARTICLE, title: 'Terbit' })).json().id;
      await admin.agent.put(`/api/v1/agency/articles/${publishedId}/status`, { status: 'published' });
    });

    it('refuses every admin route to an employee (403) and to a signed-out visitor (401)', async () => {
      const before = await rows(admin.agencyId);
      const calls = (agent: SignedIn['agent']) => [
        agent.get('/api/v1/agency/articles'),
        agent.post('/api/v1/agency/articles', ARTICLE),
        agent.post('/api/v1/agency/articles/preview', { bodyMarkdown: 'x' }),
        agent.get(`/api/v1/agency/articles/${draftId}`),
        agent.put(`/api/v1/agency/articles/${draftId}`, { ...ARTICLE, version: 1 }),
        agent.put(`/api/v1/agency/articles/${draftId}/status`, { status: 'published' }),
        agent.delete(`/api/v1/agency/articles/${publishedId}`),
      ];
      for (const res of await Promise.all(calls(employee.agent))) {
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('Draf rahasia');
      }
      for (const res of await Promise.all(calls(t.anonymous()))) expect(res.statusCode).toBe(401);
      expect(await rows(admin.agencyId)).toEqual(before);
    });

    it('keeps another agency’s admin and people out of this agency’s articles (404), drafts and published alike', async () => {
      const before = await rows(admin.agencyId);
      for (const id of [draftId, publishedId]) {
        const url = `/api/v1/agency/articles/${id}`;
        const answers = [
          await otherAdmin.agent.get(url),
          await otherAdmin.agent.put(url, { ...ARTICLE, title: 'Diambil alih', version: 1 }),
          await otherAdmin.agent.put(`${url}/status`, { status: 'draft' }),
          await otherAdmin.agent.delete(url),
          await otherAdmin.agent.get(`/api/v1/articles/${id}`),
          await otherEmployee.agent.get(`/api/v1/articles/${id}`),
        ];
        for (const res of answers) {
          expect(res.statusCode).toBe(404);
          expect(res.body).not.toMatch(/Draf rahasia|Terbit|lantai/);
        }
      }
      const theirs = (await otherAdmin.agent.get('/api/v1/agency/articles')).json().items;
      expect(theirs).toEqual([]);
      const library = (await otherEmployee.agent.get('/api/v1/articles')).json().items as Array<{ source: string }>;
      expect(library.every((a) => a.source === 'builtin')).toBe(true);
      expect(await rows(admin.agencyId)).toEqual(before);
      // The article is still there for its own agency.
      expect((await employee.agent.get(`/api/v1/articles/${publishedId}`)).statusCode).toBe(200);
    });
  });
});
