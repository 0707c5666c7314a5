import type { Kysely } from 'kysely';
import { safetyPlanContent } from '../../contracts/safety-plan.js';
import { nextStepFor } from '../../domain/assessments/next-step.js';
import { CONSENT_TEXTS } from '../../domain/assessments/consent.js';
import { INSTRUMENTS } from '../../domain/instruments/catalog.js';
import type { Database } from '../../db/schema.js';
import { newId } from '../../server/crypto.js';
import { safetyPlanText } from '../../server/modules/safety-plan/index.js';
import { decideDelivery } from '../../domain/boundaries/delivery.js';
import { observedDaysOff } from '../../domain/boundaries/holidays.js';
import { addDays, localDateOf, startOfLocalDay } from '../../domain/schedule/zoned-time.js';
import {
  findAgencyTimeZone,
  findHolderOf,
  findPhoneOf,
  findRootUnitId,
  insertDemoRows,
} from './demo-seed.repository.js';
import type { DemoLoadDeps } from './load-demo.js';
import type { DemoWellbeing } from './wellbeing.js';

/** Database ids of what the agency step inserted, by the generator's keys. */
export interface LoadedRefs {
  agencyId: Map<string, string>;
  personId: Map<string, string>;
  unitOfPerson: Map<string, string>;
  agencyOfPerson: Map<string, string>;
}

/**
 * Writes the demo's campaigns, results (encrypted like real ones), their consent records, a
 * shared result and an open urgent request, in the caller's transaction.
 */
