import type { Actor } from '../../domain/access/permissions.js';
import type { AuditOrigin } from '../../server/modules/audit/index.js';
import type { SurveyActionsModule } from '../../server/modules/survey-actions/index.js';
import { demoClosedWaves } from './demo-seed.repository.js';

/**
 * The demo's published results (docs/decisions/051-survey-publication-and-actions.md), through the
 * survey-actions module like a real admin: both pulse waves of each agency are shared with their
 * staff — every served theme figure, as chosen by default. June's three actions are entered when
 * it closes, so that November asks whether they helped (docs/surveys.md#the-loop); November has
 * four actions in different states, some with progress notes. Publishing needs the waves'
 * results computed (the closing's jobs run first).
 */
const SUMMARY =
  'Terima kasih kepada semua yang sudah menjawab. Dibanding Juni, dukungan atasan dan rekan membaik, ' +
  'tetapi beban kerja dan waktu istirahat masih menjadi keluhan utama, terutama di unit layanan. ' +
  'Berikut angka per tema dan langkah yang kami sepakati.';

interface DemoAction {
  theme: string;
  title: string;
  description: string;
  owner: string;
  dueOn: string;
  budget: number | null;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  /** Dated days before the demo is loaded, so that no note is ahead of its clock. */
  notes: Array<{ daysAgo: number; text: string }>;
}

/** Decided after the June wave and asked about in November ("did it help?", docs/surveys.md#the-loop). */
const JUNE_ACTIONS: readonly DemoAction[] = [
  {
    theme: 'workload',
    title: 'Rapat koordinasi selesai sebelum pukul 16.00',
    description:
      'Rapat rutin dijadwalkan pagi atau siang; rapat mendadak sesudah jam kerja perlu persetujuan sekretaris.',
    owner: 'Sekretaris',
    dueOn: '2026-08-31',
    budget: null,
    status: 'done',
    notes: [
      { daysAgo: 140, text: 'Edaran jadwal rapat sudah ditandatangani dan dikirim ke semua bidang.' },
      { daysAgo: 100, text: 'Sebulan berjalan: dua rapat sore, keduanya dengan persetujuan.' },
    ],
  },
  {
    theme: 'rest',
    title: 'Kesepakatan jam membalas pesan kerja',
    description:
      'Pesan grup kerja di luar jam kerja tidak wajib dibalas sampai hari kerja berikutnya, kecuali keadaan darurat.',
    owner: 'Kepala Subbagian Umum dan Kepegawaian',
    dueOn: '2026-07-31',
    budget: null,
    status: 'done',
    notes: [{ daysAgo: 130, text: 'Kesepakatan diumumkan dalam apel pagi dan dipasang di grup kerja.' }],
  },
  {
    theme: 'support',
    title: 'Atasan menyapa timnya setiap pekan',
    description: 'Lima belas menit tiap Senin untuk menanyakan beban dan hambatan, tanpa membahas kinerja.',
    owner: 'Para kepala bidang',
    dueOn: '2027-01-31',
    budget: null,
    status: 'in_progress',
    notes: [{ daysAgo: 60, text: 'Sudah berjalan di empat dari enam bidang.' }],
  },
];

/** Decided after the November wave. */
const NOVEMBER_ACTIONS: readonly DemoAction[] = [
  {
    theme: 'workload',
    title: 'Pemetaan ulang pembagian tugas di unit layanan',
    description: 'Setiap unit layanan menyusun ulang pembagian tugas bersama stafnya, dimulai dari yang paling padat.',
    owner: 'Kepala Subbagian Umum dan Kepegawaian',
    dueOn: '2027-02-28',
    budget: null,
    status: 'in_progress',
    notes: [
      { daysAgo: 9, text: 'Lokakarya pertama di Bidang Pelayanan: daftar tugas rutin dan musiman sudah terkumpul.' },
      { daysAgo: 2, text: 'Dua bidang berikutnya dijadwalkan pekan depan.' },
    ],
  },
  {
    theme: 'rest',
    title: 'Ruang istirahat di setiap gedung',
    description: 'Satu ruang tenang dengan kursi dan air minum di setiap gedung kantor.',
    owner: 'Subbagian Umum dan Kepegawaian',
    dueOn: '2026-12-15',
    budget: 7_500_000,
    status: 'done',
    notes: [{ daysAgo: 4, text: 'Ruang di gedung utama dan gedung B sudah dibuka.' }],
  },
  {
    theme: 'support',
    title: 'Pelatihan atasan: percakapan dukungan',
    description:
      'Pelatihan setengah hari untuk semua pejabat pengawas tentang mengenali tanda kelelahan dan merujuk ke konselor.',
    owner: 'Subbagian Umum dan Kepegawaian',
    dueOn: '2027-03-31',
    budget: 12_500_000,
    status: 'planned',
    notes: [],
  },
  {
    theme: 'energy',
    title: 'Senam pagi bersama setiap Jumat',
    description: 'Diganti dengan jalan sehat bulanan setelah masukan pegawai.',
    owner: 'Sekretaris',
    dueOn: '2026-12-31',
    budget: 2_000_000,
    status: 'cancelled',
    notes: [{ daysAgo: 7, text: 'Dibatalkan: bentrok dengan pelayanan pagi di puskesmas.' }],
  },
];

