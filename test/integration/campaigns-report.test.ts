import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStats } from '../../src/contracts/campaigns.js';
import { auditEntries } from '../support/audit-entries.js';
import { addPeople, addResult, addUnit, expectAnonymityRules, launchCampaign } from '../support/campaigns.js';
import { createAgency } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const PHQ9 = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];
const WHO5 = ['likely_depression', 'poor_wellbeing', 'adequate'];
// Realistic spreads: most people in the milder bands.
const PHQ9_WEIGHTS = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4];
const WHO5_WEIGHTS = [2, 2, 2, 2, 1, 1, 0];

/**
 * The campaign report (docs/decisions/024-campaign-reports.md): the page's figures as a summary,
 * the previous campaign beside them, and XLSX/PDF files that carry exactly the cells the screen
 * shows — never a value it withholds (docs/privacy.md §1.2: the same rules on every path).
 */
describe.skipIf(postgresSkipReason())('campaign report and its downloads', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;
  let previousId: string;
  let currentId: string;
  let units: Record<string, string>;

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    const parent = await addUnit(t, agencyId, rootId, 'Dinas Kesehatan');
    units = {
      parent,
      big: await addUnit(t, agencyId, parent, 'Puskesmas Depok'),
      mid: await addUnit(t, agencyId, parent, 'Puskesmas Mlati'),
      small: await addUnit(t, agencyId, parent, 'Puskesmas Turi'),
    };
    const people = {
      big: await addPeople(t, agencyId, units.big as string, 30),
      mid: await addPeople(t, agencyId, units.mid as string, 20),
      small: await addPeople(t, agencyId, units.small as string, 6),
    };
    const answerAll = async (campaignId: string, shift: number) => {
      for (const [unit, list] of Object.entries(people))
        // Only three of the small unit's six answer: under k, so its figures are withheld.
        for (const [i, p] of (unit === 'small' ? list.slice(0, 3) : list).entries()) {
          const band = PHQ9[
            PHQ9_WEIGHTS[(i * 7 + shift + (unit === 'mid' ? 3 : 0)) % PHQ9_WEIGHTS.length] as number
          ] as string;
          await addResult(t, { agencyId, personId: p.id, campaignId, band });
          await addResult(t, {
            agencyId,
            personId: p.id,
            campaignId,
            instrumentId: 'who5',
            band: WHO5[WHO5_WEIGHTS[(i * 5 + shift) % WHO5_WEIGHTS.length] as number] as string,
          });
        }
    };
    previousId = await launchCampaign(admin.agent, [parent], { instrumentIds: ['phq9', 'who5'] });
    await answerAll(previousId, 0);
    t.clock.advance(60_000);
    expect((await admin.agent.post(`/api/v1/campaigns/${previousId}/close`)).statusCode).toBe(200);
    t.clock.advance(60_000);
    currentId = await launchCampaign(admin.agent, [parent], { instrumentIds: ['phq9', 'who5'] });
    await answerAll(currentId, 1);
  });
  afterAll(async () => t.close());

  const stats = async (agent = admin.agent, id = currentId) => {
    const res = await agent.get(`/api/v1/campaigns/${id}/stats`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CampaignStats;
  };

  it('shows the previous campaign beside this one, withholding what either withholds', async () => {
    const now = await stats();
    expectAnonymityRules(now);
    expect(now.status).toBe('open');
    expect(now.previous).toMatchObject({ campaignId: previousId });
    expect(now.previous?.units.length).toBe(now.units.length);
    expect(now.previous?.units.some((u) => u.participated !== null)).toBe(true);
    const before = await stats(admin.agent, previousId);
    expect(before.previous).toBeNull();
    for (const unit of now.previous?.units ?? []) {
      const current = now.units.find((u) => u.unitId === unit.unitId);
      const own = before.units.find((u) => u.unitId === unit.unitId);
      // Withheld in the current campaign → withheld in the comparison; otherwise what it published.
      expect(unit.participated).toBe(current?.participated === null ? null : own?.participated);
      for (const i of unit.instruments) {
        const ci = current?.instruments.find((x) => x.instrumentId === i.instrumentId);
        const oi = own?.instruments.find((x) => x.instrumentId === i.instrumentId);
        expect(i.respondents).toBe(ci?.respondents === null ? null : oi?.respondents);
        for (const b of i.bands) {
          const cb = ci?.bands.find((x) => x.band === b.band)?.count ?? null;
          const ob = oi?.bands.find((x) => x.band === b.band)?.count ?? null;
          expect(b.count).toBe(cb === null ? null : ob);
        }
      }
    }
    // The small unit (3 answered) is withheld in both.
    const small = now.previous?.units.find((u) => u.unitId === units.small);
    expect(small?.participated ?? null).toBeNull();
  });

  it('serves views from the stored publication: figures are computed once, at publication', async () => {
    const first = await stats();
    const stored = await t.services.db.db
      .selectFrom('campaign_publications')
      .select(['scope_key', 'published_at'])
      .where('campaign_id', '=', currentId)
      .execute();
    expect(stored).toEqual([{ scope_key: '*', published_at: first.publishedAt }]);
    // A unit-scoped admin's figures are computed at their first look and stored beside them.
    const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: units.big });
    const view = await stats(scoped.agent);
    expectAnonymityRules(view);
    expect(
      await t.services.db.db
        .selectFrom('campaign_publications')
        .select('scope_key')
        .where('campaign_id', '=', currentId)
        .execute(),
    ).toHaveLength(2);
    expect(await stats()).toEqual(first);
  });

  it('sends the answer built once per publication as JSON, and a renamed unit still shows its new name', async () => {
    const res = await admin.agent.get(`/api/v1/campaigns/${currentId}/stats`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const first = res.json() as CampaignStats;
    // Built with the contract: nothing beyond its fields (the presenter's choice) is sent.
    expect(Object.keys(first).sort()).toEqual(
      ['campaignId', 'previous', 'publishedAt', 'responses', 'status', 'threshold', 'units'].sort(),
    );
    await t.services.db.db
      .updateTable('org_units')
      .set({ name: 'Puskesmas Depok I' })
      .where('id', '=', units.big as string)
      .execute();
    const renamed = await stats();
    expect(renamed.publishedAt).toBe(first.publishedAt);
    expect(renamed.units.find((u) => u.unitId === units.big)?.unitName).toBe('Puskesmas Depok I');
    const strip = (s: CampaignStats) => s.units.map(({ unitName: _name, ...rest }) => rest);
    expect(strip(renamed)).toEqual(strip(first));
    await t.services.db.db
      .updateTable('org_units')
      .set({ name: 'Puskesmas Depok' })
      .where('id', '=', units.big as string)
      .execute();
    expect(await stats()).toEqual(first);
  });

  it('exports XLSX with exactly the cells the screen shows, "—" wherever it withholds', async () => {
    const screen = await stats();
    const res = await admin.agent.get(`/api/v1/campaigns/${currentId}/stats/export?format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="teduh-laporan-.*\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Per unit');
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...body] = rows;
    expect(header?.[0]).toBe('Unit');
    expect(body).toHaveLength(screen.units.length);
    const show = (v: number | null) => (v === null ? '—' : v);
    for (const [i, unit] of screen.units.entries()) {
      const expected = [
        unit.unitName,
        unit.invited,
        show(unit.participated),
        show(unit.participationRate),
        ...unit.instruments.flatMap((x) => [show(x.respondents), ...x.bands.map((b) => show(b.count))]),
      ];
      expect(body[i]).toEqual(expected);
    }
    // The unit where 3 answered is all "—" beyond its invited count.
    const small = body.find((r) => r[0] === 'Puskesmas Turi');
    expect(small?.slice(2).every((c) => c === '—')).toBe(true);
    // No number in the whole workbook that the screen withholds: every numeric cell of the unit
    // sheets is a value the screen shows for that row.
    const previousSheet = book.getWorksheet('Kampanye sebelumnya');
    expect(previousSheet).toBeDefined();
    const prevRows: unknown[][] = [];
    previousSheet?.eachRow((row) => prevRows.push((row.values as unknown[]).slice(1)));
    for (const r of prevRows.slice(2)) {
      const unit = screen.previous?.units.find(
        (u) => screen.units.find((s) => s.unitId === u.unitId)?.unitName === r[0],
      );
      expect(unit).toBeDefined();
      expect(r[1]).toBe(show(unit?.participated ?? null));
    }
  });

  it('exports a PDF, audits every download like a view, and refuses the wrong person and bad input', async () => {
    const before = await auditEntries(t, 'campaign.stats_exported', { resourceId: currentId });
    const pdf = await admin.agent.get(`/api/v1/campaigns/${currentId}/stats/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await admin.agent.get(`/api/v1/campaigns/${currentId}/stats/export?format=pdf`);
    const after = await auditEntries(t, 'campaign.stats_exported', { resourceId: currentId });
    // The entries this test added, by id: several downloads can share one millisecond, so the
    // order of the log says nothing about which came last.
    const added = after.filter((entry) => !before.some((b) => b.id === entry.id));
    expect(added).toHaveLength(2);
    for (const entry of added) {
      expect(entry.details).toMatchObject({ format: 'pdf', previousCampaignId: previousId });
    }

    const bad = await admin.agent.get(`/api/v1/campaigns/${currentId}/stats/export?format=csv`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeDefined();
    expect((await t.anonymous().get(`/api/v1/campaigns/${currentId}/stats/export?format=xlsx`)).statusCode).toBe(401);
    const employee = await loginAs(t, 'employee', { agencyId });
    expect((await employee.agent.get(`/api/v1/campaigns/${currentId}/stats/export?format=xlsx`)).statusCode).toBe(403);
    const other = await createAgency(t.services.db.db);
    const stranger = await loginAs(t, 'wellbeing_admin', { agencyId: other.agencyId });
    expect((await stranger.agent.get(`/api/v1/campaigns/${currentId}/stats/export?format=xlsx`)).statusCode).toBe(404);
    const unrelated = await addUnit(t, agencyId, rootId, 'Inspektorat');
    const outside = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: unrelated });
    expect((await outside.agent.get(`/api/v1/campaigns/${currentId}/stats/export?format=pdf`)).statusCode).toBe(404);
    expect(await auditEntries(t, 'campaign.stats_exported', { resourceId: currentId })).toHaveLength(after.length);
  });
});
