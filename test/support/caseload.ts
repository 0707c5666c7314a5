import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { newId } from '../../src/server/crypto.js';

const DAY = 86_400_000;

/** What `seedCaseload` stored, for assertions and for the benchmark's report. */
export interface SeededCaseload {
  appointments: number;
  shares: number;
  consents: number;
  referrals: number;
  plans: number;
}

/**
 * A counsellor's caseload straight into the tables (docs/decisions/047-caseload.md), as a year of
 * work leaves it: for client i, about six appointments a couple of months apart — held, one missed
 * (every fourth client), one cancelled (every third) — and one booked ahead for every other client
 * (every fourth of them not yet confirmed); a PHQ-9 shared with the counsellor for every second
 * client (a GAD-7 too for every sixth); consents for every third; an open referral for every
 * seventh; a return-to-work plan for every eleventh. Rows go in with multi-row inserts, so 300
 * clients take well under a second. Encrypted columns hold placeholders: the caseload never opens
 * them. The counsellor's profile is created when missing.
 */
export async function seedCaseload(
  db: Kysely<Database>,
  input: { agencyId: string; counsellorId: string; clientIds: readonly string[]; now: Date },
): Promise<SeededCaseload> {
  const { agencyId, counsellorId, now } = input;
  const at = (days: number, minutes = 0) => new Date(now.getTime() + days * DAY + minutes * 60_000);
  await ensureCounsellorProfile(db, { agencyId, counsellorId, now });

  const appointments: Row[] = [];
  const results: Row[] = [];
  const shareConsents: Row[] = [];
  const shares: Row[] = [];
  const consents: Row[] = [];
  const referrals: Row[] = [];
  const plans: Row[] = [];

  input.clientIds.forEach((clientId, i) => {
    const who = { agencyId, counsellorId, clientId };
    // Five past appointments, the latest 10 to 340 days ago (spread so some fall outside 90 days).
    const latest = 10 + ((i * 37) % 330);
    for (let k = 0; k < 5; k++) {
      const status = k === 1 && i % 4 === 0 ? 'no_show' : k === 2 && i % 3 === 0 ? 'cancelled' : 'completed';
      // Whole days plus i minutes: no two of the counsellor's appointments share a start.
      appointments.push(appointmentRow(who, { start: at(-(latest + k * 60), i), status, mode: MODES[i % 3] }));
    }
    if (i % 2 === 0)
      appointments.push(
        appointmentRow(who, {
          start: at(1 + (i % 28), i),
          status: 'booked',
          confirmed: i % 8 !== 0,
          mode: MODES[i % 3],
        }),
      );
    if (i % 2 === 0) {
      const phq = sharedResultRows(who, { instrumentId: 'phq9', total: 12, band: 'moderate', takenAt: at(-20) });
      results.push(phq.result);
      shareConsents.push(phq.consent);
      shares.push(phq.share);
      if (i % 6 === 0) {
        const gad = sharedResultRows(who, { instrumentId: 'gad7', total: 6, band: 'mild', takenAt: at(-19) });
        results.push(gad.result);
        shareConsents.push(gad.consent);
        shares.push(gad.share);
      }
    }
    if (i % 3 === 0)
      for (const kind of i % 6 === 0 ? ['shared_results', 'check_in_trends'] : ['shared_results'])
        consents.push(counsellingConsentRow(who, { kind, grantedAt: at(-30), expiresAt: at(150) }));
    // Valid 90 days from its date: ten days left, so "expiring soon".
    if (i % 7 === 0) referrals.push(referralRow(who, { status: 'given', createdAt: at(-80), expiresOn: at(10) }));
    if (i % 11 === 0) plans.push(returnPlanRow(who, { startDate: at(7), agreed: i % 22 === 0 }));
  });

  await insertCaseloadRows(db, {
    appointments,
    results,
    shareConsents,
    shares,
    consents,
    referrals,
    plans,
  });
  return {
    appointments: appointments.length,
    shares: shares.length,
    consents: consents.length,
    referrals: referrals.length,
    plans: plans.length,
  };
}

/** Inserts caseload rows in table order (a share after its result and consent), 400 rows a statement. */
export async function insertCaseloadRows(
  db: Kysely<Database>,
  rows: {
    appointments?: Row[];
    results?: Row[];
    shareConsents?: Row[];
    shares?: Row[];
    consents?: Row[];
    referrals?: Row[];
    plans?: Row[];
  },
): Promise<void> {
  const insert = async (table: keyof Database & string, list: Row[] = []) => {
    for (let k = 0; k < list.length; k += 400)
      await db
        .insertInto(table)
        .values(list.slice(k, k + 400) as never)
        .execute();
  };
  await insert('appointments', rows.appointments);
  await insert('assessment_results', rows.results);
  await insert('consents', rows.shareConsents);
  await insert('result_shares', rows.shares);
  await insert('counselling_consents', rows.consents);
  await insert('referrals', rows.referrals);
  await insert('return_plans', rows.plans);
}

type Who = { agencyId: string; counsellorId: string; clientId: string };

