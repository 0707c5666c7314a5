import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseloadService } from '../../src/server/modules/counselling/index.js';
import { auditEntries } from '../support/audit-entries.js';
import {
  appointmentRow,
  counsellingConsentRow,
  insertCaseloadRows,
  referralRow,
  returnPlanRow,
  seedCaseload,
  sharedResultRows,
} from '../support/caseload.js';
import { createAgency, createPerson } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const DAY = 86_400_000;
const CASELOAD = '/api/v1/counselling/caseload';

interface Item {
  client: { id: string; fullName: string };
  active: boolean;
  nextAppointment: { id: string; start: string; mode: string; status: string; confirmed: boolean } | null;
  toConfirm: number;
  lastSessionAt: string | null;
  sessionsHeld: number;
  noShows: number;
  shared: { count: number; latest: { instrumentId: string; band: string | null; takenAt: string } | null };
  consents: string[];
  referral: {
    status: string;
    expiresOn: string;
    expiry: { kind: string; daysLeft: number | null; soon: boolean };
  } | null;
  returnPlan: { state: string; startDate: string } | null;
}

/** Counts the statements run through a Kysely instance (transaction control aside). */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: { node: RootOperationNode }): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult<T>(args: { result: T }): Promise<T> {
    return args.result;
  }
}

/**
 * The counsellor's caseload (docs/decisions/047-caseload.md): who is in it and in what order, the
 * summary of each record, the filters, the wrong people, the audit, and a fixed number of queries.
 */
