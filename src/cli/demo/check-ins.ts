import type { Workload } from '../../contracts/check-ins.js';
import { addDays, localDateOf, weekdayOf } from '../../domain/schedule/zoned-time.js';
import { SeededRandom } from './random.js';

/** One generated day of one demo person (docs/demo.md, "Check-ins"). */
export interface DemoCheckIn {
  personKey: string;
  localDate: string;
  mood: number;
  stress: number;
  energy: number;
  sleepMinutes: number;
  sleepQuality: number;
  activityMinutes: number;
  workload: Workload;
  note: string | null;
  tags: string[];
}

/** About four months. */
export const DEMO_CHECK_IN_DAYS = 120;

const NOTES_HEAVY = [
  'Rapat evaluasi anggaran sampai sore, pulang terlambat.',
  'Laporan akhir bulan belum selesai, kepala agak pusing.',
  'Target SKP kuartal ini terasa berat. Perlu bicara dengan atasan soal prioritas.',
  'Lembur lagi. Besok coba tidur lebih awal.',
];
const NOTES_LIGHT = [
  'Sempat jalan pagi bersama anak-anak. Rasanya lebih segar.',
  'Hari yang tenang, pekerjaan selesai tepat waktu.',
  'Makan siang bersama teman satu bidang, banyak tertawa.',
  'Ke rumah ibu di Kalasan. Senang bisa berkumpul.',
];
const NOTES_OTHER = ['Perjalanan dinas ke Jakarta, capek di jalan.', 'Kurang enak badan, minum obat dan istirahat.'];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/**
 * Months of believable check-ins for the demo's people, up to yesterday (today is left for the
 * visitor to fill in): weekends lighter and often skipped, Mondays a little heavier, the last days
 * of each month and the end of the quarter heavy with targets and overtime, a few days unwell or
 * travelling, a run of missed days now and then, and a private note on some days. Deterministic
 * for a given seed, so every demo install shows the same weeks.
 *
 * The `strained` people have had a hard last two weeks (mostly low mood, heavy and stressful
 * work), so their insights page shows the gentle nudges (docs/decisions/036-insights.md). Their
 * days draw the same random numbers as anyone's, so the others' days do not move.
 */
export function generateCheckIns(
  personKeys: readonly string[],
  now: Date,
  seed = 20261203,
  strained: ReadonlySet<string> = new Set(),
): DemoCheckIn[] {
  const random = new SeededRandom(seed);
  const today = localDateOf(now, 'Asia/Jakarta');
  const out: DemoCheckIn[] = [];
  for (const personKey of personKeys) {
    const baseline = random.next() - 0.5;
    const diligence = 0.7 + random.next() * 0.25;
    let skipRun = 0;
    for (let back = DEMO_CHECK_IN_DAYS; back >= 1; back--) {
      const day = addDays(today, -back);
      const weekday = weekdayOf(day);
      const weekend = weekday >= 6;
      const dayOfMonth = Number(day.slice(8, 10));
      const month = Number(day.slice(5, 7));
      const deadline = !weekend && (dayOfMonth >= 24 || (month % 3 === 0 && dayOfMonth >= 15)) ? 1 : 0;
      if (skipRun > 0) {
        skipRun--;
        continue;
      }
      if (random.next() < 0.02) {
        skipRun = random.int(2, 4); // a few days away from the app
        continue;
      }
      if (random.next() > (weekend ? diligence - 0.35 : diligence)) continue;

      const sick = random.next() < 0.03;
      const travel = !weekend && !sick && random.next() < 0.04;
      const noise = () => (random.next() - 0.5) * 1.4;
      const sleepMinutes =
        clamp((400 + (weekend ? 50 : 0) - deadline * 45 - (travel ? 40 : 0) + noise() * 40) / 15, 16, 40) * 15;
      const rested = (sleepMinutes - 390) / 60;
      const mood = clamp(
        3.4 +
          baseline +
          (weekend ? 0.5 : 0) -
          deadline * 0.9 -
          (weekday === 1 ? 0.3 : 0) -
          (sick ? 1 : 0) +
          rested * 0.3 +
          noise(),
        1,
        5,
      );
      const stress = clamp(
        2.5 - baseline + deadline * 1.3 - (weekend ? 1 : 0) + (weekday === 1 ? 0.4 : 0) + noise(),
        1,
        5,
      );
      const energy = clamp(3 + rested * 0.6 - (sick ? 1.5 : 0) - deadline * 0.4 + noise(), 1, 5);
      const sleepQuality = clamp(3 + rested * 0.7 - deadline * 0.4 + noise(), 1, 5);
      const exercise = random.next() < (weekend ? 0.55 : 0.3);
      const activityMinutes = exercise ? random.int(3, 12) * 5 : random.int(0, 3) * 5;
      const workload: Workload = weekend
        ? 'light'
        : deadline || stress >= 4
          ? 'heavy'
          : random.next() < 0.15
            ? 'light'
            : 'right';
      const tags: string[] = [];
      if (!weekend && (deadline || random.next() < 0.35)) tags.push('rapat');
      if (deadline) tags.push('target');
      if (deadline && random.next() < 0.6) tags.push('lembur');
      if (weekend && random.next() < 0.6) tags.push('keluarga');
      if (weekend) tags.push('libur');
      if (exercise) tags.push('olahraga');
      if (sick) tags.push('sakit');
      if (travel) tags.push('perjalanan_dinas');
      if (random.next() < 0.03) tags.push('laporan kinerja');
      const note =
        random.next() < 0.15
          ? sick || travel
            ? (NOTES_OTHER[sick ? 1 : 0] as string)
            : mood <= 2 || deadline
              ? (NOTES_HEAVY[random.int(0, NOTES_HEAVY.length - 1)] as string)
              : (NOTES_LIGHT[random.int(0, NOTES_LIGHT.length - 1)] as string)
          : null;
      const hard = strained.has(personKey) && back <= 14;
      out.push({
        personKey,
        localDate: day,
        mood: hard ? (back % 4 === 0 ? 3 : 2) : mood,
        stress: hard ? Math.max(stress, 4) : stress,
        energy,
        sleepMinutes,
        sleepQuality,
        activityMinutes,
        workload: hard ? 'heavy' : workload,
        note,
        tags,
      });
    }
  }
  return out;
}
