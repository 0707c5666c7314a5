import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { nextStepFor } from '../../domain/assessments/next-step.js';
import { CONSENT_TEXTS } from '../../domain/assessments/consent.js';
import {
  CONSENT_TEXT_HASHES,
  CURRENT_CONSENT_TEXT,
  DEFAULT_CONSENT_PERIOD,
  consentExpiresAt,
} from '../../domain/consent/consent.js';
import { INSTRUMENTS } from '../../domain/instruments/catalog.js';
import { scoreAnswers } from '../../domain/instruments/scoring.js';
import type { InstrumentId } from '../../domain/instruments/types.js';
import { newId } from '../../server/crypto.js';
import { insertDemoRows } from './demo-seed.repository.js';
import type { DemoAgency } from './generate.js';
import type { DemoLoadDeps } from './load-demo.js';
import type { LoadedRefs } from './load-wellbeing.js';

/**
 * Measurement-based care in the demo (docs/decisions/042-counselling-consent.md): each demo
 * counsellor has one client who saw them over the last three months and consented to their
 * PHQ-9/GAD-7 results being seen over time — five of each, two or three weeks apart, improving
 * reliably (PHQ-9 19 → 6, GAD-7 15 → 5) and ending below the clinical cut-off. The documented
 * employee is left without a consent, so the demo journey (and the e2e spec) can give one.
 *
 * The first counsellor's client is moving to the second (docs/decisions/050-notes-transfer.md; in
 * Sleman from Yohana Pattiasina to Retno Palupi): they let the first counsellor's notes be handed to
 * the second, and have a first session with them
 * booked in two working days — so the new counsellor's calendar leads to the client's record,
 * whose "Catatan dari konselor sebelumnya" shows the notes (written later by `notes.ts` for the
 * sessions of the past week, this client's last one among them).
 */
const PHQ9_TOTALS = [19, 16, 12, 9, 6];
const GAD7_TOTALS = [15, 13, 10, 7, 5];
const DAYS_AGO = [84, 63, 42, 21, 4];
const DAY_MS = 86_400_000;

/** Answers that add up to `total`, spread over the items (PHQ-9's item 9 stays 0: no crisis). */
export function answersFor(id: 'phq9' | 'gad7', total: number): number[] {
  const items = id === 'phq9' ? 9 : 7;
  const scored = id === 'phq9' ? 8 : 7;
  const answers = Array.from({ length: items }, () => 0);
  let left = total;
  for (let round = 0; round < 3 && left > 0; round++) {
    for (let i = 0; i < scored && left > 0; i++) {
      answers[i] = (answers[i] as number) + 1;
      left--;
    }
  }
  return answers;
}

