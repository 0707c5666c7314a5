/**
 * Free-slots benchmark (docs/benchmarks.md, "Free slots"): an agency of 2,000 people with 50
 * counsellors, each with weekday opening hours (08:00–12:00 and 13:00–16:00 in their unit's zone:
 * WIB, WITA or WIT), a week of leave for one in five, and a year of appointments — the past year's
 * (completed or cancelled) and about half of every counsellor's slots of the coming month booked.
 * Times, as the employee's counsellor list asks it (a month of free slots for every counsellor, to
 * show each one's first opening):
 *
 *  (a) a bare baseline: one indexed query of the same booked rows (the month's booked appointments
 *      of those 50 counsellors), nothing computed;
 *  (b) BookingService.counsellors(): the bookable counsellors, their rules, leave, bookings and the
 *      agency's days off, and each one's first free slot of the month (a week ahead first, the rest
 *      of the month only for those with none) — a fixed number of queries, none per counsellor (the
 *      statements are counted).
 *
 * Goal: (b) under 50 ms on both databases. Medians over RUNS × VIEWS.
 *
 *   npx tsx bench/free-slots.ts                 # SQLite, then PostgreSQL (DATABASE_URL or a throw-away cluster)
 *   npx tsx bench/free-slots.ts --sqlite-only
 */
import { ManualClock } from '../src/server/clock.js';
import { newId } from '../src/server/crypto.js';
import { freeSlots } from '../src/domain/booking/slots.js';
import { addDays } from '../src/domain/schedule/zoned-time.js';
import {
  BENCH_START,
  benchApp,
  bulkInsert,
  medianOf,
  ms,
  runBenchmark,
  seedOrganisation,
  type BenchDatabase,
} from './support.js';

const PEOPLE = 2_000;
const COUNSELLORS = 50;
const VIEWS = Number(process.env.BENCH_VIEWS ?? 20);
const TODAY = '2026-11-23';
const RULES = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '08:00', end: '12:00', modes: ['in_person', 'video'] as ('in_person' | 'video')[] },
  { weekday, start: '13:00', end: '16:00', modes: ['video', 'phone'] as ('video' | 'phone')[] },
]);

async function seed(bench: BenchDatabase) {
  const db = bench.handle.db;
  const org = await seedOrganisation(db, PEOPLE);
  const zoneOf = new Map(org.units.map((u) => [u.id, u.timeZone]));
  const now = BENCH_START.toISOString();
  const counsellors = org.people.slice(0, COUNSELLORS);
  const clients = org.people.slice(COUNSELLORS);
  await bulkInsert(
    db,
    'role_assignments',
    counsellors.map((c) => ({
      id: newId(),
      agency_id: org.agencyId,
      person_id: c.id,
      role: 'counsellor',
      unit_id: null,
      granted_by: null,
      granted_at: now,
    })),
  );
  await bulkInsert(
    db,
    'counsellor_profiles',
    counsellors.map((c, i) => ({
      person_id: c.id,
      agency_id: org.agencyId,
      kind: ['konselor', 'psikolog_klinis', 'psikiater', 'dokter'][i % 4],
      languages: 'id',
      modes: 'in_person,video,phone',
      locations: '["Klinik"]',
      introduction: 'Bench',
      provider: null,
      slot_minutes: 50,
      active: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  await bulkInsert(
    db,
    'counsellor_availability',
    counsellors.flatMap((c) =>
      RULES.map((r) => ({
        id: newId(),
        counsellor_id: c.id,
        agency_id: org.agencyId,
        weekday: r.weekday,
        start_time: r.start,
        end_time: r.end,
        modes: r.modes.join(','),
      })),
    ),
  );
  await bulkInsert(
    db,
    'counsellor_exceptions',
    counsellors
      .filter((_, i) => i % 5 === 0)
      .map((c, i) => ({
        id: newId(),
        counsellor_id: c.id,
        agency_id: org.agencyId,
        starts_on: addDays(TODAY, 7 + i),
        ends_on: addDays(TODAY, 11 + i),
        kind: 'leave',
        created_at: now,
      })),
  );
  // Every slot of the past year and the coming month, by the same rules; the past ones completed or
  // cancelled, about half of the coming month's booked.
  const appointments: Record<string, unknown>[] = [];
  let n = 0;
  for (const c of counsellors) {
    const timeZone = zoneOf.get(c.unitId) ?? 'Asia/Jakarta';
    const slots = freeSlots({
      rules: RULES,
      exceptions: [],
      booked: [],
      timeZone,
      slotMinutes: 50,
      from: addDays(TODAY, -365),
      days: 365 + 31,
      now: new Date(0),
    });
    for (const s of slots) {
      n++;
      const future = s.start.getTime() > BENCH_START.getTime();
      if (!future && n % 3 !== 0) continue; // a third of past slots were used
      if (future && n % 2 === 0) continue;
      appointments.push({
        id: newId(),
        agency_id: org.agencyId,
        counsellor_id: c.id,
        client_id: (clients[n % clients.length] as { id: string }).id,
        start_utc: s.start.toISOString(),
        end_utc: s.end.toISOString(),
        mode: 'video',
        status: future ? 'booked' : n % 7 === 0 ? 'cancelled' : 'completed',
        reason_enc: null,
        reminders: '',
        reminded_day_before_at: null,
        reminded_hour_before_at: null,
        confirmed_at: null,
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason_enc: null,
        client_key: newId(),
        created_at: now,
        updated_at: now,
      });
    }
  }
  await bulkInsert(db, 'appointments', appointments);
  return { org, counsellors, clients, appointments: appointments.length };
}

runBenchmark(`Free slots: a month for ${COUNSELLORS} counsellors`, async (label, withDatabase) => {
  await withDatabase(async (bench) => {
    const clock = new ManualClock(BENCH_START);
    const built = await benchApp(bench.handle, clock);
    try {
      const { org, counsellors, clients, appointments } = await seed(bench);
      const client = clients[0] as { id: string; unitId: string };
      const me = {
        id: client.id,
        agencyId: org.agencyId,
        unitId: client.unitId,
        fullName: 'Bench',
        locale: 'id' as const,
      };
      const ids = counsellors.map((c) => c.id);
      const from = new Date(BENCH_START.getTime() - 86_400_000).toISOString();
      const to = new Date(BENCH_START.getTime() + 33 * 86_400_000).toISOString();
      const baseline = () =>
        bench.handle.db
          .selectFrom('appointments')
          .select(['counsellor_id', 'start_utc', 'end_utc'])
          .where('agency_id', '=', org.agencyId)
          .where('counsellor_id', 'in', ids)
          .where('status', '=', 'booked')
          .where('start_utc', '<', to)
          .where('end_utc', '>', from)
          .execute();
      const service = () => built.services.booking.counsellors(me, {});
      await baseline();
      await service();
      const { value: rows, median: bare } = await medianOf(VIEWS, baseline);
      const { value: list, median: real } = await medianOf(VIEWS, service);
      const { queries } = await bench.recorder.record(service);
      const free = list.items.filter((c) => c.nextFree !== null).length;
      console.log(`\n${label}: ${appointments} appointments, ${rows.length} booked in the month`);
      console.log(`  (a) bare: one indexed query of the month's booked rows   ${ms(bare)}`);
      console.log(
        `  (b) counsellor list: first opening within the month of all ${list.items.length} (${free} with an opening)  ${ms(real)}  (${queries.length} statements)`,
      );
      if (real > 50) console.log('  !! over the 50 ms goal');
    } finally {
      await built.app.close();
    }
  });
});
