import { expect } from 'vitest';
import type { CampaignStats } from '../../src/contracts/campaigns.js';
import { newId } from '../../src/server/crypto.js';
import { createPerson, createUnit, type TestPerson } from './factories.js';
import type { Agent, TestApp } from './test-app.js';

/** A campaign body with sensible defaults: PHQ-9, two weeks from the test clock's Monday. */
export function campaignInput(unitIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    title: 'Cek Kesehatan Jiwa Akhir Tahun',
    message: 'Mari luangkan sepuluh menit.',
    instrumentIds: ['phq9'],
    unitIds,
    opensOn: '2026-11-23',
    closesOn: '2026-12-04',
    reminderEveryDays: 3,
    ...overrides,
  };
}

/** Drafts and launches a campaign; returns its id. */
export async function launchCampaign(
  agent: Agent,
  unitIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await agent.post('/api/v1/campaigns', campaignInput(unitIds, overrides));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const launched = await agent.post(`/api/v1/campaigns/${id}/launch`);
  expect(launched.statusCode, launched.body).toBe(200);
  return id;
}

/** `n` active people (no password: they never sign in here) in a unit. */
export async function addPeople(t: TestApp, agencyId: string, unitId: string, n: number): Promise<TestPerson[]> {
  const people: TestPerson[] = [];
  for (let i = 0; i < n; i++)
    people.push(await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId, password: null }));
  return people;
}

export async function addUnit(
  t: TestApp,
  agencyId: string,
  parentId: string,
  name: string,
  timeZone = 'Asia/Jakarta',
): Promise<string> {
  return createUnit(t.services.db.db, agencyId, parentId, { name, timeZone });
}

/**
 * A campaign result written straight into assessment_results, as the assessments module would:
 * encrypted fields hold a placeholder; band and campaign_id are what statistics count.
 */
export async function addResult(
  t: TestApp,
  r: {
    agencyId: string;
    personId: string;
    campaignId: string;
    instrumentId?: string;
    band: string | null;
    createdAt?: string;
  },
): Promise<void> {
  await t.services.db.db
    .insertInto('assessment_results')
    .values({
      id: newId(),
      agency_id: r.agencyId,
      person_id: r.personId,
      instrument_id: r.instrumentId ?? 'phq9',
      instrument_version: '1',
      submission_key: `k-${newId()}`,
      campaign_id: r.campaignId,
      answers_enc: t.services.keys.encrypt('{}'),
      result_enc: t.services.keys.encrypt('{}'),
      total: null,
      band: r.band,
      crisis: 0,
      care_step: null,
      locale: 'id',
      created_at: r.createdAt ?? t.clock.now().toISOString(),
    })
    .execute();
}

type Unit = CampaignStats['units'][number];

/** Every column of a stats answer, as (label, value of a unit). */
function columnsOf(stats: CampaignStats): Array<[string, (u: Unit) => number | null]> {
  const columns: Array<[string, (u: Unit) => number | null]> = [['participated', (u) => u.participated]];
  for (const [i, instrument] of (stats.units[0]?.instruments ?? []).entries()) {
    columns.push([instrument.instrumentId, (u) => u.instruments[i]?.respondents ?? null]);
    for (const [j, band] of instrument.bands.entries())
      columns.push([`${instrument.instrumentId}:${band.band}`, (u) => u.instruments[i]?.bands[j]?.count ?? null]);
  }
  return columns;
}

/**
 * What the anonymity rules promise of any stats answer, read only from the answer itself — the
 * way a reader with a calculator would: no shown cell under k (A1/A3); for every shown unit (and
 * the total) minus its nearest shown descendants, 0 or at least k (A4); inside each distribution
 * the withheld bands add up to 0 or at least k, and a withheld total shows no bands.
 */
export function expectAnonymityRules(stats: CampaignStats): void {
  const k = stats.threshold;
  expect(k).toBeGreaterThanOrEqual(5);
  const ok = (n: number) => n === 0 || n >= k;
  const children = new Map<string | null, Unit[]>();
  for (const u of stats.units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const nearestShown = (parentId: string | null, value: (u: Unit) => number | null): Unit[] =>
    (children.get(parentId) ?? []).flatMap((c) => (value(c) !== null ? [c] : nearestShown(c.unitId, value)));

  for (const [label, value] of columnsOf(stats)) {
    for (const u of stats.units) {
      const v = value(u);
      if (v === null) continue;
      expect(v, `${label} of ${u.unitName} is under k`).toBeGreaterThanOrEqual(k);
      const remainder = v - nearestShown(u.unitId, value).reduce((s, c) => s + (value(c) as number), 0);
      expect(ok(remainder), `${label}: ${u.unitName} minus its shown sub-units isolates ${remainder}`).toBe(true);
    }
  }
  if (stats.responses !== null) {
    expect(stats.responses).toBeGreaterThanOrEqual(k);
    const remainder =
      stats.responses - nearestShown(null, (u) => u.participated).reduce((s, c) => s + (c.participated as number), 0);
    expect(ok(remainder), `the total minus the shown units isolates ${remainder}`).toBe(true);
  }
  for (const u of stats.units) {
    if (u.participated === null) expect(u.participationRate).toBeNull();
    // With one instrument participation is its respondents: shown or withheld together.
    if (u.instruments.length === 1)
      expect(u.participated, `${u.unitName}: participation gives respondents away`).toBe(u.instruments[0]?.respondents);
    for (const i of u.instruments) {
      if (i.respondents === null) {
        expect(
          i.bands.every((b) => b.count === null),
          `${u.unitName} shows bands of a withheld total`,
        ).toBe(true);
        continue;
      }
      const withheld = i.respondents - i.bands.reduce((s, b) => s + (b.count ?? 0), 0);
      expect(ok(withheld), `${u.unitName} ${i.instrumentId}: withheld bands add up to ${withheld}`).toBe(true);
      // A13: no shown band may hold the whole group, or all but fewer than k of it.
      for (const b of i.bands) {
        if (b.count === null) continue;
        expect(
          i.respondents - b.count >= k,
          `${u.unitName} ${i.instrumentId}: ${b.band} holds ${b.count} of ${i.respondents}`,
        ).toBe(true);
      }
    }
  }
}

/** Every string anywhere in a JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
