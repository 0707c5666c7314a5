import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStats } from '../../src/contracts/campaigns.js';
import { auditEntries } from '../support/audit-entries.js';
import {
  addPeople,
  addResult,
  addUnit,
  expectAnonymityRules,
  launchCampaign,
  stringsIn,
} from '../support/campaigns.js';
import type { TestPerson } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const PHQ9_BANDS = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];

/** A deterministic "random" band per person, so every run builds the same realistic data. */
function bandFor(i: number): string {
  const weights = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4];
  return PHQ9_BANDS[weights[(i * 7 + 3) % weights.length] as number] as string;
}

const unitByName = (stats: CampaignStats, name: string) => {
  const u = stats.units.find((x) => x.unitName === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
};

describe.skipIf(postgresSkipReason())('campaign statistics under the anonymity rules', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
  });
  afterAll(async () => t.close());

  it('a parent of 12 in children of 6, 4 and 2 with 10 results: no cell under k, no child recoverable from the parent', async () => {
    const parent = await addUnit(t, agencyId, rootId, 'Dinas Kesehatan');
    const a = await addUnit(t, agencyId, parent, 'Bidang Kesmas');
    const b = await addUnit(t, agencyId, parent, 'Bidang P2P');
    const c = await addUnit(t, agencyId, parent, 'Bidang SDK');
    const [inA, inB, inC] = [
      await addPeople(t, agencyId, a, 6),
      await addPeople(t, agencyId, b, 4),
      await addPeople(t, agencyId, c, 2),
    ];
    const id = await launchCampaign(admin.agent, [parent]);
    const responders = [...inA, ...(inB as TestPerson[]).slice(0, 3), ...(inC as TestPerson[]).slice(0, 1)];
    for (const [i, p] of responders.entries())
      await addResult(t, { agencyId, personId: p.id, campaignId: id, band: bandFor(i) });

    const res = await admin.agent.get(`/api/v1/campaigns/${id}/stats`);
    expect(res.statusCode).toBe(200);
    const stats = res.json() as CampaignStats;
    expectAnonymityRules(stats);
    expect(stats.responses).toBe(10);
    expect(unitByName(stats, 'Dinas Kesehatan')).toMatchObject({
      invited: 12,
      participated: 10,
      participationRate: 83.3,
      suppression: 'none',
    });
    // 6 in Kesmas would leave 3 + 1 = 4 for the other two: Kesmas is withheld as well.
    expect(unitByName(stats, 'Bidang Kesmas')).toMatchObject({
      invited: 6,
      participated: null,
      participationRate: null,
      suppression: 'complementary',
    });
    expect(unitByName(stats, 'Bidang P2P')).toMatchObject({
      invited: 4,
      participated: null,
      suppression: 'below_threshold',
    });
    expect(unitByName(stats, 'Bidang SDK')).toMatchObject({
      invited: 2,
      participated: null,
      suppression: 'below_threshold',
    });
    expect(stats.units.map((u) => [u.unitName, u.depth, u.parentId === null])).toEqual([
      ['Dinas Kesehatan', 0, true],
      ['Bidang Kesmas', 1, false],
      ['Bidang P2P', 1, false],
      ['Bidang SDK', 1, false],
    ]);
    const [audit] = await auditEntries(t, 'campaign.stats_viewed', { resourceId: id });
    expect(audit).toMatchObject({ actor_id: admin.person.id, actor_role: 'wellbeing_admin' });
  });

  it('a realistic organisation in three time zones: every view, agency-wide or scoped, obeys the rules and agrees', async () => {
    const dinas = await addUnit(t, agencyId, rootId, 'Dinas Pendidikan');
    const tree: Array<[name: string, parent: string, people: number, tz: string]> = [
      ['Sekretariat', 'Dinas Pendidikan', 9, 'Asia/Jakarta'],
      ['Bidang SD', 'Dinas Pendidikan', 4, 'Asia/Jakarta'],
      ['Seksi Kurikulum SD', 'Bidang SD', 7, 'Asia/Jakarta'],
      ['Seksi Sarpras SD', 'Bidang SD', 3, 'Asia/Jakarta'],
      ['Bidang SMP', 'Dinas Pendidikan', 2, 'Asia/Jakarta'],
      ['Seksi Kurikulum SMP', 'Bidang SMP', 11, 'Asia/Jakarta'],
      ['Seksi PTK SMP', 'Bidang SMP', 6, 'Asia/Jakarta'],
      ['UPT Makassar', 'Dinas Pendidikan', 8, 'Asia/Makassar'],
      ['Satuan Pelayanan Maros', 'UPT Makassar', 5, 'Asia/Makassar'],
      ['UPT Jayapura', 'Dinas Pendidikan', 13, 'Asia/Jayapura'],
      ['Satuan Pelayanan Sentani', 'UPT Jayapura', 1, 'Asia/Jayapura'],
    ];
    const ids: Record<string, string> = { 'Dinas Pendidikan': dinas };
    const everyone: TestPerson[] = [];
    for (const [name, parentName, n, tz] of tree) {
      ids[name] = await addUnit(t, agencyId, ids[parentName] as string, name, tz);
      everyone.push(...(await addPeople(t, agencyId, ids[name] as string, n)));
    }
    const id = await launchCampaign(admin.agent, [dinas], { instrumentIds: ['phq9', 'who5'] });
    for (const [i, p] of everyone.entries()) {
      if (i % 4 === 3) continue;
      await addResult(t, { agencyId, personId: p.id, campaignId: id, band: bandFor(i) });
      if (i % 3 !== 0)
        await addResult(t, {
          agencyId,
          personId: p.id,
          campaignId: id,
          instrumentId: 'who5',
          band: i % 5 === 0 ? 'poor_wellbeing' : 'adequate',
        });
    }
    // A person who submitted PHQ-9 twice counts once, in the band of the later result.
    t.clock.advance(60_000);
    await addResult(t, { agencyId, personId: everyone[0]?.id as string, campaignId: id, band: 'severe' });

    const all = (await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).json() as CampaignStats;
    expectAnonymityRules(all);
    const top = unitByName(all, 'Dinas Pendidikan');
    expect(top.invited).toBe(69);
    expect(top.participated).toBe(everyone.filter((_, i) => i % 4 !== 3).length);
    expect(top.instruments[0]?.respondents).toBe(top.participated);
    expect(all.units).toHaveLength(12);
    // Some figures are shown — the rules protect, they do not blank everything.
    expect(all.units.filter((u) => u.participated !== null).length).toBeGreaterThan(3);

    for (const scopeName of ['Bidang SMP', 'UPT Jayapura', 'Sekretariat']) {
      const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: ids[scopeName] as string });
      const view = (await scoped.agent.get(`/api/v1/campaigns/${id}/stats`)).json() as CampaignStats;
      expectAnonymityRules(view);
      // Only their units, and only figures the agency-wide view shows too: comparing notes adds nothing.
      const theirs = tree.filter(([, parentName]) => parentName === scopeName).map(([name]) => name);
      expect(view.units.map((u) => u.unitName).sort()).toEqual([scopeName, ...theirs].sort());
      for (const u of view.units) {
        const same = unitByName(all, u.unitName);
        expect(u.participated).toBe(same.participated);
        expect(u.instruments).toEqual(same.instruments);
      }
      expect(view.responses === null || view.responses === unitByName(all, scopeName).participated).toBe(true);
    }
  });

  it('refreshes published figures only after k new responses, at close too (A7)', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Badan Kepegawaian');
    const people = await addPeople(t, agencyId, unit, 20);
    const id = await launchCampaign(admin.agent, [unit]);
    const stats = async () => (await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).json() as CampaignStats;
    const answer = async (from: number, to: number) => {
      for (const p of people.slice(from, to))
        await addResult(t, { agencyId, personId: p.id, campaignId: id, band: 'minimal' });
    };

    await answer(0, 4);
    const first = await stats();
    expect(first.responses).toBeNull();
    t.clock.advance(60_000);
    await answer(4, 5);
    const second = await stats();
    expect(second.responses).toBe(5);
    expect(second.publishedAt).toBe(t.clock.now().toISOString());

    t.clock.advance(60_000);
    await answer(5, 9);
    const third = await stats();
    // 4 new responses: the published figures stand, or the difference would be 4 people.
    expect(third).toEqual(second);

    t.clock.advance(60_000);
    await answer(9, 10);
    const fourth = await stats();
    expect(fourth.responses).toBe(10);
    expect(fourth.publishedAt > second.publishedAt).toBe(true);

    t.clock.advance(60_000);
    await answer(10, 12);
    expect((await stats()).responses).toBe(10);
    t.clock.advance(60_000);
    // Two new responses are fewer than k: closing keeps the last figures.
    const closed = await admin.agent.post(`/api/v1/campaigns/${id}/close`);
    expect(closed.statusCode).toBe(200);
    // The same figures; only the campaign's status beside them says it is closed now.
    expect(await stats()).toEqual({ ...fourth, status: 'closed' });
  });

  it('the before/after attacker at close: a colleague who answers last does not show (A7)', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Biro Umum');
    const people = await addPeople(t, agencyId, unit, 14);
    const id = await launchCampaign(admin.agent, [unit]);
    const stats = async () => (await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).json() as CampaignStats;
    // 12 colleagues answer: 6 minimal, 6 moderate.
    for (const [i, p] of people.slice(0, 12).entries())
      await addResult(t, { agencyId, personId: p.id, campaignId: id, band: i % 2 ? 'minimal' : 'moderate' });
    const before = await stats();
    expectAnonymityRules(before);
    expect(before.responses).toBe(12);
    const bandsBefore = unitByName(before, 'Biro Umum').instruments[0]?.bands;
    expect(bandsBefore?.filter((b) => b.count !== null).map((b) => [b.band, b.count])).toEqual([
      ['minimal', 6],
      ['moderate', 6],
    ]);

    // The attacker knows one colleague answers now, then closes the campaign at once.
    t.clock.advance(60_000);
    await addResult(t, { agencyId, personId: (people[12] as TestPerson).id, campaignId: id, band: 'severe' });
    t.clock.advance(60_000);
    expect((await admin.agent.post(`/api/v1/campaigns/${id}/close`)).statusCode).toBe(200);
    const after = await stats();
    expect(after).toEqual({ ...before, status: 'closed' });
    const [closedAudit] = await auditEntries(t, 'campaign.closed', { resourceId: id });
    expect(closedAudit?.details).toEqual({ republished: false });
  });

  it('a unit whose respondents all share one band shows no distribution that says so (A13)', async () => {
    // The case that led to A13: a unit of 6 respondents showed WHO-5 "memadai 6 (100%)" with the other bands withheld.
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Hukum');
    const people = await addPeople(t, agencyId, unit, 8);
    const id = await launchCampaign(admin.agent, [unit], { instrumentIds: ['who5'] });
    for (const p of people.slice(0, 6))
      await addResult(t, { agencyId, personId: p.id, campaignId: id, instrumentId: 'who5', band: 'adequate' });
    const stats = (await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).json() as CampaignStats;
    expectAnonymityRules(stats);
    const who5 = unitByName(stats, 'Bagian Hukum').instruments[0];
    expect(who5?.respondents).toBe(6);
    expect(who5?.bands.every((b) => b.count === null)).toBe(true);
  });

  it('all but fewer than k in one band, or a homogeneous group found by subtraction, shows no distribution that says so (A13)', async () => {
    const parent = await addUnit(t, agencyId, rootId, 'Badan Pendapatan');
    const child = await addUnit(t, agencyId, parent, 'Bidang Pajak');
    const own = await addPeople(t, agencyId, parent, 7);
    const inChild = await addPeople(t, agencyId, child, 12);
    const id = await launchCampaign(admin.agent, [parent]);
    // The parent's own 7 all answer 'severe'; the child has 6 minimal and 6 severe. Parent severe
    // minus child severe would say all 7 of the parent's own people are severe.
    for (const p of own) await addResult(t, { agencyId, personId: p.id, campaignId: id, band: 'severe' });
    for (const [i, p] of inChild.entries())
      await addResult(t, { agencyId, personId: p.id, campaignId: id, band: i % 2 ? 'minimal' : 'severe' });
    const stats = (await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).json() as CampaignStats;
    expectAnonymityRules(stats);
    const p = unitByName(stats, 'Badan Pendapatan').instruments[0];
    const c = unitByName(stats, 'Bidang Pajak').instruments[0];
    const severe = (x: typeof p) => x?.bands.find((b) => b.band === 'severe')?.count ?? null;
    // Both totals and both severe counts shown would give parent − child = 7 of 7 own people severe.
    const pinned = [p?.respondents, c?.respondents, severe(p), severe(c)].every((v) => v !== null && v !== undefined);
    expect(pinned).toBe(false);
    // The rules protect without blanking everything: the parent's figures still show.
    expect(p?.respondents).toBe(19);
  });

  it('repeated views of the same figures in a short window are audited once', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Satpol PP');
    await addPeople(t, agencyId, unit, 6);
    const id = await launchCampaign(admin.agent, [unit]);
    for (let i = 0; i < 30; i++) expect((await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).statusCode).toBe(200);
    expect(await auditEntries(t, 'campaign.stats_viewed', { resourceId: id })).toHaveLength(1);
    // Another person's view is their own entry; the same person after the window is a new one.
    const other = await loginAs(t, 'wellbeing_admin', { agencyId });
    await other.agent.get(`/api/v1/campaigns/${id}/stats`);
    expect(await auditEntries(t, 'campaign.stats_viewed', { resourceId: id })).toHaveLength(2);
    t.clock.advance(16 * 60_000);
    await admin.agent.get(`/api/v1/campaigns/${id}/stats`);
    expect(await auditEntries(t, 'campaign.stats_viewed', { resourceId: id })).toHaveLength(3);
  });

  it('no campaign route ever returns a member’s id, name, email or NIP', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Inspektorat');
    const member = await loginAs(t, 'employee', { agencyId, unitId: unit });
    const others = await addPeople(t, agencyId, unit, 9);
    const id = await launchCampaign(admin.agent, [unit], { instrumentIds: ['phq9', 'gad7'] });
    for (const [i, p] of [member.person, ...others].entries()) {
      await addResult(t, { agencyId, personId: p.id, campaignId: id, band: bandFor(i) });
      await addResult(t, {
        agencyId,
        personId: p.id,
        campaignId: id,
        instrumentId: 'gad7',
        band: i % 2 ? 'minimal' : 'mild',
      });
    }
    const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: unit });
    await t.services.jobs.drain();
    const answers = [
      await admin.agent.get('/api/v1/campaigns'),
      await admin.agent.get(`/api/v1/campaigns/${id}`),
      await admin.agent.get(`/api/v1/campaigns/${id}/stats`),
      await scoped.agent.get(`/api/v1/campaigns/${id}/stats`),
      await member.agent.get('/api/v1/me/campaigns'),
      await admin.agent.post(`/api/v1/campaigns/${id}/close`),
      await admin.agent.get(`/api/v1/campaigns/${id}/stats`),
    ];
    const secrets = [member.person, ...others].flatMap((p) =>
      [p.id, p.fullName, p.email, p.nip].filter((x): x is string => Boolean(x)),
    );
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200);
      const strings = stringsIn(res.json());
      for (const secret of secrets)
        expect(
          strings.some((s) => s.includes(secret)),
          `${res.raw.req?.url ?? ''} contains ${secret}`,
        ).toBe(false);
    }
    expectAnonymityRules(answers[6]?.json() as CampaignStats);
  });
});
