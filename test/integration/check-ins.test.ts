import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NOTE } from '../../src/contracts/check-ins.js';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { catalogs } from '../../src/i18n/catalog.js';
import { listRoutes, type RegisteredRoute } from '../../src/server/plugins/access-control.js';
import { createUnit } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const URL_ = '/api/v1/me/check-ins';
// The test clock starts at 2026-11-23T02:00Z: Monday 09:00 WIB.
const TODAY = '2026-11-23';
const YESTERDAY = '2026-11-22';
const NOTE = 'Rapat anggaran sampai malam, kepala pusing-catatan-rahasia-41';
const TAG = 'tanda-pribadi-sekali';
const CHECK_IN = {
  localDate: TODAY,
  mood: 2,
  stress: 4,
  energy: 2,
  sleepMinutes: 330,
  sleepQuality: 2,
  activityMinutes: 15,
  workload: 'heavy',
  note: NOTE,
  tags: ['rapat', 'lembur', TAG],
};
const key = () => `ci-${crypto.randomUUID()}`;

describe.skipIf(postgresSkipReason())('daily check-ins: one per local day, the person’s own, encrypted', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  const db = () => t.services.db.db;
  const rows = (personId: string) =>
    db().selectFrom('check_ins').selectAll().where('person_id', '=', personId).orderBy('local_date').execute();

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  it('answers 401 to every check-in route without a session', async () => {
    const anonymous = t.anonymous();
    for (const res of [await anonymous.get(URL_), await anonymous.post(URL_, CHECK_IN)]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('stores a day with its note and tags sealed, and gives it back to its owner', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const empty = await me.agent.get(URL_);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({
      today: TODAY,
      timeZone: 'Asia/Jakarta',
      editableFrom: YESTERDAY,
      from: '2026-11-10',
      to: TODAY,
      items: [],
    });
    const created = await me.agent.post(URL_, CHECK_IN, { 'idempotency-key': key() });
    expect(created.statusCode).toBe(201);
    const now = t.clock.now().toISOString();
    expect(created.json()).toEqual({
      ...CHECK_IN,
      tags: ['rapat', 'lembur', TAG],
      editable: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    expect((await me.agent.get(URL_)).json().items).toEqual([created.json()]);
    const [stored] = await rows(me.person.id);
    expect(stored).toMatchObject({ agency_id: agencyId, local_date: TODAY, mood: 2, workload: 'heavy', version: 1 });
    expect(stored?.details_enc).not.toContain(NOTE);
    expect(stored?.details_enc).not.toContain(TAG);
    expect(stored?.details_enc).not.toContain('rapat');
    expect(JSON.parse(t.services.keys.decrypt(stored?.details_enc as string))).toEqual({
      note: NOTE,
      tags: ['rapat', 'lembur', TAG],
    });
    // Only the mood is needed: the rest may be left out (a hurried day is one tap).
    const quick = await loginAs(t, 'employee', { agencyId, unitId });
    const one = await quick.agent.post(URL_, { localDate: TODAY, mood: 4 });
    expect(one.statusCode).toBe(201);
    expect(one.json()).toMatchObject({ mood: 4, stress: null, note: null, tags: [], workload: null });
    expect((await rows(quick.person.id))[0]?.details_enc).toBeNull();
  });

  it('stores a retried submit once, even when the retry comes after the answer, and keeps the later edit', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const k1 = key();
    // Two copies of one submit at once (a double tap, a client retry racing the first).
    const racing = await Promise.all([
      me.agent.post(URL_, CHECK_IN, { 'idempotency-key': k1 }),
      me.agent.post(URL_, CHECK_IN, { 'idempotency-key': k1 }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(racing.find((r) => r.statusCode === 200)?.headers['idempotent-replayed']).toBe('true');
    t.clock.advance(60_000);
    const retried = await me.agent.post(URL_, CHECK_IN, { 'idempotency-key': k1 });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ version: 1 });
    expect(await rows(me.person.id)).toHaveLength(1);

    const edit = await me.agent.post(
      URL_,
      { ...CHECK_IN, mood: 3, note: null, tags: [] },
      { 'idempotency-key': key() },
    );
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      mood: 3,
      note: null,
      tags: [],
      version: 2,
      updatedAt: t.clock.now().toISOString(),
    });
    const [row] = await rows(me.person.id);
    expect(row).toMatchObject({ mood: 3, version: 2, details_enc: null });
    expect(await rows(me.person.id)).toHaveLength(1);
  });

  it('is changeable on its day and the next, read-only after, and never for a day to come', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    expect((await me.agent.post(URL_, { ...CHECK_IN, localDate: YESTERDAY })).statusCode).toBe(201);
    const closed = await me.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-21' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'check_in_closed', message: catalogs.id.errors.check_in_closed });
    const future = await me.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-24' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'localDate', message: catalogs.id.validation.check_in.future_day }),
    );
    // A day later, yesterday's check-in is read-only, and says so.
    const start = t.clock.now();
    t.clock.advance(24 * 3_600_000);
    try {
      await me.agent.signIn(me.person.email, me.person.password as string, undefined, t.clock.now());
      const list = await me.agent.get(URL_);
      expect(list.json()).toMatchObject({ today: '2026-11-24', editableFrom: TODAY });
      expect(list.json().items).toEqual([expect.objectContaining({ localDate: YESTERDAY, editable: false })]);
      expect((await me.agent.post(URL_, { ...CHECK_IN, localDate: YESTERDAY, mood: 5 })).statusCode).toBe(409);
      expect((await rows(me.person.id))[0]?.mood).toBe(CHECK_IN.mood);
    } finally {
      t.clock.set(start);
    }
  });

  it('counts the day in the unit’s own time zone: WIB, WITA and WIT around midnight', async () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
    const people = new Map<string, SignedIn>();
    for (const zone of zones) {
      const unit = await createUnit(db(), agencyId, unitId, { timeZone: zone });
      people.set(zone, await loginAs(t, 'employee', { agencyId, unitId: unit }));
    }
    const start = t.clock.now();
    // Hours pass between the steps: each person signs in again, as after a night.
    const again = async () => {
      for (const p of people.values())
        await p.agent.signIn(p.person.email, p.person.password as string, undefined, t.clock.now());
    };
    try {
      // 16:30 UTC: 23:30 WIB on the 23rd, 00:30 WITA and 01:30 WIT on the 24th.
      t.clock.set(new Date('2026-11-23T16:30:00.000Z'));
      await again();
      const todayOf = async (zone: string) => (await people.get(zone)?.agent.get(URL_))?.json().today;
      expect(await todayOf('Asia/Jakarta')).toBe('2026-11-23');
      expect(await todayOf('Asia/Makassar')).toBe('2026-11-24');
      expect(await todayOf('Asia/Jayapura')).toBe('2026-11-24');
      const wib = people.get('Asia/Jakarta') as SignedIn;
      expect((await wib.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-24' })).statusCode).toBe(422);
      expect((await wib.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-23' })).statusCode).toBe(201);
      const wit = people.get('Asia/Jayapura') as SignedIn;
      expect((await wit.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-24' })).statusCode).toBe(201);
      // Past midnight WIB the 23rd is "yesterday" there: the same day again replaces it, one row.
      t.clock.set(new Date('2026-11-23T17:30:00.000Z'));
      await again();
      expect((await wib.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-23', mood: 4 })).statusCode).toBe(200);
      expect((await wib.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-24', mood: 4 })).statusCode).toBe(201);
      expect((await rows(wib.person.id)).map((r) => [r.local_date, r.mood])).toEqual([
        ['2026-11-23', 4],
        ['2026-11-24', 4],
      ]);
      // In WIT the 22nd closed at its midnight after next.
      expect((await wit.agent.post(URL_, { ...CHECK_IN, localDate: '2026-11-22' })).statusCode).toBe(409);
    } finally {
      t.clock.set(start);
    }
  });

  it('lists a range oldest first and refuses a range that is backwards or longer than a year', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    await me.agent.post(URL_, { ...CHECK_IN, localDate: YESTERDAY, mood: 1 });
    await me.agent.post(URL_, { ...CHECK_IN, mood: 5 });
    const list = await me.agent.get(`${URL_}?from=${YESTERDAY}&to=${TODAY}`);
    expect(list.json().items.map((i: { mood: number }) => i.mood)).toEqual([1, 5]);
    expect((await me.agent.get(`${URL_}?from=${TODAY}&to=${TODAY}`)).json().items).toHaveLength(1);
    const backwards = await me.agent.get(`${URL_}?from=${TODAY}&to=${YESTERDAY}`);
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.details[0].message).toBe(catalogs.id.validation.check_in.range_order);
    expect((await me.agent.get(`${URL_}?from=2025-01-01&to=${TODAY}`)).statusCode).toBe(422);
    expect((await me.agent.get(`${URL_}?from=kemarin`)).statusCode).toBe(400);
  });

  it('refuses bad input with a localized 400 naming each field, and changes nothing', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    await me.agent.post(URL_, CHECK_IN);
    const before = await rows(me.person.id);
    const bad: Array<[unknown, string, string]> = [
      [{ ...CHECK_IN, mood: 6 }, 'mood', 'number_too_big'],
      [{ ...CHECK_IN, mood: undefined }, 'mood', 'required'],
      [{ ...CHECK_IN, stress: 0 }, 'stress', 'number_too_small'],
      [{ ...CHECK_IN, sleepMinutes: 7.5 }, 'sleepMinutes', 'not_integer'],
      [{ ...CHECK_IN, activityMinutes: 2000 }, 'activityMinutes', 'number_too_big'],
      [{ ...CHECK_IN, workload: 'berat' }, 'workload', 'invalid_option'],
      [{ ...CHECK_IN, note: 'x'.repeat(MAX_NOTE + 1) }, 'note', 'string_too_long'],
      [{ ...CHECK_IN, tags: Array.from({ length: 13 }, (_, i) => `t${i}`) }, 'tags', 'check_in.too_many_tags'],
      [{ ...CHECK_IN, tags: ['  '] }, 'tags.0', 'required'],
      [{ ...CHECK_IN, localDate: '23-11-2026' }, 'localDate', 'invalid_format'],
    ];
    for (const [body, path, code] of bad) {
      const res = await me.agent.post(URL_, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation', message: catalogs.id.errors.validation });
      expect(res.json().error.details).toContainEqual(expect.objectContaining({ path, code }));
    }
    await db().updateTable('people').set({ locale: 'en' }).where('id', '=', me.person.id).execute();
    const english = await me.agent.post(URL_, bad[7]?.[0]);
    expect(english.json().error.details[0].message).toBe(catalogs.en.validation.check_in.too_many_tags);
    expect(await rows(me.person.id)).toEqual(before);
  });

  it('commits many people’s submits together and stores every acknowledged one exactly once', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => loginAs(t, 'employee', { agencyId, unitId })));
    const keys = people.map(() => key());
    const first = await Promise.all(
      people.map((p, i) =>
        p.agent.post(URL_, { ...CHECK_IN, mood: 1 + (i % 5) }, { 'idempotency-key': keys[i] as string }),
      ),
    );
    expect(first.every((r) => r.statusCode === 201)).toBe(true);
    // Every submit again at once, half with its old key (a retry), half with a new one (an edit).
    const second = await Promise.all(
      people.map((p, i) =>
        p.agent.post(
          URL_,
          { ...CHECK_IN, mood: 1 + (i % 5) },
          { 'idempotency-key': i % 2 === 0 ? (keys[i] as string) : key() },
        ),
      ),
    );
    expect(second.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    for (const [i, p] of people.entries()) {
      const stored = await rows(p.person.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ mood: 1 + (i % 5), version: i % 2 === 0 ? 1 : 2 });
    }
  });

  it('answers a failure in the middle of a batch to its own submit alone; the others are stored once', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => loginAs(t, 'employee', { agencyId, unitId })));
    const me = (p: SignedIn) => ({
      id: p.person.id,
      agencyId,
      unitId,
      fullName: 'x',
      locale: 'id' as const,
    });
    const input = { ...CHECK_IN, localDate: TODAY, workload: 'right' as const };
    // The third "person" does not exist: its row breaks the batch's statement (a foreign key).
    const ghost = { ...me(people[0] as SignedIn), id: '00000000-0000-4000-8000-000000000000' };
    const submits = [
      me(people[0] as SignedIn),
      me(people[1] as SignedIn),
      ghost,
      me(people[2] as SignedIn),
      me(people[3] as SignedIn),
    ].map((who, i) =>
      t.services.checkIns.submit(who, { ...input, mood: 1 + i }, `batch-key-${i}-${crypto.randomUUID()}`),
    );
    const settled = await Promise.allSettled(submits);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    for (const [i, p] of [people[0], people[1], people[2], people[3]].entries()) {
      const stored = await rows((p as SignedIn).person.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.mood).toBe(i < 2 ? 1 + i : 2 + i);
    }
    expect(await db().selectFrom('check_ins').select('id').where('person_id', '=', ghost.id).execute()).toHaveLength(0);
  });
});

