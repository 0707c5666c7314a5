import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { addDays } from '../../src/domain/schedule/zoned-time.js';
import { catalogs } from '../../src/i18n/catalog.js';
import { newId } from '../../src/server/crypto.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const INSIGHTS = '/api/v1/me/check-ins/insights';
const CSV = '/api/v1/me/check-ins/export.csv';
const JSON_ = '/api/v1/me/check-ins/export.json';
// The test clock starts at 2026-11-23T02:00Z: Monday 09:00 WIB.
const TODAY = '2026-11-23';
const NOTE = '=HYPERLINK("http://x","catatan-rahasia-77")';
const TAG = 'tanda-pribadi-insight';

describe.skipIf(postgresSkipReason())('insights and the own copy of check-ins: the person’s alone', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  let owner: SignedIn;
  let struggling: SignedIn;

  /** Writes `n` days ending today for a person, straight into the table (a year of history in one go). */
  async function seed(personId: string, n: number, make: (i: number) => Record<string, unknown>): Promise<void> {
    const now = t.clock.now().toISOString();
    const rows = Array.from({ length: n }, (_, i) => {
      const { note = null, tags = [], ...scales } = make(i) as { note?: string | null; tags?: string[] };
      return {
        id: newId(),
        person_id: personId,
        agency_id: agencyId,
        local_date: addDays(TODAY, i - (n - 1)),
        mood: 3,
        stress: null,
        energy: null,
        sleep_minutes: null,
        sleep_quality: null,
        activity_minutes: null,
        workload: null,
        details_enc: note || tags.length ? t.services.keys.encrypt(JSON.stringify({ note, tags })) : null,
        client_key: null,
        version: 1,
        created_at: now,
        updated_at: now,
        ...scales,
      };
    });
    for (let i = 0; i < rows.length; i += 100)
      await t.services.db.db
        .insertInto('check_ins')
        .values(rows.slice(i, i + 100) as never)
        .execute();
  }

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
    owner = await loginAs(t, 'employee', { agencyId, unitId });
    struggling = await loginAs(t, 'employee', { agencyId, unitId });
    // A year with a gap: short nights (every third day) go with a lower mood; "lembur" days too.
    await seed(owner.person.id, 365, (i) => {
      if (i === 355) return {}; // removed below: the gap nine days ago
      const short = i % 3 === 0;
      return {
        mood: short ? 2 : 4,
        stress: short ? 4 : 2,
        sleep_minutes: short ? 320 : 450,
        workload: short ? 'heavy' : 'right',
        activity_minutes: 20,
        ...(i === 364 ? { note: NOTE, tags: ['lembur', TAG] } : short ? { tags: ['lembur'] } : {}),
      };
    });
    await t.services.db.db
      .deleteFrom('check_ins')
      .where('person_id', '=', owner.person.id)
      .where('local_date', '=', addDays(TODAY, 355 - 364))
      .execute();
    // Two weeks of mostly low mood and heavy, stressful days.
    await seed(struggling.person.id, 14, (i) => ({ mood: i % 4 === 0 ? 3 : 2, stress: 5, workload: 'heavy' }));
  });
  afterAll(async () => t.close());

  it('answers 401 to every insights and export route without a session', async () => {
    const anonymous = t.anonymous();
    for (const url of [INSIGHTS, `${INSIGHTS}?days=7`, CSV, JSON_]) {
      const res = await anonymous.get(url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
      expect(res.body).not.toContain('catatan');
    }
  });

  it('answers one point per day, streaks, averages against the period before, and the patterns with their days', async () => {
    const res = await owner.agent.get(`${INSIGHTS}?days=30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.json();
    expect(view).toMatchObject({
      days: 30,
      today: TODAY,
      timeZone: 'Asia/Jakarta',
      from: '2026-10-25',
      previousFrom: '2026-09-25',
    });
    expect(view.series).toHaveLength(30);
    expect(view.series[0].day).toBe('2026-10-25');
    expect(view.series[29]).toMatchObject({ day: TODAY, mood: 4, sleepMinutes: 450, workload: 'right' });
    // The gap was nine days ago: the current run is nine days, the longest the 355 days before it.
    expect(view.streaks).toEqual({ current: 9, longest: 355 });
    expect(view.averages.current.days).toBe(29); // the gap is in the period
    expect(view.averages.previous.days).toBe(30);
    expect(view.averages.current.workload).toEqual({ light: 0, right: 19, heavy: 10 });
    const ids = view.patterns.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['sleep_mood', 'workload_mood', 'workload_stress', 'tag_mood']));
    expect(view.patterns.find((p: { id: string }) => p.id === 'sleep_mood')).toMatchObject({
      days: 29,
      group: { days: 10, mean: 2 },
      rest: { days: 19, mean: 4 },
    });
    expect(view.patterns.find((p: { id: string }) => p.id === 'tag_mood')).toMatchObject({ tag: 'lembur' });
    // The tag of a single day is never a pattern, and no note ever appears in insights.
    expect(res.body).not.toContain(TAG);
    expect(res.body).not.toContain('catatan-rahasia');
    expect(view.nudges).toEqual([]);
    expect(view.minPatternDays).toBe(14);
  });

  it('changes the period: a week has no pattern yet, a year has every day', async () => {
    const week = (await owner.agent.get(`${INSIGHTS}?days=7`)).json();
    expect(week.series).toHaveLength(7);
    expect(week.patterns).toEqual([]);
    const year = (await owner.agent.get(`${INSIGHTS}?days=365`)).json();
    expect(year.series).toHaveLength(365);
    expect(year.averages.current.days).toBe(364);
    expect(year.averages.previous.days).toBe(0);
    expect((await owner.agent.get(INSIGHTS)).json().days).toBe(30);
  });

  it('suggests a self-check and someone to talk to after two weeks of mostly low mood, to that person only', async () => {
    const view = (await struggling.agent.get(`${INSIGHTS}?days=7`)).json();
    expect(view.nudges.map((n: { id: string }) => n.id)).toEqual(['low_mood', 'heavy_workload']);
    expect(view.nudges[0]).toMatchObject({ days: 14, matching: 10, windowDays: 14 });
    expect(view.nudges[0].steps).toEqual(expect.arrayContaining(['self_check_phq9', 'help_contacts']));
    // No flag is stored anywhere: the check_ins rows are all there is.
    const tables = await t.services.db.db
      .selectFrom('check_ins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', struggling.person.id)
      .executeTakeFirstOrThrow();
    expect(Number(tables.n)).toBe(14);
  });

  it('refuses a period that is not 7, 30, 90 or 365 with a localized 400', async () => {
    for (const days of ['14', '0', 'abc', '365.5', '-7']) {
      const res = await owner.agent.get(`${INSIGHTS}?days=${days}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toContainEqual(
        expect.objectContaining({ path: 'days', message: catalogs.id.validation.invalid_option }),
      );
    }
  });

  it('gives the person their check-ins as CSV, formula-safe, and as JSON, note and tags opened', async () => {
    const csv = await owner.agent.get(CSV);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="teduh-catatan-harian-${TODAY}.csv"`);
    expect(csv.headers['cache-control']).toBe('no-store');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"date","mood","stress","energy","sleep_minutes","sleep_quality","activity_minutes","workload","tags","note"',
    );
    expect(lines).toHaveLength(365);
    expect(lines.at(-1)).toBe(
      `"${TODAY}",4,2,,450,,20,"right","lembur; ${TAG}","'=HYPERLINK(""http://x"",""catatan-rahasia-77"")"`,
    );
    const json = await owner.agent.get(JSON_);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('.json"');
    const body = json.json();
    expect(body.checkIns).toHaveLength(364);
    expect(body.checkIns.at(-1)).toMatchObject({ localDate: TODAY, note: NOTE, tags: ['lembur', TAG] });
  });
});

const ROLES: AssignableRole[] = ['manager', 'wellbeing_admin', 'agency_admin', 'counsellor', 'platform_admin'];

describe.skipIf(postgresSkipReason())('no one else reads a person’s insights or their copy', () => {
  let t: TestApp;
  let employee: SignedIn;
  const walkers = new Map<string, SignedIn>();
  const MARK_NOTE = 'catatan-insight-rahasia-93';
  const MARK_TAG = 'tanda-insight-rahasia';

  beforeAll(async () => {
    const built = await createTestAppWithAgency();
    t = built.t;
    const at = { agencyId: built.agencyId, unitId: built.unitId };
    for (const role of ROLES) walkers.set(role, await loginAs(t, role, at));
    walkers.set('colleague', await loginAs(t, 'employee', at));
    walkers.set('other agency', await loginAs(t, 'employee'));
    employee = await loginAs(t, 'employee', at);
    await t.services.db.db
      .updateTable('people')
      .set({ manager_id: walkers.get('manager')?.person.id })
      .where('id', '=', employee.person.id)
      .execute();
    for (const [i, day] of [addDays(TODAY, -1), TODAY].entries()) {
      const res = await employee.agent.post(
        '/api/v1/me/check-ins',
        { localDate: day, mood: 1, stress: 5, workload: 'heavy', note: MARK_NOTE, tags: [MARK_TAG] },
        { 'idempotency-key': `walk-${i}-${crypto.randomUUID()}` },
      );
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('shows the owner their own (the walk can see a leak)', async () => {
    expect((await employee.agent.get(CSV)).body).toContain(MARK_NOTE);
    expect((await employee.agent.get(JSON_)).body).toContain(MARK_TAG);
    expect((await employee.agent.get(`${INSIGHTS}?days=7`)).json().averages.current.days).toBe(2);
  });

  for (const who of [...ROLES, 'colleague', 'other agency']) {
    it(`gives ${who === 'colleague' ? 'another employee' : who === 'other agency' ? 'an employee of another agency' : `the ${who.replace('_', ' ')}`} nothing of them`, async () => {
      const agent = (walkers.get(who) as SignedIn).agent;
      for (const url of [`${INSIGHTS}?days=7`, CSV, JSON_, `${INSIGHTS}?days=7&personId=${employee.person.id}`]) {
        const res = await agent.get(url);
        // Either refused, or (for someone who is also an employee) their own, empty record.
        expect([200, 401, 403, 404]).toContain(res.statusCode);
        for (const marker of [MARK_NOTE, MARK_TAG, employee.person.id]) expect(res.body).not.toContain(marker);
        if (res.statusCode === 200 && url.startsWith(INSIGHTS)) {
          const view = res.json();
          expect(view.averages.current.days).toBe(0);
          expect(view.series.every((p: { mood: number | null }) => p.mood === null)).toBe(true);
          expect(view.nudges).toEqual([]);
        }
        if (res.statusCode === 200 && url === JSON_) expect(res.json().checkIns).toEqual([]);
      }
    });
  }
});