/** The counsellor's profile, when they have none yet (booking's own tests write it through the API). */
export async function ensureCounsellorProfile(
  db: Kysely<Database>,
  who: { agencyId: string; counsellorId: string; now: Date },
): Promise<void> {
  const stamp = who.now.toISOString();
  await db
    .insertInto('counsellor_profiles')
    .values({
      person_id: who.counsellorId,
      agency_id: who.agencyId,
      kind: 'psikolog_klinis',
      languages: 'id',
      modes: 'in_person,video,phone',
      locations: '["Klinik"]',
      introduction: 'Caseload',
      provider: null,
      slot_minutes: 50,
      active: 1,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
}
type Row = Record<string, unknown>;
const MODES = ['in_person', 'video', 'phone'] as const;
const date = (d: Date) => d.toISOString().slice(0, 10);

/** An appointment between the counsellor and the client, 50 minutes from `start`. */
export function appointmentRow(who: Who, a: { start: Date; status: string; confirmed?: boolean; mode?: string }): Row {
  const stamp = new Date().toISOString();
  return {
    id: newId(),
    agency_id: who.agencyId,
    counsellor_id: who.counsellorId,
    client_id: who.clientId,
    start_utc: a.start.toISOString(),
    end_utc: new Date(a.start.getTime() + 50 * 60_000).toISOString(),
    mode: a.mode ?? 'video',
    status: a.status,
    reason_enc: null,
    reminders: '',
    reminded_day_before_at: null,
    reminded_hour_before_at: null,
    confirmed_at: a.confirmed === false ? null : stamp,
    cancelled_at: a.status === 'cancelled' ? stamp : null,
    cancelled_by: a.status === 'cancelled' ? 'client' : null,
    cancel_reason_enc: null,
    client_key: newId(),
    created_at: stamp,
    updated_at: stamp,
    crisis_request_id: null,
  };
}

/** A result of the client's shared with the counsellor: the result, the sharing consent and the share. */
export function sharedResultRows(
  who: Who,
  r: { instrumentId: string; total: number; band: string; takenAt: Date; revoked?: boolean },
): { result: Row; consent: Row; share: Row } {
  const resultId = newId();
  const consentId = newId();
  const stamp = r.takenAt.toISOString();
  return {
    result: {
      id: resultId,
      agency_id: who.agencyId,
      person_id: who.clientId,
      instrument_id: r.instrumentId,
      instrument_version: '1',
      submission_key: newId(),
      campaign_id: null,
      answers_enc: 'sealed',
      result_enc: 'sealed',
      total: r.total,
      band: r.band,
      crisis: 0,
      care_step: null,
      locale: 'id',
      created_at: stamp,
    },
    consent: {
      id: consentId,
      agency_id: who.agencyId,
      person_id: who.clientId,
      purpose: 'share_result',
      text_version: 'share-v1',
      subject_type: 'result',
      subject_id: resultId,
      channel: 'web',
      granted_at: stamp,
      withdrawn_at: r.revoked ? stamp : null,
    },
    share: {
      id: newId(),
      agency_id: who.agencyId,
      result_id: resultId,
      person_id: who.clientId,
      counsellor_id: who.counsellorId,
      consent_id: consentId,
      granted_at: stamp,
      revoked_at: r.revoked ? stamp : null,
    },
  };
}

/** A counselling consent (decision 042) of one kind. */
export function counsellingConsentRow(
  who: Who,
  c: { kind: string; grantedAt: Date; expiresAt: Date; revokedAt?: Date },
): Row {
  return {
    id: newId(),
    agency_id: who.agencyId,
    client_id: who.clientId,
    counsellor_id: who.counsellorId,
    kind: c.kind,
    recipient_id: null,
    text_version: `consent.${c.kind}.v1`,
    text_hash: '0'.repeat(64),
    text_locale: 'id',
    months: 6,
    granted_at: c.grantedAt.toISOString(),
    expires_at: c.expiresAt.toISOString(),
    revoked_at: c.revokedAt?.toISOString() ?? null,
    client_key: newId(),
  };
}

/** A referral the counsellor prepared for the client. */
export function referralRow(who: Who, r: { status: string; createdAt: Date; expiresOn: Date }): Row {
  const stamp = r.createdAt.toISOString();
  return {
    id: newId(),
    agency_id: who.agencyId,
    client_id: who.clientId,
    author_id: who.counsellorId,
    prepared_by: 'counsellor',
    destination_level: 'puskesmas',
    destination_name_enc: null,
    reason_enc: null,
    bpjs_number_enc: null,
    scores_enc: null,
    approved_fields: '',
    approved_at: null,
    status: r.status,
    issued_on: date(r.createdAt),
    expires_on: date(r.expiresOn),
    given_at: r.status === 'prepared' ? null : stamp,
    visited_at: null,
    closed_at: r.status === 'closed' ? stamp : null,
    cancelled_at: r.status === 'cancelled' ? stamp : null,
    client_key: newId(),
    created_at: stamp,
    updated_at: stamp,
  };
}

/** A return-to-work plan the counsellor made with the client. */
export function returnPlanRow(who: Who, p: { startDate: Date; agreed?: boolean; closed?: boolean }): Row {
  const stamp = new Date().toISOString();
  return {
    id: newId(),
    agency_id: who.agencyId,
    client_id: who.clientId,
    counsellor_id: who.counsellorId,
    start_date: date(p.startDate),
    steps: JSON.stringify([{ weeks: 2, percent: 50 }]),
    version: 1,
    agreed_version: p.agreed ? 1 : null,
    agreed_at: p.agreed ? stamp : null,
    agreement_text_version: null,
    share_with_manager: 0,
    share_changed_at: null,
    share_text_version: null,
    evaluation_enc: null,
    closed_at: p.closed ? stamp : null,
    client_key: newId(),
    created_at: stamp,
    updated_at: stamp,
  };
}
