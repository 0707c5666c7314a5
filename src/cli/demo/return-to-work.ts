import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AGREEMENT_TEXT_VERSION, SHARE_TEXT_VERSION, type WorkloadStep } from '../../domain/return-to-work/plan.js';
import { addDays, localDateOf } from '../../domain/schedule/zoned-time.js';
import { newId } from '../../server/crypto.js';
import { clientIdsOfCounsellor, insertDemoRows } from './demo-seed.repository.js';
import type { DemoAgency } from './generate.js';
import type { DemoLoadDeps } from './load-demo.js';
import type { LoadedRefs } from './load-wellbeing.js';

/**
 * Return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md): one per counsellor who
 * signs in, with a client of theirs, started two weeks ago at half load, a check-in done (its note
 * sealed) and one next week. The agency's own counsellor's plan is with the documented employee
 * (after a session three weeks ago, if the week of bookings did not pair them), agreed and shared
 * with the employee's manager, so `/return-to-work` and the manager's `/team/return-to-work` show it;
 * the external provider's plan, with another client, waits for that client's agreement — unless the
 * manager who signs in does not cover the documented employee, when it is with someone they do cover,
 * shared too.
 */
const STEPS: WorkloadStep[] = [
  { weeks: 2, percent: 50 },
  { weeks: 2, percent: 75 },
];

const NOTE = 'Jam kerja setengah hari berjalan baik; masih lelah sore hari. Lanjut ke tahap berikutnya sesuai rencana.';

export async function insertReturnPlans(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agencies: DemoAgency[],
  refs: LoadedRefs,
): Promise<void> {
  const { keys, clock } = deps;
  const now = clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  for (const agency of agencies) {
    const documented = agency.people.find((p) => p.roles.length === 0 && p.signIn);
    const documentedId = documented ? refs.personId.get(documented.key) : undefined;
    const today = localDateOf(now, agency.timeZone);
    const counsellors = agency.people
      .filter((p) => p.signIn && p.roles.some((r) => r.role === 'counsellor'))
      // The agency's own counsellor first: the documented employee's plan is theirs.
      .sort((a, b) => Number(a.signIn?.label === 'Counsellor (EAP)') - Number(b.signIn?.label === 'Counsellor (EAP)'));
    // The manager who signs in sees plans of the people their grant covers; where that is not the
    // documented employee (BLSN's sit in different offices), the second plan is with someone it covers.
    const manager = agency.people.find((p) => p.signIn && p.roles.some((r) => r.role === 'manager'));
    const scope = manager?.roles.find((r) => r.role === 'manager')?.unitCode ?? null;
    const parentOf = (code: string) => agency.units.find((u) => u.code === code)?.parentCode ?? null;
    const covers = (unitCode: string): boolean => {
      if (scope === null) return true;
      for (let code: string | null = unitCode; code; code = parentOf(code)) if (code === scope) return true;
      return false;
    };
    const covered = agency.people.filter(
      (p) => p.roles.length === 0 && p !== documented && p !== manager && covers(p.unitCode),
    );
    const needsCovered = !!manager && !!documented && !covers(documented.unitCode);
    for (const [index, counsellor] of counsellors.entries()) {
      const counsellorId = refs.personId.get(counsellor.key) as string;
      const agencyId = refs.agencyOfPerson.get(counsellor.key) as string;
      const clients = await clientIdsOfCounsellor(db, counsellorId);
      let clientId = clients.find((c) => c !== documentedId);
      let chosen: string | undefined;
      if (index === 0 && documentedId) chosen = documentedId;
      else if (index === 1 && needsCovered) {
        const ids = covered.map((p) => refs.personId.get(p.key) as string);
        chosen = ids.find((id) => clients.includes(id)) ?? ids[0];
      }
      if (chosen) {
        clientId = chosen;
        // A plan is made with a client: the session it grew from, three weeks ago, if the week of
        // bookings did not already pair them.
        if (!clients.includes(chosen)) await insertPastSession(db, deps, agencyId, counsellorId, chosen);
      }
      if (!clientId) continue;
      const shared = clientId === chosen;
      const id = newId();
      await insertDemoRows(db, 'return_plans', {
        id,
        agency_id: agencyId,
        client_id: clientId,
        counsellor_id: counsellorId,
        start_date: addDays(today, -14),
        steps: JSON.stringify(STEPS),
        version: 1,
        agreed_version: shared ? 1 : null,
        agreed_at: shared ? ago(15) : null,
        agreement_text_version: shared ? AGREEMENT_TEXT_VERSION : null,
        share_with_manager: shared ? 1 : 0,
        share_changed_at: shared ? ago(15) : null,
        share_text_version: shared ? SHARE_TEXT_VERSION : null,
        evaluation_enc: null,
        closed_at: null,
        client_key: id,
        created_at: ago(16),
        updated_at: ago(15),
      });
      await insertDemoRows(db, 'return_plan_checkins', [
        {
          id: newId(),
          plan_id: id,
          agency_id: agencyId,
          due_on: addDays(today, -7),
          done_at: ago(7),
          note_enc: keys.encrypt(NOTE),
        },
        {
          id: newId(),
          plan_id: id,
          agency_id: agencyId,
          due_on: addDays(today, 7),
          done_at: null,
          note_enc: null,
        },
      ]);
    }
  }
}

/** A completed session three weeks ago, 09:00–09:50 WIB, by video. */
async function insertPastSession(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agencyId: string,
  counsellorId: string,
  clientId: string,
): Promise<void> {
  const day = addDays(localDateOf(deps.clock.now(), 'Asia/Jakarta'), -21);
  const start = `${day}T02:00:00.000Z`;
  const at = new Date(Date.parse(start) - 7 * 86_400_000).toISOString();
  await insertDemoRows(db, 'appointments', {
    id: newId(),
    agency_id: agencyId,
    counsellor_id: counsellorId,
    client_id: clientId,
    start_utc: start,
    end_utc: `${day}T02:50:00.000Z`,
    mode: 'video',
    status: 'completed',
    reason_enc: null,
    reminders: 'day_before',
    reminded_day_before_at: at,
    reminded_hour_before_at: null,
    confirmed_at: at,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason_enc: null,
    client_key: newId(),
    created_at: at,
    updated_at: start,
    crisis_request_id: null,
  });
}
