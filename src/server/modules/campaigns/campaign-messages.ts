import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { endOfLocalDay } from '../../../domain/schedule/zoned-time.js';
import { nextWorkingMoment } from '../../../domain/schedule/working-hours.js';
import { formatCalendarDay } from '../../../i18n/format.js';
import { consentAllows } from '../my-data/index.js';
import { enqueueJobs, type JobRunner } from '../jobs/index.js';
import type { AuditOrigin } from '../audit/index.js';
import {
  countCompleted,
  findExistingJobKeys,
  findMembersDueForReminder,
  findRecipient,
  lockMember,
  markContacted,
  notificationExists,
} from './campaign-members.repository.js';
import { findAllOpenCampaigns, findCampaignById, type CampaignRow } from './campaigns.repository.js';
import { instrumentIdsOf } from './campaigns.presenter.js';
import type { CampaignDeps } from './campaigns.service.js';

export const INVITE_JOB = 'campaign.invite';
export const REMIND_JOB = 'campaign.remind';
const DAY_MS = 86_400_000;
const SWEEP_MS = 15 * 60_000;

interface MessagePayload {
  campaignId: string;
  personId: string;
  /** Reminders only: the how-manieth, so each reminder has its own dedupe key. */
  reminder?: number;
}

/** One key per message: a retried or duplicated job finds it and sends nothing. */
export const inviteKey = (campaignId: string, personId: string) => `campaign:${campaignId}:invite:${personId}`;
export const reminderKey = (campaignId: string, personId: string, n: number) =>
  `campaign:${campaignId}:remind:${personId}:${n}`;

const systemOrigin = (agencyId: string): AuditOrigin => ({ agencyId, actorId: null, actorRole: null, requestId: null });

/**
 * Campaign invitations and reminders, in-app and by email, through the durable job runner.
 *
 * - Only within the member's hours (docs/boundaries.md): jobs are scheduled for the next working
 *   moment, and a message that still falls outside them (a job that ran late, a holiday, Ramadan,
 *   the person's own hours) is stored held by the boundaries gate in notifications and mail.
 * - Exactly once: each message has a dedupe key; the job locks the member row (PostgreSQL),
 *   checks the key, then writes the notification, queues the email and updates the member in
 *   one transaction. Two app instances, or a retry after a crash, find the key and stop.
 * - Reminders go every N days to members who have not completed every instrument, counted from
 *   their last invitation or reminder; the job checks again before sending.
 * - Campaigns close by themselves when their last day has ended in the agency's time zone (one
 *   zone for the whole campaign keeps its end a single moment; WIT units therefore keep it up to
 *   two hours past their own midnight).
 */
export class CampaignMessenger {
  constructor(
    private readonly deps: CampaignDeps & {
      close: (db: Kysely<Database>, c: CampaignRow, origin: AuditOrigin) => Promise<CampaignRow | null>;
    },
  ) {}

  registerJobs(runner: JobRunner): void {
    runner.register(INVITE_JOB, (payload) => this.deliver('invite', payload as MessagePayload));
    runner.register(REMIND_JOB, (payload) => this.deliver('reminder', payload as MessagePayload));
    // Close first, so a campaign past its end gets no reminder in the same sweep.
    runner.every({ name: 'campaigns.close-ended', everyMs: SWEEP_MS, run: async () => void (await this.closeEnded()) });
    runner.every({
      name: 'campaigns.queue-reminders',
      everyMs: SWEEP_MS,
      run: async () => void (await this.queueReminders()),
    });
  }

  /** One invitation job per member, due when their invitation is (launch, same transaction; multi-row inserts). */
  async queueInvitations(
    db: Kysely<Database>,
    campaignId: string,
    members: ReadonlyArray<{ personId: string; invitedAt: string }>,
    now: Date,
  ): Promise<void> {
    const jobs = members.map((m) => ({
      kind: INVITE_JOB,
      payload: { campaignId, personId: m.personId },
      runAt: new Date(m.invitedAt),
      dedupeKey: inviteKey(campaignId, m.personId),
    }));
    await enqueueJobs(db, jobs, now);
  }

