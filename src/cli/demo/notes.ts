import type { NotesService } from '../../server/modules/notes/index.js';
import { heldDemoAppointments } from './demo-seed.repository.js';
import type { DemoLoadDeps } from './load-demo.js';
import { SeededRandom } from './random.js';

/**
 * Session notes for the demo counsellors' held sessions of the past week
 * (docs/decisions/041-session-notes.md), written through the notes module like a counsellor's own
 * save, so every field is sealed under the agency's data key and each save is audited. Most are
 * SOAP, some free text; one note per counsellor is withheld from the client's copy with a reason,
 * so My data shows what a withheld note looks like. The demo's clinical supervisor (Sleman) can
 * then be shown break-glass on any of these clients.
 */
const SOAP = [
  {
    subjective:
      'Klien bercerita sulit tidur sejak tiga minggu terakhir, sering terbangun pukul tiga pagi memikirkan tenggat laporan.',
    objective: 'Tampak lelah, kontak mata baik. PHQ-9 hari ini 12, GAD-7 11.',
    assessment: 'Gejala cemas dan depresi ringan-sedang terkait beban kerja; tidak ada pikiran menyakiti diri.',
    plan: 'Latihan pernapasan 4-7-8 sebelum tidur, catatan harian kekhawatiran. Sesi berikutnya dua minggu lagi.',
  },
  {
    subjective: 'Klien merasa tidak dihargai sejak pindah bidang dan kehilangan semangat datang ke kantor.',
    objective: 'Bicara pelan, afek datar. Masih masuk kerja setiap hari.',
    assessment: 'Penyesuaian diri setelah mutasi; dukungan sosial di kantor baru masih kurang.',
    plan: 'Memetakan satu rekan yang bisa diajak bicara; aktivitas menyenangkan kecil dua kali seminggu.',
  },
  {
    subjective: 'Klien melaporkan tidur membaik, masih cemas menjelang rapat pimpinan.',
    objective: 'Lebih rileks dibanding sesi lalu. PHQ-9 turun menjadi 8.',
    assessment: 'Perbaikan bermakna; kecemasan situasional tersisa.',
    plan: 'Latihan menyiapkan poin rapat sehari sebelumnya. Evaluasi ulang dalam empat minggu.',
  },
];
const FREE = [
  'Sesi perkenalan. Klien ingin belajar mengatur waktu antara pekerjaan dan merawat orang tua yang sakit. Kami menyepakati tiga sesi awal dan klien akan mencoba rencana harian sederhana.',
  'Klien datang dengan keluhan mudah marah di rumah setelah lembur. Kami membahas tanda-tanda kelelahan dan batas jam kerja pribadi di Teduh.',
];
const WITHHELD = {
  body: 'Klien menceritakan konflik keluarga yang berat; rincian dicatat untuk keperluan klinis.',
  reason: 'Isi catatan menyebut anggota keluarga klien dan dapat membahayakan klien bila salinannya terbaca di rumah.',
};

export async function insertSessionNotes(deps: DemoLoadDeps, notes: NotesService): Promise<number> {
  const random = new SeededRandom(20261205);
  const now = deps.clock.now();
  const weekAgo = new Date(now.getTime() - 8 * 86_400_000).toISOString();
  const held = (await heldDemoAppointments(deps.db, now.toISOString())).filter((a) => a.start_utc >= weekAgo);
  // Each counsellor withholds one note: their third of the week, or their last if they held fewer.
  // Counted per counsellor, not over the list, whose order among sessions at the same hour
  // follows random ids: counted over the list, a counsellor could end up withholding none.
  const total = new Map<string, number>();
  for (const a of held) total.set(a.counsellor_id, (total.get(a.counsellor_id) ?? 0) + 1);
  const seen = new Map<string, number>();
  let written = 0;
  for (const [i, a] of held.entries()) {
    const me = { id: a.counsellor_id, agencyId: a.agency_id, unitId: '', fullName: '', locale: 'id' as const };
    const origin = { agencyId: a.agency_id, actorId: a.counsellor_id, actorRole: 'counsellor', requestId: null };
    const own = seen.get(a.counsellor_id) ?? 0;
    seen.set(a.counsellor_id, own + 1);
    const withhold = own === Math.min(2, (total.get(a.counsellor_id) ?? 1) - 1);
    const body = withhold
      ? {
          format: 'free' as const,
          subjective: '',
          objective: '',
          assessment: '',
          plan: '',
          body: WITHHELD.body,
          withheld: true,
          withheldReason: WITHHELD.reason,
        }
      : random.chance(0.7)
        ? {
            format: 'soap' as const,
            ...(SOAP[i % SOAP.length] as (typeof SOAP)[number]),
            body: '',
            withheld: false,
            withheldReason: '',
          }
        : {
            format: 'free' as const,
            subjective: '',
            objective: '',
            assessment: '',
            plan: '',
            body: FREE[i % FREE.length] as string,
            withheld: false,
            withheldReason: '',
          };
    await notes.save(me, a.id, body, origin);
    written++;
  }
  return written;
}
