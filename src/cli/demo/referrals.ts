import type { Insertable, Kysely } from 'kysely';
import type { Database, ReferralsTable } from '../../db/schema.js';
import { expiresOn, type ReferralStatus } from '../../domain/referrals/referrals.js';
import { addDays, localDateOf } from '../../domain/schedule/zoned-time.js';
import { newId } from '../../server/crypto.js';
import { insertDemoRows } from './demo-seed.repository.js';
import type { DemoAgency } from './generate.js';
import type { DemoLoadDeps } from './load-demo.js';
import type { LoadedRefs } from './load-wellbeing.js';

/**
 * A few referral letters on the BPJS path (docs/decisions/044-referrals.md), so `/referrals` and the
 * counsellor's `/counselling/referrals` show each status: the documented employee has a letter from
 * their counsellor handed over (62 days left), one they wrote themself that lapses in 10 days, and a
 * new one from the counsellor waiting for their approval; other clients have letters visited,
 * closed (expired) and cancelled. The words are sealed like real ones.
 */
interface Plan {
  client: 'documented' | 'other';
  by: 'client' | 'counsellor';
  level: ReferralsTable['destination_level'];
  name: string | null;
  reason: string;
  bpjs: string | null;
  approved: string | null;
  status: ReferralStatus;
  /** Days before today the letter was dated. */
  ago: number;
}

const PLANS: Plan[] = [
  {
    client: 'documented',
    by: 'counsellor',
    level: 'rs_psikolog_klinis',
    name: 'RSUD Sleman',
    reason:
      'Keluhan cemas dan sulit tidur sekitar dua bulan, menetap setelah empat sesi konseling. Mohon asesmen dan terapi psikologis lanjutan.',
    bpjs: null,
    approved: 'name,summary',
    status: 'given',
    ago: 28,
  },
  {
    client: 'documented',
    by: 'client',
    level: 'puskesmas',
    name: 'Puskesmas Depok I',
    reason: 'Saya sering jantung berdebar dan sulit tidur menjelang tenggat laporan. Ingin diperiksa dokter.',
    bpjs: '0001234567890',
    approved: 'name,summary,bpjs_number',
    status: 'prepared',
    ago: 80,
  },
  {
    client: 'documented',
    by: 'counsellor',
    level: 'puskesmas',
    name: null,
    reason: 'Mohon pemeriksaan fisik untuk menyingkirkan penyebab medis kelelahan yang menetap.',
    bpjs: null,
    approved: null,
    status: 'prepared',
    ago: 0,
  },
  {
    client: 'other',
    by: 'counsellor',
    level: 'rs_psikiater',
    name: 'RSJ Grhasia',
    reason: 'Gejala depresi sedang-berat dengan gangguan fungsi kerja. Mohon evaluasi psikiatri.',
    bpjs: null,
    approved: 'name,birth_date,summary',
    status: 'visited',
    ago: 40,
  },
  {
    client: 'other',
    by: 'counsellor',
    level: 'klinik_pratama',
    name: null,
    reason: 'Keluhan nyeri kepala dan lelah berkepanjangan.',
    bpjs: null,
    approved: 'name,summary',
    status: 'closed',
    ago: 100,
  },
  {
    client: 'other',
    by: 'client',
    level: 'puskesmas',
    name: null,
    reason: 'Ingin berkonsultasi soal sulit tidur.',
    bpjs: null,
    approved: 'summary',
    status: 'cancelled',
    ago: 5,
  },
];

export async function insertReferrals(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agencies: DemoAgency[],
  refs: LoadedRefs,
): Promise<void> {
  const { keys, clock } = deps;
  const now = clock.now();
  const iso = now.toISOString();
  for (const agency of agencies) {
    // The documented counsellor (the one who signs in) prepared them, so their list shows them too.
    const counsellors = agency.people.filter((p) => p.roles.some((r) => r.role === 'counsellor'));
    const employees = agency.people.filter((p) => p.roles.length === 0);
    const documented = employees.find((p) => p.signIn) ?? employees[0];
    const others = employees.filter((p) => p !== documented);
    // The agency's own counsellor who signs in (not an external provider's), else any.
    const domain = documented?.email.split('@')[1] ?? '';
    const counsellor =
      counsellors.find((p) => p.signIn && p.email.endsWith(`@${domain}`)) ??
      counsellors.find((p) => p.signIn) ??
      counsellors[0];
    if (!counsellor || !documented) continue;
    const counsellorId = refs.personId.get(counsellor.key) as string;
    const agencyId = refs.agencyOfPerson.get(counsellor.key) as string;
    const today = localDateOf(now, agency.timeZone);
    const rows: Insertable<ReferralsTable>[] = PLANS.map((p, i) => {
      const client = p.client === 'documented' ? documented : (others[i % Math.max(1, others.length)] ?? documented);
      const clientId = refs.personId.get(client.key) as string;
      const issued = addDays(today, -p.ago);
      const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
      return {
        id: newId(),
        agency_id: agencyId,
        client_id: clientId,
        author_id: p.by === 'counsellor' ? counsellorId : clientId,
        prepared_by: p.by,
        destination_level: p.level,
        destination_name_enc: p.name ? keys.encrypt(p.name) : null,
        reason_enc: keys.encrypt(p.reason),
        bpjs_number_enc: p.bpjs ? keys.encrypt(p.bpjs) : null,
        scores_enc: null,
        approved_fields: p.approved ?? '',
        approved_at: p.approved ? at(Math.max(0, p.ago - 1)) : null,
        status: p.status,
        issued_on: issued,
        expires_on: expiresOn(issued),
        given_at: ['given', 'visited', 'closed'].includes(p.status) ? at(p.ago - 1) : null,
        visited_at: p.status === 'visited' || p.status === 'closed' ? at(Math.max(0, p.ago - 10)) : null,
        closed_at: p.status === 'closed' ? at(Math.max(0, p.ago - 30)) : null,
        cancelled_at: p.status === 'cancelled' ? at(Math.max(0, p.ago - 1)) : null,
        client_key: newId(),
        created_at: at(p.ago),
        updated_at: iso,
      };
    });
    await insertDemoRows(db, 'referrals', rows);
  }
}
