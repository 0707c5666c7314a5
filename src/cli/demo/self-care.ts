import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { weekStartOf } from '../../domain/self-care/habit-week.js';
import { addDays, localDateOf, weekdayOf } from '../../domain/schedule/zoned-time.js';
import { newId } from '../../server/crypto.js';
import { insertDemoRows } from './demo-seed.repository.js';
import type { DemoAgency } from './generate.js';
import type { LoadedRefs } from './load-wellbeing.js';
import type { DemoLoadDeps } from './load-demo.js';
import { SeededRandom } from './random.js';

/**
 * The demo accounts' self-care plans and time management (docs/decisions/035-self-care-and-plan.md):
 * four habits ticked over the last eight weeks (with a busy week that slipped), tasks in every
 * quadrant, a planned day for today and the next working days, and three weekly reviews, so each
 * screen has something to show. Words the person would write are sealed like real ones.
 */
const HABITS = [
  {
    area: 'food',
    suggestion: 'water',
    title: null,
    frequency: 'daily',
    times: null,
    weekdays: null,
    reminder: null,
    rate: 0.8,
  },
  {
    area: 'movement',
    suggestion: 'walk',
    title: null,
    frequency: 'weekly',
    times: 3,
    weekdays: null,
    reminder: '16:30',
    rate: 0.45,
  },
  {
    area: 'sleep',
    suggestion: 'same_bedtime',
    title: null,
    frequency: 'daily',
    times: null,
    weekdays: null,
    reminder: '21:30',
    rate: 0.6,
  },
  {
    area: 'boundaries',
    suggestion: null,
    title: 'Tidak membuka grup WhatsApp kantor setelah pukul 19.00',
    frequency: 'weekdays',
    times: null,
    weekdays: '1,2,3,4,5',
    reminder: null,
    rate: 0.7,
  },
] as const;

const TASKS: Array<{ title: string; quadrant: string; dueIn: number | null; doneAgo: number | null }> = [
  { title: 'Menyusun laporan realisasi anggaran triwulan IV', quadrant: 'do', dueIn: 3, doneAgo: null },
  { title: 'Membalas nota dinas Sekretariat Daerah soal data pegawai', quadrant: 'do', dueIn: 1, doneAgo: null },
  { title: 'Menyiapkan bahan paparan rapat evaluasi kinerja', quadrant: 'schedule', dueIn: 9, doneAgo: null },
  { title: 'Mengikuti pelatihan daring manajemen risiko', quadrant: 'schedule', dueIn: 20, doneAgo: null },
  { title: 'Memperbarui SKP dan rencana hasil kerja', quadrant: 'schedule', dueIn: null, doneAgo: 4 },
  { title: 'Merekap daftar hadir apel pagi', quadrant: 'delegate', dueIn: 2, doneAgo: null },
  { title: 'Mengirim undangan rapat koordinasi ke bidang', quadrant: 'delegate', dueIn: null, doneAgo: 2 },
  { title: 'Merapikan folder arsip lama di komputer', quadrant: 'drop', dueIn: null, doneAgo: null },
];

const DAY_BLOCKS = [
  { start: '07:30', end: '08:00', kind: 'buffer', title: 'Membaca pesan dan menyusun urutan kerja' },
  { start: '08:00', end: '10:00', kind: 'focus', title: 'Menyusun laporan realisasi anggaran' },
  { start: '10:00', end: '11:00', kind: 'meeting', title: 'Rapat koordinasi bidang' },
  { start: '11:00', end: '11:15', kind: 'buffer', title: null },
  { start: '13:00', end: '14:30', kind: 'focus', title: 'Bahan paparan evaluasi kinerja' },
  { start: '14:30', end: '14:45', kind: 'buffer', title: null },
];

