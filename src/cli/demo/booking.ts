import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { COUNSELLOR_KINDS, freeSlots, type AvailabilityRule } from '../../domain/booking/slots.js';
import { addDays, localDateOf } from '../../domain/schedule/zoned-time.js';
import { newId } from '../../server/crypto.js';
import { insertDemoRows } from './demo-seed.repository.js';
import type { DemoAgency } from './generate.js';
import type { DemoLoadDeps } from './load-demo.js';
import type { LoadedRefs } from './load-wellbeing.js';
import { SeededRandom } from './random.js';

/**
 * The demo counsellors' profiles, weekly opening hours, a leave next month, and a week of bookings
 * with demo employees each side of today (docs/decisions/040-booking.md), so the booking page, "Jadwal
 * saya" and the counsellor's list all have something to show. The reasons clients write are sealed
 * like real ones. The documented employee (the first who signs in without a role) has one booking.
 * Each counsellor also took up one request for help two days ago and scheduled its first session
 * from the urgent queue (docs/decisions/043-counsellor-workspace.md), and a few clients cancelled.
 */
const RULES: AvailabilityRule[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '08:00', end: '12:00', modes: ['in_person', 'video'] },
  { weekday, start: '13:00', end: '15:00', modes: ['video', 'phone'] },
]);

const INTRODUCTIONS = [
  'Saya mendampingi rekan-rekan ASN yang sedang menghadapi stres kerja, kelelahan, atau masa transisi. Kita bicara dengan tenang dan tanpa menghakimi.',
  'Psikolog klinis. Saya terbiasa membantu soal kecemasan, sulit tidur, dan hubungan kerja yang melelahkan.',
];

const REASONS = [
  'Akhir-akhir ini sulit tidur dan mudah cemas menjelang tenggat laporan.',
  'Ingin membicarakan beban kerja sejak pindah bidang.',
  'Merasa lelah terus, ingin tahu harus mulai dari mana.',
  null,
];

