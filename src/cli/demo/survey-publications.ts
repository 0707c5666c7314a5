import type { Actor } from '../../domain/access/permissions.js';
import type { AuditOrigin } from '../../server/modules/audit/index.js';
import type { SurveyActionsModule } from '../../server/modules/survey-actions/index.js';
import { demoClosedWaves } from './demo-seed.repository.js';

/**
 * The demo's published results (docs/decisions/051-survey-publication-and-actions.md), through the
 * survey-actions module like a real admin: the November pulse of each agency is shared with its
 * staff — every served theme figure, as chosen by default — with four actions in different
 * states, some with progress notes. Needs the waves' results computed (the closing's jobs run first).
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

const ACTIONS: readonly DemoAction[] = [
  {
    theme: 'workload',
    title: 'Rapat koordinasi selesai sebelum pukul 16.00',
    description:
      'Rapat rutin dijadwalkan pagi atau siang; rapat mendadak sesudah jam kerja perlu persetujuan sekretaris.',
    owner: 'Sekretaris',
    dueOn: '2027-01-31',
    budget: null,
    status: 'in_progress',
    notes: [
      { daysAgo: 9, text: 'Edaran jadwal rapat sudah ditandatangani dan dikirim ke semua bidang.' },
      { daysAgo: 2, text: 'Dua minggu pertama: satu rapat sore, dengan persetujuan.' },
    ],
  },
  {
    theme: 'rest',
    title: 'Kesepakatan jam membalas pesan kerja',
    description:
      'Pesan grup kerja di luar jam kerja tidak wajib dibalas sampai hari kerja berikutnya, kecuali keadaan darurat.',
    owner: 'Kepala Subbagian Umum dan Kepegawaian',
    dueOn: '2026-12-15',
    budget: null,
    status: 'done',
    notes: [{ daysAgo: 4, text: 'Kesepakatan diumumkan dalam apel pagi dan dipasang di grup kerja.' }],
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

export async function insertDemoPublications(
  deps: { db: Parameters<typeof demoClosedWaves>[0]; clock: { now(): Date } },
  module: SurveyActionsModule,
): Promise<number> {
  let published = 0;
  for (const wave of await demoClosedWaves(deps.db, 'Survei Pulse November 2026')) {
    const actor: Actor = {
      personId: wave.created_by,
      agencyId: wave.agency_id,
      grants: [{ role: 'wellbeing_admin', unitId: null }],
    };
    const origin: AuditOrigin = {
      agencyId: wave.agency_id,
      actorId: wave.created_by,
      actorRole: 'wellbeing_admin',
      requestId: null,
    };
    const draft = await module.publications.adminView(actor, wave.id);
    await module.publications.save(actor, wave.id, { summary: SUMMARY, figures: draft.selected }, origin);
    await module.publications.publish(actor, wave.id, origin);
    for (const a of ACTIONS) {
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
    published += 1;
  }
  return published;
}