const REVIEWS = [
  {
    done: 'Laporan kegiatan bulan lalu terkirim. Rapat koordinasi berjalan lancar.',
    slipped: 'Bahan paparan belum mulai karena banyak rapat mendadak.',
    learned: 'Blok fokus pagi hari paling produktif; rapat sebaiknya sesudah pukul 10.',
    top: ['Laporan realisasi anggaran', 'Bahan paparan evaluasi', 'Pulang tepat waktu tiga hari'],
  },
  {
    done: 'SKP diperbarui. Dua hari pulang tepat waktu.',
    slipped: 'Jalan kaki sore hanya sekali.',
    learned: 'Meminta bantuan rekan untuk rekap absensi ternyata menghemat satu jam.',
    top: ['Nota dinas Setda', 'Pelatihan manajemen risiko', 'Jalan kaki tiga kali'],
  },
  {
    done: 'Pekan yang padat: tiga rapat besar selesai.',
    slipped: 'Tidur lewat tengah malam dua kali.',
    learned: 'Perlu jeda 15 menit setelah rapat panjang.',
    top: ['Istirahat cukup', 'Data pegawai untuk Setda'],
  },
];

export async function insertSelfCare(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agencies: DemoAgency[],
  refs: LoadedRefs,
): Promise<void> {
  const random = new SeededRandom(20261203);
  const now = deps.clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  for (const agency of agencies) {
    const today = localDateOf(now, agency.timeZone);
    const monday = weekStartOf(today);
    for (const person of agency.people.filter((p) => p.signIn)) {
      const personId = refs.personId.get(person.key) as string;
      const agencyId = refs.agencyOfPerson.get(person.key) as string;
      const ticks: Array<{ habit_id: string; person_id: string; day: string; created_at: string }> = [];
      for (const h of HABITS) {
        const id = newId();
        await insertDemoRows(db, 'habits', {
          id,
          person_id: personId,
          agency_id: agencyId,
          area: h.area,
          suggestion: h.suggestion,
          title_enc: h.title ? deps.keys.encrypt(h.title) : null,
          frequency: h.frequency,
          times_per_week: h.times,
          weekdays: h.weekdays,
          reminder_time: h.reminder,
          last_reminded_on: null,
          created_at: at(56),
          updated_at: at(56),
          archived_at: null,
        });
        for (let back = 1; back <= 55; back++) {
          const day = addDays(today, -back);
          // A busy week three weeks ago slipped almost entirely: the plan simply carried on.
          const busy = day >= addDays(monday, -21) && day < addDays(monday, -14);
          if (h.weekdays && !h.weekdays.includes(String(weekdayOf(day)))) continue;
          if (random.chance(busy ? 0.1 : h.rate))
            ticks.push({ habit_id: id, person_id: personId, day, created_at: at(back) });
        }
      }
      await insertDemoRows(db, 'habit_ticks', ticks);

      await insertDemoRows(
        db,
        'plan_tasks',
        TASKS.map((task, i) => ({
          id: newId(),
          person_id: personId,
          agency_id: agencyId,
          title_enc: deps.keys.encrypt(task.title),
          quadrant: task.quadrant,
          due_on: task.dueIn === null ? null : addDays(today, task.dueIn),
          done_at: task.doneAgo === null ? null : at(task.doneAgo),
          created_at: at(20 - i),
          updated_at: at(task.doneAgo ?? 20 - i),
        })),
      );

      const days = [0, 1, 2, 3].map((i) => addDays(today, i)).filter((d) => weekdayOf(d) <= 5);
      await insertDemoRows(
        db,
        'plan_blocks',
        days.flatMap((day) =>
          DAY_BLOCKS.map((b) => ({
            id: newId(),
            person_id: personId,
            agency_id: agencyId,
            day,
            start_time: b.start,
            end_time: b.end,
            kind: b.kind,
            title_enc: b.title ? deps.keys.encrypt(b.title) : null,
            created_at: at(1),
          })),
        ),
      );

      await insertDemoRows(
        db,
        'plan_reviews',
        REVIEWS.map((r, i) => ({
          person_id: personId,
          agency_id: agencyId,
          week: addDays(monday, -7 * (i + 1)),
          review_enc: deps.keys.encrypt(JSON.stringify(r)),
          created_at: at(7 * i + 3),
          updated_at: at(7 * i + 3),
        })),
      );
    }
  }
}