const JUNE_SUMMARY =
  'Terima kasih atas jawaban Anda. Beban kerja, rapat di luar jam kerja dan pesan kerja pada malam hari ' +
  'paling sering dikeluhkan. Berikut angka per tema dan tiga langkah yang kami sepakati; pada survei ' +
  'November kami akan menanyakan apakah langkah itu membantu.';

type Deps = { clock: { now(): Date } };

/** The wave's actions through the module, as an admin would enter them, with their progress notes. */
async function insertActions(
  deps: Deps,
  module: SurveyActionsModule,
  wave: DemoWave,
  actions: readonly DemoAction[],
): Promise<void> {
  const { actor, origin } = adminOf(wave);
  for (const a of actions) {
    const created = await module.actions.create(
      actor,
      wave.id,
      {
        nodeId: 'survey-total',
        themeId: a.theme,
        title: a.title,
        description: a.description,
        owner: a.owner,
        dueOn: a.dueOn,
        budget: a.budget,
        status: a.status,
        published: true,
      },
      origin,
    );
    for (const note of a.notes) {
      const notedOn = new Date(deps.clock.now().getTime() - note.daysAgo * 86_400_000).toISOString().slice(0, 10);
      await module.actions.addNote(actor, created.id, { notedOn, text: note.text }, origin);
    }
  }
}

/** The June wave's actions, entered once it closed, before the November wave is written. */
export function insertJuneActions(deps: Deps, module: SurveyActionsModule, wave: DemoWave): Promise<void> {
  return insertActions(deps, module, wave, JUNE_ACTIONS);
}

async function publish(module: SurveyActionsModule, wave: DemoWave, summary: string): Promise<void> {
  const { actor, origin } = adminOf(wave);
  const draft = await module.publications.adminView(actor, wave.id);
  await module.publications.save(actor, wave.id, { summary, figures: draft.selected }, origin);
  await module.publications.publish(actor, wave.id, origin);
}

/**
 * Both pulse waves published — June with its actions, November with the follow-up of June's and
 * its own four actions — once the closings' jobs have computed their results.
 */
export async function insertDemoPublications(
  deps: { db: Parameters<typeof demoClosedWaves>[0] } & Deps,
  module: SurveyActionsModule,
): Promise<number> {
  let published = 0;
  for (const wave of await demoClosedWaves(deps.db, 'Survei Pulse Juni 2026')) {
    await publish(module, wave, JUNE_SUMMARY);
    published += 1;
  }
  for (const wave of await demoClosedWaves(deps.db, 'Survei Pulse November 2026')) {
    await publish(module, wave, SUMMARY);
    await insertActions(deps, module, wave, NOVEMBER_ACTIONS);
    published += 1;
  }
  return published;
}

interface DemoWave {
  id: string;
  agency_id: string;
  created_by: string;
}

function adminOf(wave: DemoWave): { actor: Actor; origin: AuditOrigin } {
  return {
    actor: { personId: wave.created_by, agencyId: wave.agency_id, grants: [{ role: 'wellbeing_admin', unitId: null }] },
    origin: { agencyId: wave.agency_id, actorId: wave.created_by, actorRole: 'wellbeing_admin', requestId: null },
  };
}
