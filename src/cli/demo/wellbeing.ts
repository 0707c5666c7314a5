import type { SafetyPlanContent } from '../../contracts/safety-plan.js';
import { localDateOf } from '../../domain/schedule/zoned-time.js';
import { INSTRUMENTS } from '../../domain/instruments/catalog.js';
import { scoreAnswers } from '../../domain/instruments/scoring.js';
import type { Answer, InstrumentId, ScoreResult } from '../../domain/instruments/types.js';
import type { DemoAgency, DemoPerson } from './generate.js';
import { SeededRandom } from './random.js';
import { generateCheckIns, type DemoCheckIn } from './check-ins.js';

/**
 * Synthetic wellbeing activity for the demo, so the self-check, counsellor and campaign screens
 * have something to show: in Sleman a closed campaign and an open one of the same instruments (so
 * the figures page compares them), an open one in progress in BLSN (small regional offices show
 * suppressed figures), a history for the demo employee, a
 * shared result and an open urgent request. Pure and seeded; dates are relative to `now`.
 * Scores come from the real scorer, so every stored result is exactly what docs/instruments.md gives.
 */
export interface DemoResult {
  personKey: string;
  instrumentId: InstrumentId;
  answers: Answer[];
  result: ScoreResult;
  createdAt: string;
  campaignKey: string | null;
}

export interface DemoCampaign {
  key: string;
  agencyKey: string;
  title: string;
  message: string;
  instrumentIds: InstrumentId[];
  status: 'open' | 'closed';
  /** First and last day of the window, local dates in the agency's zone (as campaigns store them). */
  opensOn: string;
  closesOn: string;
  launchedAt: string;
  closedAt: string | null;
  memberKeys: string[];
}

export interface DemoWellbeing {
  campaigns: DemoCampaign[];
  results: DemoResult[];
  /** The demo employee shares their latest PHQ-9 with the agency's internal counsellor. */
  share: { personKey: string; counsellorKey: string; instrumentId: InstrumentId } | null;
  urgentRequest: { personKey: string; method: 'whatsapp'; createdAt: string } | null;
  /** The demo employee keeps a safety plan, so the crisis screen shows one. */
  safetyPlan: { personKey: string; plan: SafetyPlanContent } | null;
  /** Months of daily check-ins of the demo employee and some colleagues (check-ins.ts). */
  checkIns: DemoCheckIn[];
}

/** A plan as a person might write it after a talk with a counsellor (Stanley & Brown's seven parts). */
const DEMO_SAFETY_PLAN: SafetyPlanContent = {
  warningSigns: [
    'Tidak bisa tidur sampai lewat tengah malam beberapa hari berturut-turut',
    'Mulai menghindari teman kerja dan tidak membalas pesan keluarga',
  ],
  copingStrategies: [
    'Salat dan menenangkan diri sejenak',
    'Latihan napas 4-7-8 selama lima menit',
    'Jalan kaki sore di sekitar rumah',
  ],
  distractions: ['Ke rumah ibu di Kalasan', 'Menonton pertandingan PSS Sleman bersama adik'],
  helpers: [
    { name: 'Mas Anton (suami)', phone: '0812 2750 3318' },
    { name: 'Rina, sahabat sejak SMA', phone: '0857 2900 4411' },
  ],
  professionals: [{ name: 'Psikolog Puskesmas Depok I', phone: '0274 4530 221' }],
  safeEnvironment: ['Obat-obatan disimpan suami, bukan di kamar saya'],
  reasonsForLiving: ['Anak-anak saya, Dimas dan Laras', 'Pasien di Puskesmas yang menunggu saya'],
};

const DAY = 86_400_000;

/** How unwell someone feels, 0 (well) to 1: most people are well, a few are struggling. */
function severity(random: SeededRandom): number {
  const [low, high] = random.weighted<[number, number]>([
    [[0, 0.25], 55],
    [[0.25, 0.45], 25],
    [[0.45, 0.65], 12],
    [[0.65, 0.85], 6],
    [[0.85, 1], 2],
  ]);
  return low + random.next() * (high - low);
}

/** An answer near `level` (0–1 of the way up the item's scale), snapped to a real option. */
function answerNear(random: SeededRandom, values: number[], level: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = Math.min(
    sorted.length - 1,
    Math.max(0, Math.round(level * (sorted.length - 1) + (random.next() - 0.5) * 1.2)),
  );
  return sorted[position] as number;
}

/** Answers for one person at a given severity; item 9 of the PHQ-9 only rarely and only when very low. */
function answersFor(random: SeededRandom, id: InstrumentId, s: number, servesPublic: boolean): Answer[] {
  return INSTRUMENTS[id].items.map((item) => {
    if (item.optionalBlock === 'client' && !servesPublic) return null;
    const values = item.options.map((o) => o.value);
    if (item.crisisAt !== undefined) return s > 0.85 && random.chance(0.3) ? item.crisisAt : Math.min(...values);
    // WHO-5 is worded positively (higher = better) and reversed items point the other way.
    const positive = id === 'who5' || item.reverse === true;
    return answerNear(random, values, positive ? 1 - s : s);
  });
}

function scored(id: InstrumentId, answers: Answer[]): ScoreResult {
  const outcome = scoreAnswers(id, answers);
  if (!outcome.ok) throw new Error(`demo answers for ${id} do not score: ${JSON.stringify(outcome.problems)}`);
  return outcome.result;
}

function at(now: Date, daysAgo: number, random: SeededRandom): string {
  // Working hours, WIB: between 08:00 and 15:00 local (01:00–08:00 UTC).
  const day = new Date(now.getTime() - daysAgo * DAY);
  day.setUTCHours(1 + random.int(0, 6), random.int(0, 59), random.int(0, 59), 0);
  return day.toISOString();
}