export async function insertBookings(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agencies: DemoAgency[],
  refs: LoadedRefs,
): Promise<void> {
  const random = new SeededRandom(20261204);
  const now = deps.clock.now();
  const iso = now.toISOString();
  for (const agency of agencies) {
    const counsellors = agency.people.filter((p) => p.roles.some((r) => r.role === 'counsellor'));
    const employees = agency.people.filter((p) => p.roles.length === 0);
    const documented = employees.find((p) => p.signIn);
    const clients = [...(documented ? [documented] : []), ...employees.filter((p) => p !== documented)];
    if (clients.length === 0) continue;
    const today = localDateOf(now, agency.timeZone);
    let next = 0;
    for (const [index, c] of counsellors.entries()) {
      const counsellorId = refs.personId.get(c.key) as string;
      const agencyId = refs.agencyOfPerson.get(c.key) as string;
      await insertDemoRows(db, 'counsellor_profiles', {
        person_id: counsellorId,
        agency_id: agencyId,
        kind: index % 2 === 0 ? 'psikolog_klinis' : COUNSELLOR_KINDS[0],
        languages: index % 2 === 0 ? 'id,jv' : 'id,en',
        modes: 'in_person,video,phone',
        locations: JSON.stringify(['Ruang Konseling, Gedung Setda Lt. 2']),
        introduction: INTRODUCTIONS[index % INTRODUCTIONS.length] as string,
        provider: null,
        slot_minutes: 50,
        active: 1,
        created_at: iso,
        updated_at: iso,
      });
      await insertDemoRows(
        db,
        'counsellor_availability',
        RULES.map((r) => ({
          id: newId(),
          counsellor_id: counsellorId,
          agency_id: agencyId,
          weekday: r.weekday,
          start_time: r.start,
          end_time: r.end,
          modes: r.modes.join(','),
        })),
      );
      await insertDemoRows(db, 'counsellor_exceptions', {
        id: newId(),
        counsellor_id: counsellorId,
        agency_id: agencyId,
        starts_on: addDays(today, 21 + index),
        ends_on: addDays(today, 23 + index),
        kind: 'leave',
        created_at: iso,
      });
      // A week back (held) and a week ahead (booked): about one slot in three.
      const slots = freeSlots({
        rules: RULES,
        exceptions: [],
        booked: [],
        timeZone: agency.timeZone,
        slotMinutes: 50,
        from: addDays(today, -7),
        days: 15,
        now: new Date(0),
      });
      const rows = [];
      // The slot of the first session from a request for help: the third free slot from tomorrow on.
      const firstSession = slots.filter((x) => x.start.getTime() > now.getTime() + 24 * 3_600_000)[2];
      const helped = clients[(2 + index) % clients.length];
      for (const [i, s] of slots.entries()) {
        if (s === firstSession) continue;
        const first =
          documented && index === 0 && i === slots.findIndex((x) => x.start.getTime() > now.getTime() + 26 * 3_600_000);
        if (!first && !random.chance(0.3)) continue;
        const past = s.end.getTime() < now.getTime();
        const client =
          first && documented ? documented : (clients[1 + (next++ % Math.max(1, clients.length - 1))] ?? clients[0]);
        if (!client) continue;
        const reason = REASONS[i % REASONS.length] ?? null;
        const cancelled = !past && !first && random.chance(0.1);
        rows.push({
          id: newId(),
          agency_id: agencyId,
          counsellor_id: counsellorId,
          client_id: refs.personId.get(client.key) as string,
          start_utc: s.start.toISOString(),
          end_utc: s.end.toISOString(),
          mode: (s.modes[i % s.modes.length] ?? 'video') as string,
          status: past ? (random.chance(0.9) ? 'completed' : 'no_show') : cancelled ? 'cancelled' : 'booked',
          reason_enc: reason ? deps.keys.encrypt(reason) : null,
          reminders: 'day_before,hour_before',
          reminded_day_before_at: past ? s.start.toISOString() : null,
          reminded_hour_before_at: past ? s.start.toISOString() : null,
          confirmed_at: past || random.chance(0.5) ? iso : null,
          cancelled_at: cancelled ? iso : null,
          cancelled_by: cancelled ? 'client' : null,
          cancel_reason_enc: null,
          client_key: newId(),
          created_at: iso,
          updated_at: iso,
          crisis_request_id: null as string | null,
        });
      }
      if (firstSession && helped) {
        const requestId = newId();
        const asked = new Date(now.getTime() - 2 * 86_400_000);
        const reached = new Date(asked.getTime() + (25 + 20 * index) * 60_000).toISOString();
        const clientId = refs.personId.get(helped.key) as string;
        await insertDemoRows(db, 'crisis_requests', {
          id: requestId,
          agency_id: agencyId,
          person_id: clientId,
          unit_id: refs.unitOfPerson.get(helped.key) as string,
          source: 'help_button',
          result_id: null,
          contact_method: 'phone',
          contact_enc: deps.keys.encrypt('+62 812 2700 4411'),
          preferred_time: 'Pagi sebelum apel',
          note_enc: deps.keys.encrypt('Beberapa minggu ini berat sekali. Saya ingin bicara dengan seseorang.'),
          status: 'acknowledged',
          submission_key: `demo-${newId()}`,
          created_at: asked.toISOString(),
          acknowledged_by: counsellorId,
          acknowledged_at: reached,
          closed_at: null,
          first_contact_at: reached,
        });
        rows.push({
          id: newId(),
          agency_id: agencyId,
          counsellor_id: counsellorId,
          client_id: clientId,
          start_utc: firstSession.start.toISOString(),
          end_utc: firstSession.end.toISOString(),
          mode: 'phone',
          status: 'booked',
          reason_enc: null,
          reminders: 'day_before',
          reminded_day_before_at: null,
          reminded_hour_before_at: null,
          confirmed_at: reached,
          cancelled_at: null,
          cancelled_by: null,
          cancel_reason_enc: null,
          client_key: `crisis-${requestId}`,
          created_at: reached,
          updated_at: reached,
          crisis_request_id: requestId,
        });
      }
      if (rows.length > 0) await insertDemoRows(db, 'appointments', rows);
    }
  }
}