describe.skipIf(postgresSkipReason())('the counsellor’s caseload', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  let counsellor: SignedIn;
  let otherCounsellor: SignedIn;
  let ani: SignedIn;
  const ids: Record<string, string> = {};
  let now: Date;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const list = async (who: SignedIn, query = '') => {
    const res = await who.agent.get(`${CASELOAD}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number; activeWindowDays: number; timeZone: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    now = t.clock.now();
    const db = t.services.db.db;
    ({ agencyId, rootUnitId: unitId } = await createAgency(db));
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
    otherCounsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
    // Ani signs in (to read her access log); the others never need to.
    ani = await loginAs(t, 'employee', { agencyId, unitId });
    await db.updateTable('people').set({ full_name: 'Ani Lestari' }).where('id', '=', ani.person.id).execute();
    ids.Ani = ani.person.id;
    for (const name of ['Budi Santoso', 'Citra Dewi', 'Dedi Kurniawan', 'Eka Putri', 'Fajar Nugroho'])
      ids[name.split(' ')[0] as string] = (
        await createPerson(db, t.services.keys, { agencyId, unitId, fullName: name })
      ).id;
    await seedCaseload(db, { agencyId, counsellorId: otherCounsellor.person.id, clientIds: [], now });
    await seedCaseload(db, { agencyId, counsellorId: counsellor.person.id, clientIds: [], now });
    const mine = (client: string) => ({
      agencyId,
      counsellorId: counsellor.person.id,
      clientId: ids[client] as string,
    });
    const budiPhq = sharedResultRows(mine('Budi'), {
      instrumentId: 'phq9',
      total: 14,
      band: 'moderate',
      takenAt: at(-3),
    });
    const budiGad = sharedResultRows(mine('Budi'), {
      instrumentId: 'gad7',
      total: 4,
      band: 'minimal',
      takenAt: at(-40),
    });
    const dedi = sharedResultRows(mine('Dedi'), { instrumentId: 'phq9', total: 6, band: 'mild', takenAt: at(-5) });
    const fajar = sharedResultRows(mine('Fajar'), {
      instrumentId: 'phq9',
      total: 9,
      band: 'mild',
      takenAt: at(-5),
      revoked: true,
    });
    const eka = { agencyId, counsellorId: otherCounsellor.person.id, clientId: ids.Eka as string };
    await insertCaseloadRows(db, {
      appointments: [
        // Ani: a session tomorrow not yet confirmed and one the week after (confirmed); two held, one missed.
        appointmentRow(mine('Ani'), { start: at(1), status: 'booked', confirmed: false, mode: 'in_person' }),
        appointmentRow(mine('Ani'), { start: at(8), status: 'booked', confirmed: true }),
        appointmentRow(mine('Ani'), { start: at(-10), status: 'completed' }),
        appointmentRow(mine('Ani'), { start: at(-40), status: 'completed' }),
        appointmentRow(mine('Ani'), { start: at(-25), status: 'no_show' }),
        // Budi: held 30 days ago; a cancelled one ahead does not count as next.
        appointmentRow(mine('Budi'), { start: at(-30), status: 'completed' }),
        appointmentRow(mine('Budi'), { start: at(3), status: 'cancelled' }),
        // Citra: held 200 days ago, nothing since: not active.
        appointmentRow(mine('Citra'), { start: at(-200), status: 'completed' }),
        // Eka is the other counsellor's client only.
        appointmentRow(eka, { start: at(2), status: 'booked' }),
      ],
      results: [budiPhq.result, budiGad.result, dedi.result, fajar.result],
      shareConsents: [budiPhq.consent, budiGad.consent, dedi.consent, fajar.consent],
      shares: [budiPhq.share, budiGad.share, dedi.share, fajar.share],
      consents: [
        counsellingConsentRow(mine('Ani'), { kind: 'shared_results', grantedAt: at(-20), expiresAt: at(160) }),
        counsellingConsentRow(mine('Ani'), { kind: 'check_in_trends', grantedAt: at(-20), expiresAt: at(160) }),
        // Revoked and expired consents are not in force.
        counsellingConsentRow(mine('Budi'), {
          kind: 'shared_results',
          grantedAt: at(-20),
          expiresAt: at(160),
          revokedAt: at(-1),
        }),
        counsellingConsentRow(mine('Citra'), { kind: 'shared_results', grantedAt: at(-200), expiresAt: at(-20) }),
      ],
      referrals: [
        referralRow(mine('Ani'), { status: 'given', createdAt: at(-80), expiresOn: at(10) }),
        // A closed referral is not open.
        referralRow(mine('Citra'), { status: 'closed', createdAt: at(-100), expiresOn: at(-10) }),
      ],
      plans: [returnPlanRow(mine('Budi'), { startDate: at(7) })],
    });
  });
  afterAll(async () => t.close());

  it('lists everyone the counsellor relates to, soonest next session first, with each record summed up', async () => {
    const body = await list(counsellor, '?filter=all');
    expect(body.items.map((i) => i.client.fullName)).toEqual([
      'Ani Lestari',
      'Budi Santoso',
      'Citra Dewi',
      'Dedi Kurniawan',
    ]);
    expect(body.total).toBe(4);
    expect(body.activeWindowDays).toBe(90);
    const [ani, budi, citra, dedi] = body.items as [Item, Item, Item, Item];
    expect(ani).toMatchObject({
      active: true,
      nextAppointment: { start: at(1).toISOString(), mode: 'in_person', status: 'booked', confirmed: false },
      toConfirm: 1,
      lastSessionAt: at(-10).toISOString(),
      sessionsHeld: 2,
      noShows: 1,
      shared: { count: 0, latest: null },
      referral: {
        status: 'given',
        expiresOn: at(10).toISOString().slice(0, 10),
        expiry: { kind: 'valid', soon: true },
      },
      returnPlan: null,
    });
    expect([...ani.consents].sort()).toEqual(['check_in_trends', 'shared_results']);
    expect(budi).toMatchObject({
      active: true,
      nextAppointment: null,
      toConfirm: 0,
      lastSessionAt: at(-30).toISOString(),
      sessionsHeld: 1,
      noShows: 0,
      shared: { count: 2, latest: { instrumentId: 'phq9', band: 'moderate', takenAt: at(-3).toISOString() } },
      consents: [],
      referral: null,
      returnPlan: { state: 'awaiting_agreement', startDate: at(7).toISOString().slice(0, 10) },
    });
    expect(citra).toMatchObject({ active: false, sessionsHeld: 1, consents: [], referral: null });
    // Only a shared result: in the caseload (the record opens), never active.
    expect(dedi).toMatchObject({ active: false, sessionsHeld: 0, nextAppointment: null, shared: { count: 1 } });
    // Numbers are numbers on both databases.
    expect(typeof ani.sessionsHeld).toBe('number');
  });

  it('shows the active clients by default, and finds by name in any case', async () => {
    expect((await list(counsellor)).items.map((i) => i.client.fullName)).toEqual(['Ani Lestari', 'Budi Santoso']);
    expect((await list(counsellor, '?filter=all&q=DEWI')).items.map((i) => i.client.fullName)).toEqual(['Citra Dewi']);
    expect((await list(counsellor, '?q=dewi')).items).toEqual([]);
    expect((await list(counsellor, '?filter=all&q=budi%20santoso')).items).toHaveLength(1);
  });

  it('never shows another counsellor’s client, a revoked share alone, or the counsellor to themself', async () => {
    const mine = (await list(counsellor, '?filter=all')).items.map((i) => i.client.id);
    expect(mine).not.toContain(ids.Eka);
    expect(mine).not.toContain(ids.Fajar);
    expect(mine).not.toContain(counsellor.person.id);
    const theirs = await list(otherCounsellor, '?filter=all');
    expect(theirs.items.map((i) => i.client.id)).toEqual([ids.Eka]);
    expect(JSON.stringify(theirs)).not.toContain(ids.Ani as string);
  });

  it('refuses the wrong people and never answers them the data', async () => {
    const db = t.services.db.db;
    const foreign = await loginAs(t, 'counsellor');
    await seedCaseload(db, { agencyId: foreign.agencyId, counsellorId: foreign.person.id, clientIds: [], now });
    const foreignList = await list(foreign, '?filter=all');
    expect(foreignList.items).toEqual([]);
    for (const role of ['manager', 'wellbeing_admin', 'agency_admin', 'employee'] as const) {
      const who = await loginAs(t, role, { agencyId, unitId });
      const res = await who.agent.get(`${CASELOAD}?filter=all`);
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain(ids.Ani as string);
      expect(res.body).not.toContain('Ani Lestari');
    }
    const platform = await loginAs(t, 'platform_admin');
    const res = await platform.agent.get(`${CASELOAD}?filter=all`);
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain('Ani Lestari');
    const anonymous = await t.anonymous().get(`${CASELOAD}?filter=all`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain('Ani Lestari');
  });

  it('refuses bad input with a localized 400 and writes no audit entry', async () => {
    const before = (await auditEntries(t, 'booking.caseload_viewed', { agencyId })).length;
    for (const query of ['?filter=everyone', `?q=${'a'.repeat(101)}`, '?page=2']) {
      const res = await counsellor.agent.get(`${CASELOAD}${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].message).not.toMatch(/^[a-z_.]+$/);
    }
    expect((await auditEntries(t, 'booking.caseload_viewed', { agencyId })).length).toBe(before);
  });

  it('audits the read once per client shown, with the client as subject, and the client sees it', async () => {
    const before = await auditEntries(t, 'booking.caseload_viewed', { agencyId });
    await list(counsellor);
    const after = await auditEntries(t, 'booking.caseload_viewed', { agencyId });
    // The test clock stands still: the new entries are the ones not there before.
    const seen = new Set(before.map((e) => e.id));
    const added = after.filter((e) => !seen.has(e.id));
    expect(added.map((e) => e.subject_id).sort()).toEqual([ids.Ani, ids.Budi].sort());
    expect(added.every((e) => e.actor_id === counsellor.person.id)).toBe(true);
    // Ani's access log ("Siapa yang membuka data Anda") names the counsellor and the read.
    const log = await ani.agent.get('/api/v1/me/counselling/access-log');
    expect(log.statusCode).toBe(200);
    const entries = (log.json() as { items: Array<{ action: string; actor: { id: string } | null }> }).items;
    expect(entries.some((e) => e.action === 'booking.caseload_viewed' && e.actor?.id === counsellor.person.id)).toBe(
      true,
    );
  });

  it('reads with the same number of statements for 3 clients as for 30', async () => {
    const db = t.services.db.db;
    const counts: number[] = [];
    for (const n of [3, 30]) {
      const fresh = await loginAs(t, 'counsellor', { agencyId, unitId });
      const clientIds: string[] = [];
      for (let i = 0; i < n; i++)
        clientIds.push((await createPerson(db, t.services.keys, { agencyId, unitId, fullName: `Klien ${n}-${i}` })).id);
      const seeded = await seedCaseload(db, { agencyId, counsellorId: fresh.person.id, clientIds, now });
      expect(seeded.referrals + seeded.plans + seeded.consents).toBeGreaterThan(0);
      const counter = new QueryCounter();
      const { services } = t;
      const service = new CaseloadService({
        db: db.withPlugin(counter),
        clock: t.clock,
        audit: services.audit,
        directory: services.directory,
        booking: services.booking,
        assessments: services.assessments,
        consents: services.consents,
        referrals: services.referrals,
        returnToWork: services.returnToWork,
      });
      const me = { id: fresh.person.id, agencyId, unitId, fullName: fresh.person.fullName, locale: 'id' as const };
      const origin = { agencyId, actorId: fresh.person.id, actorRole: 'counsellor', requestId: 'caseload-test' };
      const out = await service.list(me, { filter: 'all' }, origin);
      expect(out.items).toHaveLength(n);
      counts.push(counter.count);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});
