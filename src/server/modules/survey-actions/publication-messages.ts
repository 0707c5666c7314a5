import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nextWorkingMoment } from '../../../domain/schedule/working-hours.js';
import { findRecipient } from '../campaigns/index.js';
import { enqueueJobs, type JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import { consentAllows } from '../my-data/index.js';
import type { NotificationService } from '../notifications/index.js';
import { findMembersWithZone, findPublication, findSurveyFacts } from './survey-actions.repository.js';

export const SURVEY_PUBLISHED_JOB = 'survey.published';

/** One message per member and survey, ever: publishing again after taking it down notifies nobody twice. */
export const publishedKey = (surveyId: string, personId: string) => `survey:${surveyId}:published:${personId}`;

interface Payload {
  surveyId: string;
  agencyId: string;
  personId: string;
}

export interface PublicationMessengerDeps {
  db: Kysely<Database>;
  mail: MailService;
  notifications: NotificationService;
  publicUrl: string;
}

/**
 * "The results are out": in-app and by email to every frozen member of the survey, like survey
 * invitations (survey-messages.ts): a job per person with a dedupe key, due at the next working
 * moment of their unit, held by the boundaries gate if still outside their hours.
 */
export class PublicationMessenger {
  constructor(private readonly deps: PublicationMessengerDeps) {}

  registerJobs(runner: JobRunner): void {
    runner.register(SURVEY_PUBLISHED_JOB, (payload) => this.deliver(payload as Payload));
  }

  async queue(trx: Kysely<Database>, surveyId: string, agencyId: string, now: Date): Promise<number> {
    const members = await findMembersWithZone(trx, surveyId);
    const dueAt = new Map<string, Date>();
    const jobs = members.map((m) => {
      let at = dueAt.get(m.timeZone);
      if (!at) {
        at = nextWorkingMoment(now, m.timeZone);
        dueAt.set(m.timeZone, at);
      }
      return {
        kind: SURVEY_PUBLISHED_JOB,
        payload: { surveyId, agencyId, personId: m.personId } satisfies Payload,
        runAt: at,
        dedupeKey: publishedKey(surveyId, m.personId),
      };
    });
    await enqueueJobs(trx, jobs, now);
    return members.length;
  }

  private async deliver(payload: Payload): Promise<void> {
    const { db, mail, notifications } = this.deps;
    await db.transaction().execute(async (trx) => {
      // Taken down before the message was due: nothing to announce.
      if ((await findPublication(trx, payload.surveyId))?.status !== 'published') return;
      const survey = await findSurveyFacts(trx, payload.agencyId, payload.surveyId);
      const person = await findRecipient(trx, payload.personId);
      if (!survey || !person?.isActive || person.agencyId !== survey.agency_id) return;
      const added = await notifications.addOnce(trx, {
        agencyId: survey.agency_id,
        personId: payload.personId,
        kind: 'survey.published',
        payload: { surveyId: survey.id, title: survey.title },
        dedupeKey: publishedKey(survey.id, payload.personId),
      });
      if (!added) return;
      if (person.email && (await consentAllows(trx, payload.personId, 'email_notifications')))
        await mail.queue(trx, {
          agencyId: survey.agency_id,
          agencyName: person.agencyName,
          to: person.email,
          locale: person.locale,
          template: 'survey_published',
          personId: payload.personId,
          params: {
            name: person.fullName,
            title: survey.title,
            link: `${this.deps.publicUrl}/surveys/published/${survey.id}`,
          },
        });
    });
  }
}
