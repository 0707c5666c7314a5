import type { Insertable, Kysely } from 'kysely';
import type { Database, PeerGroupMembersTable, PeerGroupsTable } from '../../db/schema.js';
import { displayKey } from '../../domain/peer-groups/groups.js';
import { addDays, localDateOf } from '../../domain/schedule/zoned-time.js';
import { newId } from '../../server/crypto.js';
import { insertDemoRows } from './demo-seed.repository.js';
import type { DemoAgency, DemoPerson } from './generate.js';
import type { DemoLoadDeps } from './load-demo.js';
import type { LoadedRefs } from './load-wellbeing.js';

/**
 * Peer support groups (docs/decisions/045-peer-groups-and-return-to-work.md), so `/groups` and the
 * facilitators' `/groups/manage` have something to show: per agency, a weekly online group and a
 * dated in-person one run by the counsellor who signs in, and a weekly group run by the wellbeing
 * admin who signs in, each with members under display names. The documented employee is in the
 * first group (so they see its link and ground rules) and not in the others (so they can join one).
 * One session of the first group is called off, for its members to see.
 */
interface GroupPlan {
  facilitator: 'counsellor' | 'wellbeing_admin';
  topic: string;
  description: string;
  mode: 'online' | 'in_person';
  /** ISO weekday (1 = Monday) for a weekly group; otherwise dates this many days ahead. */
  weekday: number | null;
  daysAhead: number[];
  startTime: string;
  capacity: number;
  members: number;
  withDocumented: boolean;
  groundRules: string;
}

const GROUPS: GroupPlan[] = [
  {
    facilitator: 'counsellor',
    topic: 'Ngobrol santai soal beban kerja',
    description: 'Berbagi cara menghadapi tumpukan pekerjaan dan tenggat, sambil minum teh. Terbuka untuk semua.',
    mode: 'online',
    weekday: 3,
    daysAhead: [],
    startTime: '15:30',
    capacity: 10,
    members: 5,
    withDocumented: true,
    groundRules:
      'Apa yang dibagikan di sini tetap di sini. Dengarkan tanpa menghakimi. Tidak ada kewajiban bercerita. Matikan rekaman.',
  },
  {
    facilitator: 'counsellor',
    topic: 'Kembali tenang setelah masa sulit',
    description: 'Pertemuan tatap muka kecil untuk saling menguatkan, dipandu konselor.',
    mode: 'in_person',
    weekday: null,
    daysAhead: [6, 20, 34],
    startTime: '13:30',
    capacity: 8,
    members: 3,
    withDocumented: false,
    groundRules: 'Saling menghormati. Cerita orang lain tidak dibawa keluar ruangan. Boleh izin keluar kapan saja.',
  },
  {
    facilitator: 'wellbeing_admin',
    topic: 'Orang tua bekerja: berbagi cara membagi waktu',
    description: 'Untuk rekan yang mengasuh anak atau orang tua sambil bekerja. Tukar kiat, bukan nasihat.',
    mode: 'online',
    weekday: 5,
    daysAhead: [],
    startTime: '14:00',
    capacity: 12,
    members: 4,
    withDocumented: false,
    groundRules: 'Setiap keluarga berbeda: tidak ada cara yang paling benar. Jaga kerahasiaan sesama anggota.',
  },
];

const DISPLAY_NAMES = ['Melati', 'Kenanga', 'Cempaka', 'Anggrek', 'Teratai', 'Kamboja', 'Seruni', 'Dahlia'];

export async function insertPeerGroups(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agencies: DemoAgency[],
  refs: LoadedRefs,
): Promise<void> {
  const now = deps.clock.now();
  const iso = now.toISOString();
  for (const agency of agencies) {
    const zoneOf = (p: DemoPerson) => agency.units.find((u) => u.code === p.unitCode)?.timeZone ?? agency.timeZone;
    const employees = agency.people.filter((p) => p.roles.length === 0);
    const documented = employees.find((p) => p.signIn);
    const others = employees.filter((p) => p !== documented);
    // The agency's own counsellor who signs in (not an external provider's), and the wellbeing admin who does.
    const holder = (role: GroupPlan['facilitator']) =>
      agency.people.find(
        (p) => p.signIn && p.signIn.label !== 'Counsellor (EAP)' && p.roles.some((r) => r.role === role),
      ) ?? agency.people.find((p) => p.roles.some((r) => r.role === role));
    const groups: Insertable<PeerGroupsTable>[] = [];
    const members: Insertable<PeerGroupMembersTable>[] = [];
    const cancellations: {
      id: string;
      group_id: string;
      agency_id: string;
      session_date: string;
      created_at: string;
    }[] = [];
    let next = 0;
    for (const plan of GROUPS) {
      const facilitator = holder(plan.facilitator);
      if (!facilitator) continue;
      const agencyId = refs.agencyOfPerson.get(facilitator.key) as string;
      const zone = zoneOf(facilitator);
      const today = localDateOf(now, zone);
      const id = newId();
      const people = [
        ...(plan.withDocumented && documented ? [documented] : []),
        ...Array.from({ length: plan.members }, () => others[next++ % Math.max(1, others.length)]),
      ].filter((p, i, all): p is DemoPerson => p !== undefined && p !== facilitator && all.indexOf(p) === i);
      groups.push({
        id,
        agency_id: agencyId,
        facilitator_id: refs.personId.get(facilitator.key) as string,
        topic: plan.topic,
        description: plan.description,
        schedule_kind: plan.weekday ? 'weekly' : 'dates',
        weekday: plan.weekday,
        dates: JSON.stringify(plan.weekday ? [] : plan.daysAhead.map((d) => addDays(today, d))),
        start_time: plan.startTime,
        duration_minutes: 60,
        time_zone: zone,
        mode: plan.mode,
        place: plan.mode === 'in_person' ? 'Ruang konseling lantai 2' : null,
        link: plan.mode === 'online' ? `https://meet.example.go.id/teduh-${id.slice(0, 8)}` : null,
        capacity: plan.capacity,
        member_count: people.length,
        ground_rules: plan.groundRules,
        status: 'open',
        created_at: new Date(now.getTime() - 21 * 86_400_000).toISOString(),
        updated_at: iso,
      });
      people.forEach((p, i) => {
        // The documented employee's name in the group is their own choice; the demo picks one for them.
        const name = p === documented ? 'Pelangi' : (DISPLAY_NAMES[i % DISPLAY_NAMES.length] as string);
        members.push({
          id: newId(),
          group_id: id,
          agency_id: agencyId,
          person_id: refs.personId.get(p.key) as string,
          display_name: name,
          display_key: displayKey(name),
          joined_at: new Date(now.getTime() - (14 - i) * 86_400_000).toISOString(),
        });
      });
      // The weekly online group's meeting two weeks ahead is called off (a holiday, say).
      if (plan.withDocumented && plan.weekday) {
        const weekday = (((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1) as number;
        const ahead = ((plan.weekday - weekday + 7) % 7) + 7;
        cancellations.push({
          id: newId(),
          group_id: id,
          agency_id: agencyId,
          session_date: addDays(today, ahead),
          created_at: iso,
        });
      }
    }
    await insertDemoRows(db, 'peer_groups', groups);
    await insertDemoRows(db, 'peer_group_members', members);
    await insertDemoRows(db, 'peer_group_cancellations', cancellations);
  }
}
