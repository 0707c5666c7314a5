import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nextWorkingMoment } from '../../../domain/schedule/working-hours.js';
import { formatDateTime, timeZoneName } from '../../../i18n/format.js';
import { findRecipient, notificationExists } from '../campaigns/index.js';
import { enqueueJobs, type JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import { consentAllows } from '../my-data/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { Clock } from '../../clock.js';

export const GATHERING_MESSAGE_JOB = 'committee.gathering_message';

/** The in-app kinds and their email templates (src/i18n/{id,en}/email.ts). */
export const GATHERING_KINDS = {
  'committee.meeting_scheduled': 'committee_meeting_scheduled',
  'committee.meeting_changed': 'committee_meeting_changed',
  'committee.meeting_cancelled': 'committee_meeting_cancelled',
  'focus_group.invited': 'focus_group_invite',
  'focus_group.reminder': 'focus_group_reminder',
  'focus_group.cancelled': 'focus_group_cancelled',
} as const;
export type GatheringKind = keyof typeof GATHERING_KINDS;

/** One message to one person about a meeting or a focus group: everything the job needs is here. */
export interface GatheringMessage {
  kind: GatheringKind;
  agencyId: string;
  personId: string;
  /** The meeting's or focus group's id, title and when (UTC) in which time zone. */
  subjectId: string;
  title: string;
  startsAt: string;
  timeZone: string;
  place: string | null;
  /** The web path the message links to. */
  path: string;
  /** Stores the message once: a retried write, or the sweep running twice, sends nothing more. */
  dedupeKey: string;
}

/**
 * Invitations, changes, cancellations and reminders of committee meetings and focus groups
 * (docs/decisions/053-committee-and-focus-groups.md), in-app and by email, on the durable job runner
 * like survey invitations (surveys/survey-messages.ts): queued in the change's transaction, due at the
 * person's next working moment, each once by its dedupe key, and the email only with the person's
 * consent to email notifications. A message names the gathering, never who else is invited.
 */
export class GatheringMessenger {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      mail: MailService;
      notifications: NotificationService;
      publicUrl: string;
      clock: Clock;
    },
  ) {}

  registerJobs(runner: JobRunner): void {
    runner.register(GATHERING_MESSAGE_JOB, (payload) => this.deliver(payload as GatheringMessage));
  }

  async queue(trx: Kysely<Database>, messages: readonly GatheringMessage[], now: Date): Promise<void> {
    await enqueueJobs(
      trx,
      messages.map((m) => ({
        kind: GATHERING_MESSAGE_JOB,
        payload: m,
        runAt: nextWorkingMoment(now, m.timeZone),
        dedupeKey: m.dedupeKey,
      })),
      now,
    );
  }

  private async deliver(m: GatheringMessage): Promise<void> {
    const { db, mail, notifications, publicUrl, clock } = this.deps;
    // Held until the person's working hours, a message can come due after the gathering began (a
    // meeting recorded after it was held, an invitation queued on a Friday evening for a Monday
    // 07:00 group): by then it would only mislead, so it is dropped.
    if (Date.parse(m.startsAt) <= clock.now().getTime()) return;
    await db.transaction().execute(async (trx) => {
      const person = await findRecipient(trx, m.personId);
      if (!person?.isActive || person.agencyId !== m.agencyId) return;
      if (await notificationExists(trx, m.dedupeKey)) return;
      await notifications.add(trx, [
        {
          agencyId: m.agencyId,
          personId: m.personId,
          kind: m.kind,
          payload: { id: m.subjectId, title: m.title, startsAt: m.startsAt, timeZone: m.timeZone },
          dedupeKey: m.dedupeKey,
        },
      ]);
      if (person.email && (await consentAllows(trx, m.personId, 'email_notifications'))) {
        await mail.queue(trx, {
          agencyId: m.agencyId,
          agencyName: person.agencyName,
          to: person.email,
          locale: person.locale,
          template: GATHERING_KINDS[m.kind],
          personId: m.personId,
          params: {
            name: person.fullName,
            title: m.title,
            when: `${formatDateTime(m.startsAt, person.locale, m.timeZone)} ${timeZoneName(m.timeZone)}`,
            place: m.place ?? '—',
            link: `${publicUrl}${m.path}`,
          },
        });
      }
    });
  }
}
