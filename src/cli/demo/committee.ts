import type { Actor } from '../../domain/access/permissions.js';
import { startInstant } from '../../domain/committee/committee.js';
import { addDays, localDateOf, weekdayOf, type LocalDate } from '../../domain/schedule/zoned-time.js';
import { ManualClock } from '../../server/clock.js';
import type { AuditOrigin } from '../../server/modules/audit/index.js';
import { CommitteeService, type GatheringMessenger } from '../../server/modules/committee/index.js';
import { FocusGroupService } from '../../server/modules/focus-groups/index.js';
import { OrgDirectory } from '../../server/modules/org/index.js';
import type { Locale } from '../../i18n/locales.js';
import type { DemoAgency, DemoPerson } from './generate.js';
import type { LoadedRefs } from './load-wellbeing.js';
import type { DemoLoadDeps } from './load-demo.js';
import { SeededRandom } from './random.js';

/**
 * The Sleman demo's wellbeing committee and focus groups (docs/committee-and-focus-groups.md), run
 * through the committee and focus-group services like a real agency does it: the wellbeing admin
 * adds the members, schedules meetings (members are invited by the module's messenger), writes and
 * publishes the minutes; a facilitator's focus group invites a random sample of a unit, invitees
 * answer, the summary is published masked. Past steps run on a clock set to when they would have
 * happened, so the services' own rules (no minutes before a meeting starts, no invitation after a
 * group starts) hold for the demo too.
 */
const DOCUMENTED_EMPLOYEE_NIP = '200204132024102002';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoGatheringDeps {
  messenger: GatheringMessenger;
}

interface Who {
  me: { id: string; agencyId: string; unitId: string; fullName: string; locale: Locale };
  actor: Actor;
}

/** The next Monday–Thursday on or after a day, so the demo's meetings fall on working days. */
function workday(date: LocalDate): LocalDate {
  let d = date;
  while (weekdayOf(d) > 4) d = addDays(d, 1);
  return d;
}

