import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyResults, type NodeResultView, type SurveyResultsView } from '../../src/contracts/surveys.js';
import { catalogs } from '../../src/i18n/catalog.js';
import { auditEntries } from '../support/audit-entries.js';
import { pdfText } from '../support/pdf-text.js';
import { addUnit } from '../support/campaigns.js';
import { createPerson, type TestPerson } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Results of closed surveys through the API (docs/surveys.md#results-and-anonymity): computed by
 * the closing's job, served under the anonymity rules to the wellbeing admin's scope, compared
 * with the earlier wave, comments only for groups of at least 10, masked and as plain text.
 */
describe.skipIf(postgresSkipReason())('climate survey results', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;
  let unitA: string;
  let unitB: string;
  let unitC: string;
  let unitD: string;
  const people: Record<'a' | 'b' | 'c' | 'd', TestPerson[]> = { a: [], b: [], c: [], d: [] };

  const comment = 'Rapat <b>mendadak</b> tiap malam. Tanya Bu Sulastri Wibowo di 0812-3456-7890.';

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    unitA = await addUnit(t, agencyId, rootId, 'Bidang Pelayanan');
    unitB = await addUnit(t, agencyId, rootId, 'Bidang Umum');
    unitC = await addUnit(t, agencyId, rootId, 'Subbagian Kecil');
    const add = async (unitId: string, n: number, into: TestPerson[]) => {
      for (let i = 0; i < n; i += 1)
        into.push(
          await createPerson(t.services.db.db, t.services.keys, {
            agencyId,
            unitId,
            password: null,
            fullName: i === 0 && unitId === unitA ? 'Sulastri Wibowo' : undefined,
          }),
        );
    };
    await add(unitA, 8, people.a);
    await add(unitB, 7, people.b);
    await add(unitC, 3, people.c);
    // Two more at the top, so that the top's own few make a group of k on their own and take no
    // group from below (profiles.ts: placeStray).
    await add(rootId, 2, people.c);
    // A unit of six PNS and six PPPK: enough of each for the employment-type breakdown.
    unitD = await addUnit(t, agencyId, rootId, 'UPT Puskesmas');
    for (let i = 0; i < 12; i += 1)
      people.d.push(
        await createPerson(t.services.db.db, t.services.keys, {
          agencyId,
          unitId: unitD,
          password: null,
          employmentType: i % 2 === 0 ? 'pns' : 'pppk',
          // One birth date and start per type, so that age and service bands are the same within
          // each type and the profiles do not depend on what other tests made before (makeNip counts).
          nip:
            i % 2 === 0
              ? `19880512201203${1}${String(800 + i).padStart(3, '0')}`
              : `19900101202221${2}${String(800 + i).padStart(3, '0')}`,
        }),
      );
  });
  afterAll(async () => t.close());

  /** A pulse survey of the whole agency with a free-text question added, opened. */
  async function openSurvey(title: string, previousSurveyId: string | null = null): Promise<string> {
    const created = await admin.agent.post('/api/v1/surveys', {
      title,
      templateId: 'pulse',
      unitIds: [rootId],
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
      previousSurveyId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const survey = created.json();
    survey.definition.sections.push({
      id: 'suara',
      title: { id: 'Suara Anda', en: 'Your voice' },
      questions: [
        { id: 'saran', kind: 'text', maxLength: 500, required: false, text: { id: 'Saran?', en: 'Suggestions?' } },
      ],
    });
    const put = await admin.agent.put(`/api/v1/surveys/${survey.id}`, {
      title,
      unitIds: [rootId],
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
      previousSurveyId,
      definition: survey.definition,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await admin.agent.post(`/api/v1/surveys/${survey.id}/open`)).statusCode).toBe(200);
    return survey.id as string;
  }

  async function answerAll(id: string, point: (unit: 'a' | 'b' | 'c' | 'd', i: number) => number) {
    for (const unit of ['a', 'b', 'c', 'd'] as const)
      for (const [i, p] of people[unit].entries())
        await t.services.surveys.answer({ agencyId, personId: p.id } as never, id, {
          'pls-workload': point(unit, i),
          'pls-support': 1 + (i % 5),
          'pls-speak-up': 4,
          'pls-rest': 1 + ((i + 2) % 5),
          'pls-energy': (i * 3) % 11,
          ...(i < 4 ? { saran: comment } : {}),
        });
  }

  async function closeAndCompute(id: string) {
    expect((await admin.agent.post(`/api/v1/surveys/${id}/close`)).statusCode).toBe(200);
    await t.services.jobs.drain();
  }

  const k = 5;
  /** A1 and A4 on the served rows: every shown count ≥ k, every shown parent minus its shown children 0 or ≥ k. */
  function expectAnonymityRules(results: SurveyResultsView) {
    const rows = results.rows;
    const count = (n: NodeResultView) => n.respondents.value;
    for (const node of [results.total, ...rows]) {
      const value = count(node);
      if (value !== null) expect(value, node.unitName).toBeGreaterThanOrEqual(k);
      for (const q of node.questions) {
        if (q.kind === 'likert' || q.kind === 'scale')
          for (const b of q.bands)
            if (b.count.value !== null && b.count.value > 0) expect(b.count.value).toBeGreaterThanOrEqual(k);
      }
      const children = rows.filter((r) => r.parentId === node.nodeId && count(r) !== null);
      if (value !== null && children.length > 0) {
        const rest = value - children.reduce((s, c) => s + (count(c) as number), 0);
        expect(rest === 0 || rest >= k, `${node.unitName}: remainder ${rest}`).toBe(true);
      }
    }
  }

  let first: string;

  it('computes the results when the survey closes, and serves them under the rules', async () => {
    first = await openSurvey('Pulse Juni');
    await answerAll(first, (unit) => (unit === 'a' ? 2 : 4));
    // Open: no results yet, only response rates.
    expect((await admin.agent.get(`/api/v1/surveys/${first}/results`)).json().error.code).toBe('survey_not_closed');
    await closeAndCompute(first);

    const res = await admin.agent.get(`/api/v1/surveys/${first}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json() as SurveyResultsView;
    expect(surveyResults.parse(results)).toStrictEqual(results);
    expect(results).toMatchObject({ threshold: 5, commentThreshold: 10, filter: null, previous: null });
    expect(results.total.respondents.value).toBe(32);
    expect(results.total.members).toBe(33); // the admin is a member of the root unit too
    const workload = results.total.questions.find((q) => q.questionId === 'pls-workload');
    expect(workload).toMatchObject({ kind: 'likert', n: { value: 32 } });
    if (workload?.kind === 'likert') {
      // Unit A (8) disagreed, the others (24) agreed: 8 unfavourable, 24 favourable; nobody neutral,
      // and a zero is never shown as such (it is only ever learnt as a remainder).
      expect(workload.bands.map((b) => b.count.value)).toEqual([8, null, 24]);
      expect(workload.favourableShare.value).toBeCloseTo(24 / 32);
    }
    // Unit C has 3 members: its answers count in the agency's total, never as a row of its own.
    const rowC = results.rows.find((r) => r.nodeId === unitC);
    expect(rowC?.respondents.value ?? null).toBeNull();
    expectAnonymityRules(results);
    expect(results.rows.map((r) => r.unitName)).toContain('Bidang Pelayanan');
    expect(await auditEntries(t, 'survey.results_viewed', { resourceId: first })).toHaveLength(1);
  });

  it('serves one breakdown at a time from the same computation, and refuses one it does not have', async () => {
    const res = await admin.agent.get(`/api/v1/surveys/${first}/results?filter=employmentType:pppk`);
    expect(res.statusCode, res.body).toBe(200);
    const pppk = res.json() as SurveyResultsView;
    expect(pppk.filter).toEqual({ attribute: 'employmentType', value: 'pppk' });
    expect(pppk.filters).toContainEqual({
      attribute: 'employmentType',
      values: expect.arrayContaining(['pns', 'pppk']),
    });
    expect(pppk.total.respondents.value).toBe(6);
    expect(pppk.rows.find((r) => r.nodeId === unitD)?.respondents.value).toBe(6);
    expectAnonymityRules(pppk);
    // Every breakdown on offer answers, under the same rules.
    for (const { attribute, values } of pppk.filters)
      for (const value of values) {
        const view = await admin.agent.get(
          `/api/v1/surveys/${first}/results?filter=${attribute}:${encodeURIComponent(value)}`,
        );
        expect(view.statusCode, `${attribute}:${value}`).toBe(200);
        expectAnonymityRules(view.json() as SurveyResultsView);
      }

    const unknown = await admin.agent.get(`/api/v1/surveys/${first}/results?filter=ageBand:17-19`);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details[0].message).toBe(catalogs.id.validation.surveys.invalid_filter);
    expect((await admin.agent.get(`/api/v1/surveys/${first}/results?filter=nip:1`)).statusCode).toBe(400);
  });

  it('exports exactly the cells of the same view as XLSX, every text formula-safe, audited', async () => {
    // A unit name a spreadsheet would run as a formula, set after the survey closed (names are read when shown).
    await t.services.db.db
      .updateTable('org_units')
      .set({ name: '=HYPERLINK("http://x","klik")' })
      .where('id', '=', unitC)
      .execute();
    const view = (await admin.agent.get(`/api/v1/surveys/${first}/results`)).json() as SurveyResultsView;
    const res = await admin.agent.get(`/api/v1/surveys/${first}/results/export?format=xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const themes = book.worksheets[1]!;
    const rows = themes.getSheetValues().slice(2) as unknown[][];
    // One row per node of the view, in its order; respondents as the view has them, '—' where withheld.
    expect(rows.map((r) => r[3])).toEqual([view.total, ...view.rows].map((n) => n.respondents.value ?? '—'));
    expect(rows.map((r) => r[1])).toContain('\'=HYPERLINK("http://x","klik")');
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    expect(await auditEntries(t, 'survey.results_exported', { resourceId: first })).toHaveLength(1);
    expect((await admin.agent.get(`/api/v1/surveys/${first}/results/export?format=csv`)).statusCode).toBe(400);
  });

  it('exports the same cells as an A4 PDF: every served figure of the XLSX, none withheld, no comment, audited', async () => {
    const xlsx = await admin.agent.get(`/api/v1/surveys/${first}/results/export?format=xlsx`);
    const res = await admin.agent.get(`/api/v1/surveys/${first}/results/export?format=pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="teduh-hasil-pulse-juni\.pdf"/);
    const pdf = res.rawPayload as unknown as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const lines = text.split('\n');

    // The cells of the XLSX's tables, numbers as the PDF writes them in Indonesian.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const numbers: string[] = [];
    let withheld = 0;
    for (const sheet of book.worksheets.slice(1))
      sheet.eachRow((row, n) => {
        if (n > 1)
          row.eachCell((cell) => {
            if (typeof cell.value === 'number')
              numbers.push(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(cell.value));
            if (cell.value === '—') withheld += 1;
          });
      });
    expect(withheld).toBeGreaterThan(0);
    // Every number the PDF shows as a cell is one the XLSX shows, as often; every "—" carries its reason.
    const sorted = (xs: string[]) => [...xs].sort();
    expect(sorted(lines.filter((l) => /^\d[\d.,]*$/.test(l)))).toEqual(sorted(numbers));
    expect(lines.filter((l) => /^— [a-d]$/.test(l))).toHaveLength(withheld);
    expect(text).toContain('Pulse Juni');
    expect(text).toContain('Bidang Pelayanan');
    expect(text).toContain(catalogs.id.surveys.results.withheld.below_threshold.replace('{{k}}', String(k)));
    // Free text is never printed, not even masked.
    expect(text).not.toContain('mendadak');
    expect(text).not.toContain('Sulastri');

    // The document speaks the reader's language.
    const reader = await loginAs(t, 'wellbeing_admin', { agencyId });
    expect((await reader.agent.patch('/api/v1/profile', { locale: 'en' })).statusCode).toBe(200);
    const english = await reader.agent.get(`/api/v1/surveys/${first}/results/export?format=pdf`);
    expect(pdfText(english.rawPayload as unknown as Buffer)).toContain('Whole survey');
    const audit = await auditEntries(t, 'survey.results_exported', { resourceId: first });
    // One clock tick may hold several entries, ordered by random ids: compare as a set of counts.
    expect(audit.map((a) => a.details?.format).sort()).toEqual(['pdf', 'pdf', 'xlsx', 'xlsx']);
  });

  it('refuses the PDF to the wrong person exactly as the XLSX, and gives a unit-scoped admin their rows only', async () => {
    for (const format of ['xlsx', 'pdf']) {
      const url = `/api/v1/surveys/${first}/results/export?format=${format}`;
      expect((await t.anonymous().request('GET', url)).statusCode).toBe(401);
      for (const role of ['employee', 'manager', 'agency_admin', 'counsellor', 'platform_admin'] as const) {
        const other = await loginAs(t, role, { agencyId });
        const res = await other.agent.get(url);
        expect(res.statusCode, `${role} ${format}`).toBe(403);
        expect(res.body).not.toContain('Bidang');
      }
      const stranger = await loginAs(t, 'wellbeing_admin');
      const res = await stranger.agent.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Pulse');
    }
    const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: unitA });
    const res = await scoped.agent.get(`/api/v1/surveys/${first}/results/export?format=pdf`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload as unknown as Buffer);
    expect(text).toContain('Bidang Pelayanan');
    expect(text).not.toContain('Bidang Umum');
    expect(text).not.toContain('UPT Puskesmas');
  });

  it('shows comments only for groups of at least 10, masked, as the words people typed', async () => {
    const res = await admin.agent.get(`/api/v1/surveys/${first}/comments`);
    expect(res.statusCode, res.body).toBe(200);
    const { groups, commentThreshold } = res.json();
    expect(commentThreshold).toBe(10);
    // Units A (8), B (7) and C (3) have fewer than 10 respondents: their groups are never shown.
    // The whole survey, the top unit and the Puskesmas (12) may be, as the remainder rule allows.
    const shown = groups.map((g: { nodeId: string }) => g.nodeId) as string[];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => [unitA, unitB, unitC].includes(id))).toEqual([]);
    const texts = groups.find((g: { nodeId: string }) => g.nodeId === 'survey-total').questions[0].texts as string[];
    expect(texts).toHaveLength(16); // four from each of the four groups
    expect(texts[0]).toBe('Rapat <b>mendadak</b> tiap malam. Tanya Bu [nama] [nama] di [nomor].');
    expect(res.body).not.toContain('Sulastri');
    expect(res.body).not.toContain('0812');
  });

  it('compares a later wave with the earlier one, as the earlier one published itself', async () => {
    const second = await openSurvey('Pulse November', first);
    await answerAll(second, () => 4);
    await closeAndCompute(second);
    const results = (await admin.agent.get(`/api/v1/surveys/${second}/results`)).json() as SurveyResultsView;
    expect(results.previous).toMatchObject({ surveyId: first, title: 'Pulse Juni' });
    // The view is written without zod's pass (surveys.routes.ts): it must be exactly the contract's
    // shape all the same — valid, and nothing that parsing would strip.
    expect(surveyResults.parse(results)).toStrictEqual(results);
    const before = results.previous!.total.questions.find((q) => q.questionId === 'pls-workload');
    const after = results.total.questions.find((q) => q.questionId === 'pls-workload');
    if (before?.kind === 'likert' && after?.kind === 'likert') {
      expect(before.favourableShare.value).toBeCloseTo(24 / 32);
      // Everyone agreeing is homogeneous (A13): that share is not shown.
      expect(after.favourableShare.value).toBeNull();
    }
    expectAnonymityRules(results);
  });

  it('gives a unit-scoped admin the rows of their scope only, and another agency nothing', async () => {
    const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: unitA });
    const results = (await scoped.agent.get(`/api/v1/surveys/${first}/results`)).json() as SurveyResultsView;
    expect(results.rows.map((r) => r.nodeId)).toEqual([unitA]);
    expect(results.rows[0]!.parentId).toBeNull();
    const comments = (await scoped.agent.get(`/api/v1/surveys/${first}/comments`)).json();
    expect(comments.groups).toEqual([]);
    const stranger = await loginAs(t, 'wellbeing_admin');
    expect((await stranger.agent.get(`/api/v1/surveys/${first}/results`)).statusCode).toBe(404);
    expect((await stranger.agent.get(`/api/v1/surveys/${first}/comments`)).statusCode).toBe(404);
  });

  /** Every count a view shows, by node and figure: what a reader could subtract between two showings. */
  function shownCounts(results: SurveyResultsView): Map<string, number> {
    const shown = new Map<string, number>();
    for (const node of [results.total, ...results.rows]) {
      const put = (figure: string, value: number | null) => {
        if (value !== null) shown.set(`${node.nodeId}/${figure}`, value);
      };
      put('respondents', node.respondents.value);
      for (const q of node.questions) {
        put(`${q.questionId}/n`, q.n.value);
        if (q.kind === 'likert' || q.kind === 'scale')
          q.bands.forEach((b) => put(`${q.questionId}/${b.band}`, b.count.value));
      }
    }
    return shown;
  }

  it('keeps the results it showed when reopened, and closing after fewer than k late answers changes nothing', async () => {
    const before = (await admin.agent.get(`/api/v1/surveys/${first}/results`)).json() as SurveyResultsView;
    const comments = (await admin.agent.get(`/api/v1/surveys/${first}/comments`)).body;
    const reopened = await admin.agent.post(`/api/v1/surveys/${first}/reopen`, {
      reason: 'Unit B belum sempat mengisi karena dinas luar.',
      closesOn: '2026-12-10',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await admin.agent.get(`/api/v1/surveys/${first}/results`)).json().error.code).toBe('survey_not_closed');
    // One late answer (the admin, the only member who had not answered): shown, it would be the
    // difference between the two showings.
    await t.services.surveys.answer({ agencyId, personId: admin.person.id } as never, first, {
      'pls-workload': 1,
      'pls-support': 1,
      'pls-speak-up': 1,
      'pls-rest': 1,
      'pls-energy': 0,
      saran: 'Jawaban yang terlambat',
    });
    await closeAndCompute(first);
    const after = (await admin.agent.get(`/api/v1/surveys/${first}/results`)).json() as SurveyResultsView;
    expect(after).toEqual(before);
    expect((await admin.agent.get(`/api/v1/surveys/${first}/comments`)).body).toBe(comments);
  });

  it('closing again after at least k late answers moves no shown figure by 1..k−1', async () => {
    // Everyone but unit B answers; B's seven answer after the survey is reopened.
    const wave = await openSurvey('Pulse Juli');
    const answer = (p: TestPerson, i: number) =>
      t.services.surveys.answer({ agencyId, personId: p.id } as never, wave, {
        'pls-workload': 1 + (i % 5),
        'pls-support': 1 + ((i * 2) % 5),
        'pls-speak-up': 2 + (i % 3),
        'pls-rest': 1 + ((i + 1) % 5),
        'pls-energy': (i * 7) % 11,
        ...(i % 2 === 0 ? { saran: `Saran ${i}` } : {}),
      });
    for (const unit of ['a', 'c', 'd'] as const) for (const [i, p] of people[unit].entries()) await answer(p, i);
    await closeAndCompute(wave);
    const before = (await admin.agent.get(`/api/v1/surveys/${wave}/results`)).json() as SurveyResultsView;
    const comments = (await admin.agent.get(`/api/v1/surveys/${wave}/comments`)).body;
    expect(before.total.respondents.value).toBe(25);

    const reopened = await admin.agent.post(`/api/v1/surveys/${wave}/reopen`, {
      reason: 'Bidang Umum sedang dinas luar.',
      closesOn: '2026-12-10',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    for (const [i, p] of people.b.entries()) await answer(p, i + 3);
    await closeAndCompute(wave);
    const after = (await admin.agent.get(`/api/v1/surveys/${wave}/results`)).json() as SurveyResultsView;
    expect(after.total.respondents.value).toBe(32);
    expectAnonymityRules(after);
    const earlier = shownCounts(before);
    let compared = 0;
    for (const [figure, value] of shownCounts(after)) {
      const was = earlier.get(figure);
      if (was === undefined) continue;
      compared += 1;
      const moved = Math.abs(value - was);
      expect(moved === 0 || moved >= k, `${figure}: ${was} → ${value}`).toBe(true);
    }
    expect(compared).toBeGreaterThan(0);
    // Every breakdown on offer keeps the rules too, and the comments are those of the first showing.
    for (const { attribute, values } of after.filters)
      for (const value of values)
        expectAnonymityRules(
          (await admin.agent.get(`/api/v1/surveys/${wave}/results?filter=${attribute}:${value}`)).json(),
        );
    expect((await admin.agent.get(`/api/v1/surveys/${wave}/comments`)).body).toBe(comments);
  });
});