  /** Periodic: reminder jobs for members due one, each for the next working moment in their zone. */
  async queueReminders(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    let queued = 0;
    for (const campaign of await findAllOpenCampaigns(db)) {
      const every = campaign.reminder_every_days;
      if (every <= 0 || now >= endOfLocalDay(campaign.closes_at, campaign.agency_time_zone)) continue;
      const cutoff = new Date(now.getTime() - every * DAY_MS).toISOString();
      const due = (await findMembersDueForReminder(db, campaign.id, instrumentIdsOf(campaign), cutoff))
        // Counted from the invitation: the n-th period since it gives the n-th reminder.
        .map((m) => ({ ...m, n: Math.floor((now.getTime() - Date.parse(m.invitedAt)) / (every * DAY_MS)) }))
        .filter((m) => m.n >= 1);
      // A reminder waiting for Monday morning is not queued again at every sweep of the weekend.
      const waiting = await findExistingJobKeys(
        db,
        due.map((m) => reminderKey(campaign.id, m.personId, m.n)),
      );
      const jobs = due
        .map((m) => ({ m, dedupeKey: reminderKey(campaign.id, m.personId, m.n) }))
        .filter(({ dedupeKey }) => !waiting.has(dedupeKey))
        .map(({ m, dedupeKey }) => ({
          kind: REMIND_JOB,
          payload: { campaignId: campaign.id, personId: m.personId, reminder: m.n },
          runAt: nextWorkingMoment(now, m.timeZone),
          dedupeKey,
        }));
      // Multi-row inserts; a key another instance queued meanwhile is skipped, as with one at a time.
      await enqueueJobs(db, jobs, now);
      queued += jobs.length;
    }
    return queued;
  }

  /** Periodic: closes open campaigns whose last day has ended (agency time zone). */
  async closeEnded(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    let closed = 0;
    for (const campaign of await findAllOpenCampaigns(db)) {
      if (now < endOfLocalDay(campaign.closes_at, campaign.agency_time_zone)) continue;
      const done = await db
        .transaction()
        .execute((trx) => this.deps.close(trx, campaign, systemOrigin(campaign.agency_id)));
      if (done) closed++;
    }
    return closed;
  }

  private async deliver(kind: 'invite' | 'reminder', payload: MessagePayload): Promise<void> {
    const { db, clock, mail, notifications } = this.deps;
    await db.transaction().execute(async (trx) => {
      const member = await lockMember(trx, this.deps.kind, payload.campaignId, payload.personId);
      if (!member) return;
      const campaign = await findCampaignById(trx, payload.campaignId);
      // A closed campaign sends nothing more; a deactivated person gets nothing.
      if (campaign?.status !== 'open') return;
      const person = await findRecipient(trx, payload.personId);
      if (!person?.isActive) return;
      // The person withdrew from campaigns on My data: no invitation, no reminder.
      if (!(await consentAllows(trx, payload.personId, 'campaign_participation'))) return;
      const now = clock.now();
      if (
        kind === 'reminder' &&
        !(await this.reminderStillDue(trx, campaign, payload.personId, member.invitedAt, member.lastRemindedAt, now))
      )
        return;

      const dedupeKey =
        kind === 'invite'
          ? inviteKey(campaign.id, payload.personId)
          : reminderKey(campaign.id, payload.personId, payload.reminder ?? 0);
      if (await notificationExists(trx, dedupeKey)) return;
      // Outside the member's hours the notification and email are stored held until their next
      // allowed moment, by the boundaries gate inside notifications and mail (docs/boundaries.md).
      await notifications.add(trx, [
        {
          agencyId: campaign.agency_id,
          personId: payload.personId,
          kind: kind === 'invite' ? 'campaign.invited' : 'campaign.reminder',
          payload: { campaignId: campaign.id, title: campaign.title },
          dedupeKey,
        },
      ]);
      if (person.email && (await consentAllows(trx, payload.personId, 'email_notifications'))) {
        await mail.queue(trx, {
          agencyId: campaign.agency_id,
          agencyName: person.agencyName,
          to: person.email,
          locale: person.locale,
          template: kind === 'invite' ? 'campaign_invite' : 'campaign_reminder',
          personId: payload.personId,
          params: {
            name: person.fullName,
            title: campaign.title,
            closes: formatCalendarDay(campaign.closes_at, person.locale),
            link: `${this.deps.publicUrl}/self-check`,
          },
        });
      }
      await markContacted(
        trx,
        campaign.id,
        payload.personId,
        kind === 'invite' ? { invited_at: now.toISOString() } : { last_reminded_at: now.toISOString() },
      );
    });
  }

  private async reminderStillDue(
    db: Kysely<Database>,
    campaign: CampaignRow,
    personId: string,
    invitedAt: string,
    lastRemindedAt: string | null,
    now: Date,
  ): Promise<boolean> {
    if (campaign.reminder_every_days <= 0) return false;
    const lastContact = Date.parse(lastRemindedAt ?? invitedAt);
    if (now.getTime() - lastContact < campaign.reminder_every_days * DAY_MS) return false;
    const instruments = instrumentIdsOf(campaign);
    return (await countCompleted(db, campaign.id, personId, instruments)) < instruments.length;
  }
}