/** Sleman's committee (members, meetings, minutes) and two focus groups, through their services. */
export async function insertDemoCommittee(
  deps: DemoLoadDeps,
  gatherings: DemoGatheringDeps,
  agency: DemoAgency,
  refs: LoadedRefs,
): Promise<{ meetings: number; focusGroups: number }> {
  const agencyId = refs.agencyId.get(agency.key) as string;
  const zone = agency.timeZone;
  const now = deps.clock.now();
  const today = localDateOf(now, zone);
  // The services' own clock, set to when each past step would have happened (the app's says now).
  const clock = new ManualClock(now);
  const directory = new OrgDirectory({ db: deps.db });
  const services = { db: deps.db, clock, audit: deps.audit, directory, messenger: gatherings.messenger };
  const committee = new CommitteeService(services);
  // Seeded, so the same people are sampled on every load.
  const seeded = new SeededRandom(20261204);
  const focusGroups = new FocusGroupService({ ...services, random: () => seeded.next() });

  const who = (p: DemoPerson, grants: Actor['grants'] = []): Who => {
    const id = refs.personId.get(p.key) as string;
    return {
      me: { id, agencyId, unitId: refs.unitOfPerson.get(p.key) as string, fullName: p.fullName, locale: 'id' },
      actor: { personId: id, agencyId, grants },
    };
  };
  const find = (test: (p: DemoPerson) => boolean, what: string): DemoPerson => {
    const found = agency.people.find(test);
    if (!found) throw new Error(`the Sleman demo has no ${what}`);
    return found;
  };
  const adminPerson = find((p) => p.signIn?.label === 'Wellbeing admin', 'wellbeing admin');
  const admin = who(adminPerson, [{ role: 'wellbeing_admin', unitId: null }]);
  const origin: AuditOrigin = { agencyId, actorId: admin.me.id, actorRole: 'wellbeing_admin', requestId: null };
  const id = (p: DemoPerson) => refs.personId.get(p.key) as string;
  const staff = (unitCode: string) =>
    agency.people.filter((p) => p.unitCode === unitCode && p.roles.length === 0 && p.nip);

  // --- Members: the head of BKPSDM chairs, the wellbeing admin is secretary, a psychologist and the
  // second admin sit as members, two staff represent their colleagues; one seat of the last term ended.
  const chair = find((p) => p.unitCode === 'BKPSDM' && p.isUnitHead, 'head of BKPSDM');
  const psychologist = find((p) => p.signIn?.label === 'Counsellor (internal)', 'internal counsellor');
  const secondAdmin = find(
    (p) => p.key !== adminPerson.key && p.roles.some((r) => r.role === 'wellbeing_admin'),
    'second admin',
  );
  const [dinkesRep] = staff('DINKES');
  const [disdikRep] = staff('DISDIK');
  const [pastRep] = staff('SETDA');
  if (!dinkesRep || !disdikRep || !pastRep) throw new Error('the Sleman demo lacks staff for the committee');
  const term = { termFrom: addDays(today, -330), termTo: addDays(today, 400) };
  const seats = [
    [chair, 'ketua'],
    [adminPerson, 'sekretaris'],
    [psychologist, 'anggota'],
    [secondAdmin, 'anggota'],
    [dinkesRep, 'perwakilan_pegawai'],
    [disdikRep, 'perwakilan_pegawai'],
  ] as const;
  for (const [p, role] of seats) await committee.addMember(admin.me, { personId: id(p), role, ...term }, origin);
  await committee.addMember(
    admin.me,
    {
      personId: id(pastRep),
      role: 'perwakilan_pegawai',
      termFrom: addDays(today, -1060),
      termTo: addDays(today, -331),
    },
    origin,
  );

  const pulse = (await committee.surveyThemes(admin.me, 'id')).items.find((s) =>
    s.title.startsWith('Survei Pulse November'),
  );
  const pulseTheme = pulse?.themes[0];

  // --- Meetings: two held with published minutes, one upcoming with its agenda.
  const at = (day: LocalDate, time: string) => ({ date: workday(day), startTime: time });
  const place = 'Ruang Rapat BKPSDM Lantai 2';
  const held = [
    {
      ...at(addDays(today, -75), '09:00'),
      title: 'Rapat pembentukan rencana kerja Tim Kesejahteraan 2026',
      agenda: [
        {
          title: 'Pembagian tugas anggota tim',
          decisions: 'Sekretaris mengelola jadwal dan notulen; perwakilan pegawai menampung usulan dari unitnya.',
          followUps: 'Sekretaris mengirim daftar tugas paling lambat Jumat.',
        },
        {
          title: 'Rencana survei iklim kerja semester II',
          decisions: 'Survei pulse diadakan November, lima pertanyaan, terbuka dua minggu.',
          followUps: 'BKPSDM menyiapkan survei dan pengumuman lewat kepala unit.',
        },
        {
          title: 'Kelas peregangan Jumat pagi',
          decisions: 'Dilanjutkan di halaman kantor pukul 07.30–07.45.',
          followUps: null,
        },
      ],
    },
    {
      ...at(addDays(today, -8), '13:00'),
      title: 'Tindak lanjut hasil Survei Pulse November 2026',
      agenda: [
        {
          title: 'Pembahasan hasil survei per unit',
          link: true,
          decisions:
            'Beban kerja di layanan kesehatan menjadi prioritas; tim mengadakan diskusi kelompok terarah sebelum menyusun aksi.',
          followUps: 'Sekretaris menjadwalkan diskusi kelompok terarah dengan sampel acak pegawai Dinas Kesehatan.',
        },
        {
          title: 'Kesepakatan jam membalas pesan di luar jam kerja',
          decisions:
            'Usulan surat edaran: pesan dinas setelah pukul 17.00 tidak wajib dibalas sampai pagi, kecuali layanan darurat.',
          followUps: 'Ketua membawa usulan ke rapat pimpinan bulan depan.',
        },
      ],
    },
  ];
  let meetings = 0;
  for (const m of held) {
    const startsAt = startInstant(m.date, m.startTime, zone).getTime();
    clock.set(new Date(startsAt - 10 * DAY));
    const view = await committee.schedule(
      admin.me,
      {
        title: m.title,
        date: m.date,
        startTime: m.startTime,
        durationMinutes: 120,
        place,
        link: null,
        agenda: m.agenda.map((a) => ({
          title: a.title,
          notes: null,
          surveyId: 'link' in a && pulse ? pulse.id : null,
          themeId: 'link' in a && pulse && pulseTheme ? pulseTheme.id : null,
        })),
      },
      origin,
    );
    clock.set(new Date(startsAt + 3 * HOUR));
    await committee.saveMinutes(
      admin.me,
      view.id,
      {
        items: view.agenda.map((a, i) => ({
          agendaItemId: a.id,
          decisions: m.agenda[i]?.decisions ?? null,
          followUps: m.agenda[i]?.followUps ?? null,
        })),
        // The psychologist missed the first meeting (a clinic day); everyone came to the second.
        attendeeIds: seats.filter(([p]) => meetings > 0 || p.key !== psychologist.key).map(([p]) => id(p)),
      },
      origin,
    );
    clock.set(new Date(startsAt + 2 * DAY));
    await committee.publishMinutes(admin.me, view.id, origin);
    meetings++;
  }
  clock.set(new Date(now.getTime() - DAY));
  await committee.schedule(
    admin.me,
    {
      title: 'Rapat rutin Tim Kesejahteraan: rencana aksi beban kerja',
      ...at(addDays(today, 6), '09:00'),
      durationMinutes: 90,
      place,
      link: 'https://meet.jit.si/tim-kesejahteraan-sleman',
      agenda: [
        {
          title: 'Hasil diskusi kelompok terarah Dinas Kesehatan',
          notes: 'Fasilitator menyampaikan ringkasan tema.',
          surveyId: pulse?.id ?? null,
          themeId: pulseTheme?.id ?? null,
        },
        { title: 'Rancangan rencana aksi beban kerja 2027', notes: null, surveyId: null, themeId: null },
        { title: 'Lain-lain', notes: null, surveyId: null, themeId: null },
      ],
    },
    origin,
  );
  meetings++;

  // --- Focus groups: one held with a published summary, one upcoming with invitations out.
  const facilitator = who(psychologist);
  const dinkesUnit = refs.unitOfPerson.get(
    find((p) => p.unitCode === 'DINKES' && p.isUnitHead, 'head of DINKES').key,
  ) as string;
  const dinkesTree = new Set(
    agency.units.filter((u) => u.code === 'DINKES' || u.parentCode === 'DINKES').map((u) => u.code),
  );
  const employee = find((p) => p.nip === DOCUMENTED_EMPLOYEE_NIP, 'documented employee');
  /** Who of the subtree was invited, asked through the module as each person would see it. */
  const inviteesOf = async (groupId: string): Promise<DemoPerson[]> => {
    const out: DemoPerson[] = [];
    for (const p of agency.people.filter((x) => dinkesTree.has(x.unitCode))) {
      const w = who(p);
      const mine = await focusGroups.list(w.me, w.actor);
      if (mine.items.some((g) => g.id === groupId && g.myAnswer !== null)) out.push(p);
    }
    return out;
  };

  const pastDay = workday(addDays(today, -20));
  const pastStart = startInstant(pastDay, '10:00', zone).getTime();
  clock.set(new Date(pastStart - 14 * DAY));
  const past = await focusGroups.create(
    admin.me,
    admin.actor,
    {
      topic: 'Beban kerja di layanan kesehatan',
      surveyId: pulse?.id ?? null,
      themeId: pulseTheme?.id ?? null,
      date: pastDay,
      startTime: '10:00',
      durationMinutes: 90,
      place: 'Aula Dinas Kesehatan',
      link: null,
      capacity: 8,
      facilitatorId: facilitator.me.id,
    },
    origin,
  );
  await focusGroups.invite(admin.me, past.id, { kind: 'sample', unitId: dinkesUnit, size: 10 }, origin);
  const pastInvitees = await inviteesOf(past.id);
  clock.set(new Date(pastStart - 7 * DAY));
  for (const [i, p] of pastInvitees.entries()) {
    // Six accept, two decline, the rest never answer: as a real invitation goes.
    const answer = i < 6 ? 'accepted' : i < 8 ? 'declined' : null;
    if (answer) await focusGroups.answer(who(p).me, who(p).actor, past.id, { answer });
  }
  clock.set(new Date(pastStart + 3 * HOUR));
  // A slip the publishing mask catches: the facilitator named an invitee (docs/decisions/053-…).
  const slip = pastInvitees[0]?.fullName.split(/[ ,]+/).find((w) => /^[A-Z][a-z]+$/.test(w)) ?? 'Sri';
  await focusGroups.saveSummary(
    facilitator.me,
    facilitator.actor,
    past.id,
    [
      'Tema yang paling sering terdengar:',
      '1. Pelaporan ganda: data yang sama diminta dalam beberapa aplikasi dan format, sehingga waktu layanan berkurang.',
      '2. Pesan dinas di luar jam kerja membuat peserta sulit beristirahat; beberapa merasa harus segera membalas.',
      `3. Jadwal jaga yang berubah mendadak. Seperti kata ${slip}, pemberitahuan H-1 sangat memberatkan keluarga.`,
      '4. Dukungan antarrekan dinilai kuat; peserta ingin ada waktu singkat untuk berbagi beban di akhir pekan kerja.',
      '',
      'Usulan peserta: satu format laporan bulanan, jadwal jaga terbit paling lambat H-7, kesepakatan jam membalas pesan.',
    ].join('\n'),
    origin,
  );
  clock.set(new Date(pastStart + 2 * DAY));
  await focusGroups.publishSummary(facilitator.me, facilitator.actor, past.id, origin);

  const nextDay = workday(addDays(today, 9));
  clock.set(new Date(now.getTime() - DAY));
  const upcoming = await focusGroups.create(
    admin.me,
    admin.actor,
    {
      topic: 'Jam kerja dan pesan di luar jam kantor',
      surveyId: pulse?.id ?? null,
      themeId: null,
      date: nextDay,
      startTime: '13:30',
      durationMinutes: 90,
      place: 'Ruang Rapat Dinas Kesehatan',
      link: 'https://meet.jit.si/dkt-sleman-jam-kerja',
      capacity: 8,
      facilitatorId: facilitator.me.id,
    },
    origin,
  );
  // The documented employee is invited by name, so her /focus-groups has an invitation to answer.
  await focusGroups.invite(admin.me, upcoming.id, { kind: 'named', personIds: [id(employee)] }, origin);
  await focusGroups.invite(admin.me, upcoming.id, { kind: 'sample', unitId: dinkesUnit, size: 7 }, origin);
  const upcomingInvitees = (await inviteesOf(upcoming.id)).filter((p) => p.key !== employee.key);
  clock.set(now);
  for (const [i, p] of upcomingInvitees.entries()) {
    const answer = i < 3 ? 'accepted' : i < 4 ? 'declined' : null;
    if (answer) await focusGroups.answer(who(p).me, who(p).actor, upcoming.id, { answer });
  }
  return { meetings, focusGroups: 2 };
}