export async function insertConsentDemo(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agencies: DemoAgency[],
  refs: LoadedRefs,
  /** People who already have self-check results of their own: their chart would mix two stories. */
  withResults: ReadonlySet<string>,
): Promise<void> {
  const now = deps.clock.now();
  for (const agency of agencies) {
    const counsellors = agency.people.filter((p) => p.roles.some((r) => r.role === 'counsellor'));
    // Employees without a role, the documented one (who signs in) left out.
    const clients = agency.people.filter((p) => p.roles.length === 0 && !p.signIn && !withResults.has(p.key));
    for (const [index, c] of counsellors.entries()) {
      const client = clients[(index * 7 + 3) % Math.max(1, clients.length)];
      if (!client) continue;
      const counsellorId = refs.personId.get(c.key) as string;
      const clientId = refs.personId.get(client.key) as string;
      const agencyId = refs.agencyOfPerson.get(client.key) as string;
      // Whole days back at a UTC hour: 2 is 09:00 WIB, a morning session; results an hour or two later.
      const at = (daysAgo: number, hour = 2) =>
        new Date(Math.floor(now.getTime() / DAY_MS - daysAgo) * DAY_MS + hour * 3_600_000);
      // The sessions behind the care: one a fortnight, completed.
      await insertDemoRows(
        db,
        'appointments',
        DAYS_AGO.map((d) => {
          const start = at(d + 1);
          return {
            id: newId(),
            agency_id: agencyId,
            counsellor_id: counsellorId,
            client_id: clientId,
            start_utc: start.toISOString(),
            end_utc: new Date(start.getTime() + 50 * 60_000).toISOString(),
            mode: 'video',
            status: 'completed',
            reason_enc: null,
            reminders: '',
            reminded_day_before_at: null,
            reminded_hour_before_at: null,
            confirmed_at: start.toISOString(),
            cancelled_at: null,
            cancelled_by: null,
            cancel_reason_enc: null,
            client_key: newId(),
            created_at: start.toISOString(),
            updated_at: start.toISOString(),
          };
        }),
      );
      const results = (['phq9', 'gad7'] as const).flatMap((id) =>
        (id === 'phq9' ? PHQ9_TOTALS : GAD7_TOTALS).map((total, i) => {
          const answers = answersFor(id, total);
          const outcome = scoreAnswers(id as InstrumentId, answers);
          if (!outcome.ok) throw new Error(`demo answers for ${id} do not score`);
          const createdAt = at(DAYS_AGO[i] as number, id === 'phq9' ? 3 : 4).toISOString();
          return {
            id: newId(),
            agency_id: agencyId,
            person_id: clientId,
            instrument_id: id,
            instrument_version: INSTRUMENTS[id].version,
            submission_key: `demo-${newId()}`,
            campaign_id: null,
            answers_enc: deps.keys.encrypt(JSON.stringify(answers)),
            result_enc: deps.keys.encrypt(JSON.stringify(outcome.result)),
            total: outcome.result.total,
            band: outcome.result.band,
            crisis: outcome.result.crisis ? 1 : 0,
            care_step: nextStepFor(outcome.result).step,
            locale: 'id',
            created_at: createdAt,
          };
        }),
      );
      await insertDemoRows(db, 'assessment_results', results);
      await insertDemoRows(
        db,
        'consents',
        results.map((r) => ({
          id: newId(),
          agency_id: agencyId,
          person_id: clientId,
          purpose: 'self_assessment',
          text_version: CONSENT_TEXTS.self_assessment,
          subject_type: 'assessment_result',
          subject_id: r.id,
          channel: 'web',
          granted_at: r.created_at,
          withdrawn_at: null,
        })),
      );
      const granted = at(DAYS_AGO[0] as number, 5).toISOString();
      const version = CURRENT_CONSENT_TEXT.shared_results;
      await insertDemoRows(db, 'counselling_consents', {
        id: newId(),
        agency_id: agencyId,
        client_id: clientId,
        counsellor_id: counsellorId,
        kind: 'shared_results',
        recipient_id: null,
        text_version: version,
        text_hash: CONSENT_TEXT_HASHES[version]?.id ?? '',
        text_locale: 'id',
        months: DEFAULT_CONSENT_PERIOD,
        granted_at: granted,
        expires_at: consentExpiresAt(granted, DEFAULT_CONSENT_PERIOD),
        revoked_at: null,
        client_key: newId(),
      });
      const next = counsellors[1];
      if (index === 0 && next) {
        const recipientId = refs.personId.get(next.key) as string;
        await insertNotesTransfer(db, { agencyId, clientId, counsellorId, recipientId, granted: at(2, 5) });
        await insertDemoRows(db, 'appointments', upcomingFirstSession(now, agencyId, recipientId, clientId));
      }
    }
  }
}

/** The client's notes_transfer consent: the counsellor's notes may be handed to the recipient. */
async function insertNotesTransfer(
  db: Kysely<Database>,
  c: { agencyId: string; clientId: string; counsellorId: string; recipientId: string; granted: Date },
): Promise<void> {
  const version = CURRENT_CONSENT_TEXT.notes_transfer;
  const months = 3;
  await insertDemoRows(db, 'counselling_consents', {
    id: newId(),
    agency_id: c.agencyId,
    client_id: c.clientId,
    counsellor_id: c.counsellorId,
    kind: 'notes_transfer',
    recipient_id: c.recipientId,
    text_version: version,
    text_hash: CONSENT_TEXT_HASHES[version]?.id ?? '',
    text_locale: 'id',
    months,
    granted_at: c.granted.toISOString(),
    expires_at: consentExpiresAt(c.granted.toISOString(), months),
    revoked_at: null,
    client_key: newId(),
  });
}

/**
 * A booked first session with the new counsellor, two working days ahead at 08:00 UTC — 15:00 WIB,
 * just after the demo's opening hours, so it never takes a slot `booking.ts` may have booked.
 */
function upcomingFirstSession(now: Date, agencyId: string, counsellorId: string, clientId: string) {
  const day = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + 8 * 3_600_000);
  for (let workdays = 0; workdays < 2;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) workdays++;
  }
  const created = now.toISOString();
  return {
    id: newId(),
    agency_id: agencyId,
    counsellor_id: counsellorId,
    client_id: clientId,
    start_utc: day.toISOString(),
    end_utc: new Date(day.getTime() + 50 * 60_000).toISOString(),
    mode: 'video',
    status: 'booked',
    reason_enc: null,
    reminders: '',
    reminded_day_before_at: null,
    reminded_hour_before_at: null,
    confirmed_at: created,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason_enc: null,
    client_key: newId(),
    created_at: created,
    updated_at: created,
  };
}
