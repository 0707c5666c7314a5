import type { Actor } from '../../domain/access/permissions.js';
import type { SuggestionTopic } from '../../domain/suggestions/release.js';
import type { AuditOrigin } from '../../server/modules/audit/index.js';
import type { SuggestionService } from '../../server/modules/suggestions/index.js';
import { demoSuggestionWriters, demoSurveyRunners } from './demo-seed.repository.js';
import type { DemoLoadDeps } from './load-demo.js';

/**
 * The demo's suggestion box (docs/decisions/052-suggestion-box.md), filled through the module like
 * a real one: staff send (sealed, counted per day), the wellbeing admin releases two batches,
 * answers some in public and hides one that names a colleague.
 */
const DOCUMENTED_EMPLOYEE_NIP = '200204132024102002';

interface DemoSuggestion {
  topic: SuggestionTopic | null;
  text: string;
  /** The wellbeing team's public reply, if any. */
  reply?: string;
  /** Hidden with this reason. */
  hide?: string;
}

/** Two releases: the first of seven, the second of six (k is 5 in both demo agencies). */
const FIRST: readonly DemoSuggestion[] = [
  {
    topic: 'workload',
    text: 'Rapat koordinasi sering dijadwalkan mendadak pukul 16.00. Mohon rapat ditetapkan paling lambat sehari sebelumnya.',
    reply:
      'Terima kasih. Mulai Januari, undangan rapat koordinasi dikirim paling lambat H-1 dan tidak dimulai setelah pukul 15.00.',
  },
  {
    topic: 'facilities',
    text: 'Ruang laktasi di lantai 2 dipakai sebagai gudang arsip. Mohon dikembalikan fungsinya.',
    reply: 'Arsip sudah dipindahkan minggu ini; ruang laktasi dapat dipakai lagi. Kuncinya ada di resepsionis.',
  },
  { topic: 'wellbeing_services', text: 'Jadwal konseling sore hari sangat membantu. Apakah bisa ditambah hari Sabtu?' },
  {
    topic: 'environment',
    text: 'Grup WhatsApp kantor ramai sampai malam. Mohon ada kesepakatan jam membalas pesan di luar jam kerja.',
    reply:
      'Usulan ini kami bawa ke rapat pimpinan. Sementara itu, pesan di luar jam kerja tidak wajib dibalas sampai pagi.',
  },
  { topic: 'other', text: 'Terima kasih untuk kelas peregangan Jumat pagi. Semoga terus berjalan.' },
  {
    topic: 'colleagues',
    text: 'Ada atasan yang sering membentak staf di depan umum. Kami butuh jalur pengaduan yang aman.',
    reply:
      'Kami sedang menyiapkan jalur pengaduan bersama inspektorat. Sementara itu, konselor dapat dihubungi lewat menu Bantuan.',
  },
  { topic: null, text: 'Mohon disediakan air minum isi ulang di setiap lantai, bukan hanya di lobi.' },
];

const SECOND: readonly DemoSuggestion[] = [
  { topic: 'workload', text: 'Laporan bulanan diminta dalam tiga format berbeda. Bisakah disatukan?' },
  {
    topic: 'facilities',
    text: 'Parkir motor tidak beratap; saat hujan staf basah sebelum masuk kantor.',
    reply: 'Kanopi parkir masuk rencana anggaran perubahan tahun ini.',
  },
  {
    topic: 'colleagues',
    text: 'Nama dan nomor HP rekan yang sering terlambat: {{name}}, 0812-1111-2222. Tolong ditegur.',
    hide: 'Menunjuk seseorang; keluhan tentang rekan kerja sebaiknya disampaikan lewat atasan atau konselor.',
  },
  { topic: 'wellbeing_services', text: 'Materi webinar kesehatan mental kemarin bagus. Mohon rekamannya dibagikan.' },
  { topic: 'environment', text: 'AC di ruang pelayanan terlalu dingin, banyak yang masuk angin.' },
  { topic: 'other', text: 'Usul ada hari tanpa rapat setiap Rabu supaya pekerjaan utama bisa selesai.' },
];

export async function insertDemoSuggestions(deps: DemoLoadDeps, suggestions: SuggestionService): Promise<number> {
  let released = 0;
  const seen = new Set<string>();
  for (const runner of await demoSurveyRunners(deps.db)) {
    if (seen.has(runner.agency_id)) continue;
    seen.add(runner.agency_id);
    const admin: Actor = { personId: runner.person_id, agencyId: runner.agency_id, grants: [] };
    const origin: AuditOrigin = {
      agencyId: runner.agency_id,
      actorId: runner.person_id,
      actorRole: 'wellbeing_admin',
      requestId: null,
    };
    const writers = await demoSuggestionWriters(
      deps.db,
      runner.agency_id,
      DOCUMENTED_EMPLOYEE_NIP,
      FIRST.length + SECOND.length,
    );
    let w = 0;
    for (const batch of [FIRST, SECOND]) {
      for (const s of batch) {
        const personId = writers[w % writers.length]!.id;
        w += 1;
        await suggestions.send(
          { personId, agencyId: runner.agency_id, grants: [] },
          { topic: s.topic, text: s.text.replace('{{name}}', writers[0]!.full_name) },
          undefined,
        );
      }
      released += (await suggestions.releaseNow(admin, origin)).released;
    }
    // The texts were shuffled on release: find each again by its words to answer or hide it.
    const all = await suggestions.manage(admin, { page: 1 });
    for (const s of [...FIRST, ...SECOND]) {
      const found = all.items.find((item) => item.text.startsWith(s.text.slice(0, 20)));
      if (!found) continue;
      if (s.reply) await suggestions.reply(admin, found.id, s.reply, origin);
      if (s.hide) await suggestions.hide(admin, found.id, s.hide, origin);
    }
  }
  return released;
}