function campaignResults(
  random: SeededRandom,
  campaign: DemoCampaign,
  people: DemoPerson[],
  share: number,
  daysAgo: [number, number],
  now: Date,
): DemoResult[] {
  const results: DemoResult[] = [];
  for (const person of people) {
    if (!random.chance(share)) continue;
    const s = severity(random);
    const servesPublic = random.chance(0.6);
    const when = at(now, random.int(daysAgo[1], daysAgo[0]), random);
    for (const id of campaign.instrumentIds) {
      const answers = answersFor(random, id, s, servesPublic);
      results.push({
        personKey: person.key,
        instrumentId: id,
        answers,
        result: scored(id, answers),
        createdAt: when,
        campaignKey: campaign.key,
      });
    }
  }
  return results;
}

/** The wellbeing activity of the two demo agencies (Sleman first, BLSN second). */
export function generateWellbeing(agencies: DemoAgency[], now: Date): DemoWellbeing {
  const random = new SeededRandom(20261122);
  const [sleman, blsn] = agencies;
  if (!sleman || !blsn)
    return { campaigns: [], results: [], share: null, urgentRequest: null, safetyPlan: null, checkIns: [] };
  const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  // Both demo agencies keep their calendar in WIB.
  const day = (daysAgo: number) => localDateOf(new Date(now.getTime() - daysAgo * DAY), 'Asia/Jakarta');

  const past: DemoCampaign = {
    key: 'sleman-q3',
    agencyKey: sleman.key,
    title: 'Skrining Kesejahteraan Pegawai Triwulan III 2026',
    message:
      'Luangkan lima menit untuk memeriksa kondisi Anda. Hasil Anda hanya untuk Anda; instansi hanya melihat ringkasan gabungan.',
    instrumentIds: ['phq9', 'who5'],
    status: 'closed',
    opensOn: day(100),
    closesOn: day(80),
    launchedAt: iso(100),
    closedAt: iso(80),
    memberKeys: sleman.people.map((p) => p.key),
  };
  const slemanNow: DemoCampaign = {
    key: 'sleman-q4',
    agencyKey: sleman.key,
    title: 'Skrining Kesejahteraan Pegawai Triwulan IV 2026',
    message: 'Sudah tiga bulan sejak skrining terakhir. Luangkan lima menit lagi; hasil Anda tetap hanya untuk Anda.',
    instrumentIds: ['phq9', 'who5'],
    status: 'open',
    opensOn: day(8),
    closesOn: day(-10),
    launchedAt: iso(8),
    closedAt: null,
    memberKeys: sleman.people.map((p) => p.key),
  };
  const current: DemoCampaign = {
    key: 'blsn-burnout',
    agencyKey: blsn.key,
    title: 'Cek Kelelahan Kerja Akhir Tahun 2026',
    message: 'Menjelang akhir tahun anggaran beban kerja meningkat. Mari cek tingkat kelelahan dan stres Anda.',
    instrumentIds: ['cbi', 'pss10'],
    status: 'open',
    opensOn: day(6),
    closesOn: day(-12),
    launchedAt: iso(6),
    closedAt: null,
    memberKeys: blsn.people.map((p) => p.key),
  };

  const results = [
    ...campaignResults(random, past, sleman.people, 0.7, [100, 81], now),
    ...campaignResults(random, current, blsn.people, 0.35, [6, 0], now),
    ...campaignResults(random, slemanNow, sleman.people, 0.45, [8, 0], now),
  ];

  // The demo employee's own history: a PHQ-9 and a WHO-5 three times, getting better.
  const employee = sleman.people.find((p) => p.signIn?.label === 'Employee');
  const blsnEmployee = blsn.people.find((p) => p.signIn?.label === 'Employee');
  if (employee) {
    for (const [daysAgo, s] of [
      [120, 0.55],
      [60, 0.35],
      [10, 0.2],
    ] as const) {
      for (const id of ['phq9', 'who5'] as const) {
        const answers = answersFor(random, id, s, true);
        results.push({
          personKey: employee.key,
          instrumentId: id,
          answers,
          result: scored(id, answers),
          createdAt: at(now, daysAgo, random),
          campaignKey: null,
        });
      }
    }
  }
  const counsellor = sleman.people.find((p) => p.signIn?.label === 'Counsellor (internal)');
  const asking = sleman.people.find((p) => !p.signIn && p.roles.length === 0 && p.key !== employee?.key);
  return {
    campaigns: [past, current, slemanNow],
    results,
    share:
      employee && counsellor ? { personKey: employee.key, counsellorKey: counsellor.key, instrumentId: 'phq9' } : null,
    urgentRequest: asking
      ? { personKey: asking.key, method: 'whatsapp', createdAt: new Date(now.getTime() - 3 * 3_600_000).toISOString() }
      : null,
    safetyPlan: employee ? { personKey: employee.key, plan: DEMO_SAFETY_PLAN } : null,
    // The demo employee and a handful of colleagues without roles have months of check-ins.
    checkIns: generateCheckIns(
      [
        ...(employee ? [employee.key] : []),
        ...sleman.people
          .filter((p) => p.key !== employee?.key && !p.signIn && p.roles.length === 0)
          .slice(0, 24)
          .map((p) => p.key),
        // Last, so the others' days stay as they were: the BLSN employee has had a hard fortnight,
        // so their insights show the stepped-care nudges (docs/decisions/036-insights.md).
        ...(blsnEmployee ? [blsnEmployee.key] : []),
      ],
      now,
      undefined,
      new Set(blsnEmployee ? [blsnEmployee.key] : []),
    ),
  };
}