/** Writes that would end the walker's own session or change its credentials are not walked. */
const isSelfDisruptive = (r: RegisteredRoute) =>
  r.method !== 'GET' && (r.url.startsWith('/api/v1/auth/') || r.url.startsWith('/api/v1/setup'));
const FAKE_ID = '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a';
const ROLES: AssignableRole[] = [
  'manager',
  'wellbeing_admin',
  'agency_admin',
  'counsellor',
  'platform_admin',
  'dpo',
  'clinical_supervisor',
];

describe.skipIf(postgresSkipReason())('no route shows a person’s check-ins to anyone else', () => {
  let t: TestApp;
  let employee: SignedIn;
  let colleague: SignedIn;
  let markers: string[];
  const walkers = new Map<AssignableRole, SignedIn>();

  beforeAll(async () => {
    const built = await createTestAppWithAgency();
    t = built.t;
    for (const role of ROLES)
      walkers.set(role, await loginAs(t, role, { agencyId: built.agencyId, unitId: built.unitId }));
    employee = await loginAs(t, 'employee', { agencyId: built.agencyId, unitId: built.unitId });
    colleague = await loginAs(t, 'employee', { agencyId: built.agencyId, unitId: built.unitId });
    const db = t.services.db.db;
    await db
      .updateTable('people')
      .set({ manager_id: walkers.get('manager')?.person.id })
      .where('id', '=', employee.person.id)
      .execute();
    expect((await employee.agent.post(URL_, CHECK_IN)).statusCode).toBe(201);
    expect((await employee.agent.post(URL_, { ...CHECK_IN, localDate: YESTERDAY })).statusCode).toBe(201);
    const stored = await db.selectFrom('check_ins').selectAll().where('person_id', '=', employee.person.id).execute();
    markers = [NOTE, TAG, ...stored.map((s) => s.id), ...stored.map((s) => s.details_enc as string)];
  });
  afterAll(async () => t.close());

  /** The employee's id in every path parameter and in every body field that may name a person or row. */
  function urlFor(route: RegisteredRoute): string {
    return route.url
      .replace(/:token/g, 'tLq9cX2vB7nM4kR8wZ1pA6sD3fG5hJ0yQeUiOoTrEwY')
      .replace(/:kind/g, 'people')
      .replace(/:instrumentId/g, 'phq9')
      .replace(/\/sessions\/:id/g, '/sessions/0123456789abcdef')
      .replace(/:[A-Za-z]+/g, route.method === 'GET' ? employee.person.id : FAKE_ID);
  }
  const bodyFor = () => ({
    personId: employee.person.id,
    ownerId: employee.person.id,
    id: employee.person.id,
    localDate: TODAY,
    mood: 5,
  });

  it('finds the markers in the owner’s own answer (the walk can see a leak)', async () => {
    const own = await employee.agent.get(URL_);
    expect([NOTE, TAG].filter((m) => own.body.includes(m))).toEqual([NOTE, TAG]);
  });

  for (const who of [...ROLES, 'colleague'] as const) {
    it(`leaks nothing to ${who === 'colleague' ? 'another employee' : `the ${who.replace('_', ' ')}`} through any route`, async () => {
      const agent = who === 'colleague' ? colleague.agent : (walkers.get(who) as SignedIn).agent;
      const routes = listRoutes(t.app).filter((r) => !isSelfDisruptive(r));
      expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
        expect.arrayContaining([`GET ${URL_}`, `POST ${URL_}`]),
      );
      const leaks: string[] = [];
      let answered = 0;
      for (const route of routes) {
        const res = await agent.request(
          route.method as 'GET',
          urlFor(route),
          route.method === 'GET' || route.method === 'DELETE' ? undefined : bodyFor(),
        );
        if (res.statusCode < 300) answered++;
        const found = markers.filter((m) => res.body.includes(m));
        if (found.length > 0)
          leaks.push(
            `${route.method} ${route.url} → ${res.statusCode} contains ${found.map((f) => f.slice(0, 30)).join(', ')}`,
          );
      }
      expect(leaks).toEqual([]);
      expect(answered).toBeGreaterThan(5);
      // Their own check-in list holds only their own days (the walk's POST wrote their own, never the employee's).
      const own = await agent.get(`${URL_}?from=${YESTERDAY}&to=${TODAY}`);
      expect(own.statusCode).toBe(200);
      for (const m of markers) expect(own.body).not.toContain(m);
    });
  }

  it('left the employee’s check-ins untouched', async () => {
    const own = (await employee.agent.get(URL_)).json().items;
    expect(own.map((i: { mood: number; note: string }) => [i.mood, i.note])).toEqual([
      [CHECK_IN.mood, NOTE],
      [CHECK_IN.mood, NOTE],
    ]);
  });
});
