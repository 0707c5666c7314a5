import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nextWorkingMoment } from '../../../domain/schedule/working-hours.js';
import { endOfLocalDay, startOfLocalDay } from '../../../domain/schedule/zoned-time.js';
import { formatCalendarDay } from '../../../i18n/format.js';
import { findExistingJobKeys, findRecipient, notificationExists } from '../campaigns/index.js';
import { enqueueJobs, type JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import { consentAllows } from '../my-data/index.js';
import type { NotificationService } from '../notifications/index.js';
import { findMembersNotAnswered, findOpenSurveys, findSurveyById, hasAnswered } from './surveys.repository.js';

export const SURVEY_INVITE_JOB = 'survey.invite';
export const SURVEY_REMIND_JOB = 'survey.remind';
const DAY_MS = 86_400_000;
/** A reminder every three days while open: often enough to be seen, rare enough not to nag. */
export const REMIND_EVERY_DAYS = 3;
const SWEEP_MS = 15 * 60_000;

interface MessagePayload {
  surveyId: string;
  personId: string;
  reminder?: number;
}

export const surveyInviteKey = (surveyId: string, personId: string) => `survey:${surveyId}:invite:${personId}`;
export const surveyReminderKey = (surveyId: string, personId: string, n: number) =>
  `survey:${surveyId}:remind:${personId}:${n}`;

export interface SurveyMessengerDeps {
  db: Kysely<Database>;
  clock: { now(): Date };
  mail: MailService;
  notifications: NotificationService;
  publicUrl: string;
}

/**
 * Survey invitations and reminders, in-app and by email, on the durable job runner — the same
 * way as screening campaigns (campaign-messages.ts): each message once (a dedupe key per person
 * and message), due at the next working moment of the person's unit, and held by the boundaries
 * gate if it still falls outside their hours. Reminders go only to members without a
 * participation row, so the list of who is reminded says no more than that record already does.
 */
export class SurveyMessenger {
  constructor(private readonly deps: SurveyMessengerDeps) {}

  registerJobs(runner: JobRunner): void {
    runner.register(SURVEY_INVITE_JOB, (payload) => this.deliver('invite', payload as MessagePayload));
    runner.register(SURVEY_REMIND_JOB, (payload) => this.deliver('reminder', payload as MessagePayload));
    runner.every({
      name: 'surveys.queue-reminders',
      everyMs: SWEEP_MS,
      run: async () => void (await this.queueReminders()),
    });
  }

  /** One invitation per member, due on the opening day's first working moment (or now, if later). */
  async queueInvitations(trx: Kysely<Database>, surveyId: string, opensOn: string, now: Date): Promise<void> {
    const members = await findMembersNotAnswered(trx, surveyId);
    const dueAt = new Map<string, Date>();
    const jobs = members.map((m) => {
      let at = dueAt.get(m.timeZone);
      if (!at) {
        const opens = startOfLocalDay(opensOn, m.timeZone);
        at = nextWorkingMoment(opens > now ? opens : now, m.timeZone);
        dueAt.set(m.timeZone, at);
      }
      return {
        kind: SURVEY_INVITE_JOB,
        payload: { surveyId, personId: m.personId },
        runAt: at,
        dedupeKey: surveyInviteKey(surveyId, m.personId),
      };
    });
    await enqueueJobs(trx, jobs, now);
  }

  /** Periodic: the n-th reminder, every REMIND_EVERY_DAYS since opening, to members who have not answered. */
  async queueReminders(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    let queued = 0;
    for (const survey of await findOpenSurveys(db)) {
      if (!survey.opened_at || now >= endOfLocalDay(survey.closes_on, survey.agency_time_zone)) continue;
      const n = Math.floor((now.getTime() - Date.parse(survey.opened_at)) / (REMIND_EVERY_DAYS * DAY_MS));
      if (n < 1) continue;
      const due = await findMembersNotAnswered(db, survey.id);
      const waiting = await findExistingJobKeys(
        db,
        due.map((m) => surveyReminderKey(survey.id, m.personId, n)),
      );
      const jobs = due
        .map((m) => ({ m, dedupeKey: surveyReminderKey(survey.id, m.personId, n) }))
        .filter(({ dedupeKey }) => !waiting.has(dedupeKey))
        .map(({ m, dedupeKey }) => ({
          kind: SURVEY_REMIND_JOB,
          payload: { surveyId: survey.id, personId: m.personId, reminder: n },
          runAt: nextWorkingMoment(now, m.timeZone),
          dedupeKey,
        }));
      await enqueueJobs(db, jobs, now);
      queued += jobs.length;
    }
    return queued;
  }

  private async deliver(kind: 'invite' | 'reminder', payload: MessagePayload): Promise<void> {
    const { db, mail, notifications } = this.deps;
    await db.transaction().execute(async (trx) => {
      const survey = await findSurveyById(trx, payload.surveyId);
      // A closed survey sends nothing more; someone who answered is not reminded.
      if (survey?.status !== 'open') return;
      if (await hasAnswered(trx, survey.id, payload.personId)) return;
      const person = await findRecipient(trx, payload.personId);
      if (!person?.isActive || person.agencyId !== survey.agency_id) return;
      const dedupeKey =
        kind === 'invite'
          ? surveyInviteKey(survey.id, payload.personId)
          : surveyReminderKey(survey.id, payload.personId, payload.reminder ?? 0);
      if (await notificationExists(trx, dedupeKey)) return;
      await notifications.add(trx, [
        {
          agencyId: survey.agency_id,
          personId: payload.personId,
          kind: kind === 'invite' ? 'survey.invited' : 'survey.reminder',
          payload: { surveyId: survey.id, title: survey.title },
          dedupeKey,
        },
      ]);
      if (person.email && (await consentAllows(trx, payload.personId, 'email_notifications'))) {
        await mail.queue(trx, {
          agencyId: survey.agency_id,
          agencyName: person.agencyName,
          to: person.email,
          locale: person.locale,
          template: kind === 'invite' ? 'survey_invite' : 'survey_reminder',
          personId: payload.personId,
          params: {
            name: person.fullName,
            title: survey.title,
            closes: formatCalendarDay(survey.closes_on, person.locale),
            link: `${this.deps.publicUrl}/surveys/mine/${survey.id}`,
          },
        });
      }
    });
  }
}