export async function insertWellbeing(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  data: DemoWellbeing,
  refs: LoadedRefs,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const person = (key: string) => refs.personId.get(key) as string;
  const agencyOf = (key: string) => refs.agencyOfPerson.get(key) as string;

  const campaignId = new Map(data.campaigns.map((c) => [c.key, newId()]));
  for (const c of data.campaigns) {
    const agencyId = refs.agencyId.get(c.agencyKey) as string;
    const rootId = await findRootUnitId(db, agencyId);
    const creatorId = await findHolderOf(db, agencyId, 'wellbeing_admin');
    await insertDemoRows(db, 'campaigns', {
      id: campaignId.get(c.key) as string,
      agency_id: agencyId,
      title: c.title,
      message: c.message,
      instrument_ids: JSON.stringify(c.instrumentIds),
      unit_ids: JSON.stringify([rootId]),
      opens_at: c.opensOn,
      closes_at: c.closesOn,
      reminder_every_days: 3,
      status: c.status,
      anonymity_threshold: 5,
      created_by: creatorId,
      created_at: c.launchedAt,
      updated_at: c.closedAt ?? c.launchedAt,
      launched_at: c.launchedAt,
      closed_at: c.closedAt,
    });
    await insertDemoRows(
      db,
      'campaign_members',
      c.memberKeys.map((k) => ({
        campaign_id: campaignId.get(c.key) as string,
        person_id: person(k),
        unit_id: refs.unitOfPerson.get(k) as string,
        invited_at: c.launchedAt,
        last_reminded_at: null,
      })),
    );
    if (c.status === 'open') {
      await insertDemoRows(
        db,
        'notifications',
        c.memberKeys.map((k) => ({
          id: newId(),
          agency_id: agencyId,
          person_id: person(k),
          kind: 'campaign.invited',
          payload: JSON.stringify({ campaignId: campaignId.get(c.key), title: c.title }),
          dedupe_key: `campaign:${campaignId.get(c.key)}:invite:${person(k)}`,
          created_at: c.launchedAt,
          read_at: null,
        })),
      );
      // Work-hour boundaries (docs/boundaries.md): the agency's Ramadan 1447 H, and a reminder
      // queued for the next working morning, shown to each member as "Ditahan sampai …".
      await insertDemoRows(db, 'agency_ramadan', {
        agency_id: agencyId,
        year: 2026,
        starts_on: '2026-02-19',
        ends_on: '2026-03-20',
        updated_at: now,
      });
      const timeZone = await findAgencyTimeZone(db, agencyId);
      const tomorrow = startOfLocalDay(addDays(localDateOf(deps.clock.now(), timeZone), 1), timeZone);
      const decision = decideDelivery(tomorrow, { timeZone, daysOff: observedDaysOff([]) });
      const heldUntil = (decision.deliverNow ? tomorrow : decision.heldUntil).toISOString();
      await insertDemoRows(
        db,
        'notifications',
        c.memberKeys.map((k) => ({
          id: newId(),
          agency_id: agencyId,
          person_id: person(k),
          kind: 'campaign.reminder',
          payload: JSON.stringify({ campaignId: campaignId.get(c.key), title: c.title }),
          dedupe_key: `campaign:${campaignId.get(c.key)}:remind:${person(k)}:demo`,
          created_at: now,
          read_at: null,
          held_until: heldUntil,
        })),
      );
    }
  }

  const resultIds: Array<{ id: string; personKey: string; instrumentId: string; createdAt: string }> = [];
  const rows = data.results.map((r) => {
    const id = newId();
    resultIds.push({ id, personKey: r.personKey, instrumentId: r.instrumentId, createdAt: r.createdAt });
    return {
      id,
      agency_id: agencyOf(r.personKey),
      person_id: person(r.personKey),
      instrument_id: r.instrumentId,
      instrument_version: INSTRUMENTS[r.instrumentId].version,
      submission_key: `demo-${id}`,
      campaign_id: r.campaignKey ? (campaignId.get(r.campaignKey) as string) : null,
      answers_enc: deps.keys.encrypt(JSON.stringify(r.answers)),
      result_enc: deps.keys.encrypt(JSON.stringify(r.result)),
      total: r.result.total,
      band: r.instrumentId === 'cbi' ? cbiBand(r.result) : r.result.band,
      crisis: r.result.crisis ? 1 : 0,
      care_step: nextStepFor(r.result).step,
      locale: 'id',
      created_at: r.createdAt,
    };
  });
  await insertDemoRows(db, 'assessment_results', rows);
  // Each result carries the record of the consent the person gave before the form (UU PDP Art. 22).
  await insertDemoRows(
    db,
    'consents',
    resultIds.map((r) => ({
      id: newId(),
      agency_id: agencyOf(r.personKey),
      person_id: person(r.personKey),
      purpose: 'self_assessment',
      text_version: CONSENT_TEXTS.self_assessment,
      subject_type: 'assessment_result',
      subject_id: r.id,
      channel: 'web',
      granted_at: r.createdAt,
      withdrawn_at: null,
    })),
  );

  if (data.share) {
    const share = data.share;
    const latest = resultIds
      .filter((r) => r.personKey === share.personKey && r.instrumentId === share.instrumentId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (latest) {
      const consentId = newId();
      await insertDemoRows(db, 'consents', {
        id: consentId,
        agency_id: agencyOf(share.personKey),
        person_id: person(share.personKey),
        purpose: 'share_result',
        text_version: CONSENT_TEXTS.share_result,
        subject_type: 'assessment_result',
        subject_id: latest.id,
        channel: 'web',
        granted_at: now,
        withdrawn_at: null,
      });
      await insertDemoRows(db, 'result_shares', {
        id: newId(),
        agency_id: agencyOf(share.personKey),
        result_id: latest.id,
        person_id: person(share.personKey),
        counsellor_id: person(share.counsellorKey),
        consent_id: consentId,
        granted_at: now,
        revoked_at: null,
      });
    }
  }

  if (data.urgentRequest) {
    const r = data.urgentRequest;
    const phone = await findPhoneOf(db, person(r.personKey));
    await insertDemoRows(db, 'crisis_requests', {
      id: newId(),
      agency_id: agencyOf(r.personKey),
      person_id: person(r.personKey),
      unit_id: refs.unitOfPerson.get(r.personKey) as string,
      source: 'help_button',
      result_id: null,
      contact_method: r.method,
      contact_enc: deps.keys.encrypt(phone ?? '+62 812 0000 0000'),
      preferred_time: 'Sore ini setelah jam kerja',
      note_enc: deps.keys.encrypt('Saya sedang sangat tertekan dan ingin bicara dengan seseorang.'),
      status: 'open',
      submission_key: `demo-${newId()}`,
      created_at: r.createdAt,
      acknowledged_by: null,
      acknowledged_at: null,
      closed_at: null,
    });
  }

  // Daily check-ins (docs/decisions/032-check-ins.md): the note and tags sealed like real ones.
  await insertDemoRows(
    db,
    'check_ins',
    data.checkIns.map((c) => ({
      id: newId(),
      person_id: person(c.personKey),
      agency_id: agencyOf(c.personKey),
      local_date: c.localDate,
      mood: c.mood,
      stress: c.stress,
      energy: c.energy,
      sleep_minutes: c.sleepMinutes,
      sleep_quality: c.sleepQuality,
      activity_minutes: c.activityMinutes,
      workload: c.workload,
      details_enc:
        c.note !== null || c.tags.length > 0 ? deps.keys.encrypt(JSON.stringify({ note: c.note, tags: c.tags })) : null,
      client_key: `demo-${newId()}`,
      version: 1,
      created_at: `${c.localDate}T13:00:00.000Z`,
      updated_at: `${c.localDate}T13:00:00.000Z`,
    })),
  );

  if (data.safetyPlan) {
    const { personKey, plan } = data.safetyPlan;
    const text = safetyPlanText(safetyPlanContent.parse(plan));
    await insertDemoRows(db, 'safety_plans', {
      person_id: person(personKey),
      agency_id: agencyOf(personKey),
      plan_enc: deps.keys.encrypt(text),
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }
}

/** CBI has no total band; campaign figures use the person's highest sub-scale band4 (see campaigns module). */
function cbiBand(result: { subscales?: Record<string, { band4: string } | null> }): string | null {
  const order = ['low', 'moderate', 'high', 'severe'];
  const bands = Object.values(result.subscales ?? {}).flatMap((s) => (s ? [s.band4] : []));
  return bands.sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] ?? null;
}
