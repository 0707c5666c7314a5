import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type {
  SurveyCreateBody,
  MySurveyDetail,
  SurveyDetail,
  SurveyProgress,
  SurveyResultsView,
  SurveyCommentsView,
  SurveyReopenBody,
  SurveyUpdateBody,
  SurveyView,
} from '../../../contracts/surveys.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { thresholdOf } from '../../../domain/anonymity/threshold.js';
import { endOfLocalDay, localDateOf } from '../../../domain/schedule/zoned-time.js';
import { answerProblems, normaliseAnswers } from '../../../domain/surveys/answers.js';
import { maskComment, nameWordsOf } from '../../../domain/surveys/comment-mask.js';
import { questionsOf, type SurveyDefinition } from '../../../domain/surveys/definition.js';
import type { AnswerValue } from '../../../domain/surveys/tally.js';
import { templateFor } from '../../../domain/surveys/templates/index.js';
import type { Clock } from '../../clock.js';
import { submitGroupCommit, type GroupCommit } from '../../group-commit.js';
import type { DatabaseKind } from '../../../db/connection.js';
import { newId } from '../../crypto.js';
import { AppError, conflict, FieldValidationError, notFound, unprocessable } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import { agencyFacts, agencyUnits, CampaignScope, type AgencyUnit } from '../campaigns/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import { SurveyMessenger } from './survey-messages.js';
import { renderResultsFile, type ResultsFileFormat } from './survey-results-file.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { Locale } from '../../../i18n/locales.js';
import {
  moveWaitingAnswers,
  PendingSeal,
  submitAnswers,
  type AnswerToStore,
  type SubmitOutcome,
} from './answers.repository.js';
import { presentSurvey, targetUnitIdsOf } from './surveys.presenter.js';
import { openSurvey } from './survey-opening.js';
import { SurveyProgressService } from './survey-progress.js';
import { COMPUTE_RESULTS_JOB, parseFilter, SurveyResultsService } from './survey-results.service.js';
import {
  findMembership,
  findMembershipsOf,
  findOpenSurveys,
  findOpenSurveysOfMember,
  findSurvey,
  findSurveyById,
  findSurveysOf,
  insertSurvey,
  memberNames,
  updateSurvey,
  type SurveyRow,
} from './surveys.repository.js';

export interface SurveyDeps {
  db: Kysely<Database>;
  kind: DatabaseKind;
  clock: Clock;
  audit: AuditService;
  directory: OrgDirectory;
  /** The instance secret: answers wait sealed with a key derived from it (decision 048). */
  secret: Buffer;
  mail: MailService;
  notifications: NotificationService;
  publicUrl: string;
  /** The results file is written in the reader's language. */
  i18n: i18n;
  /** Tally rows from which results are computed in a worker thread (survey-results-runner.ts). */
  resultsWorkerFrom?: number;
}

const MANAGE = 'manage:survey:unit' as const;
const SWEEP_MS = 5 * 60_000;
/** Name sets of the surveys answered lately; a survey's members are frozen, so its set never changes. */
const NAME_CACHE_SIZE = 20;
/** How long an open survey's facts are remembered for answering; its status is checked again when written. */
const ANSWERABLE_TTL_MS = 30_000;

interface Answerable {
  agencyId: string;
  status: SurveyRow['status'];
  opensOn: string;
  timeZone: string;
  definition: SurveyDefinition;
}

/**
 * Climate surveys (docs/surveys.md, docs/decisions/048-climate-surveys.md): a wellbeing admin drafts
 * one from a template, opens it (membership, profiles and thresholds frozen), and closes it;
 * employees asked answer once. No method here returns an answer with a person, or a person's
 * answer at all.
 */
export class SurveyService {
  readonly progress: SurveyProgressService;
  readonly messages: SurveyMessenger;
  readonly results: SurveyResultsService;
  private readonly seal: PendingSeal;
  private readonly names = new Map<string, ReadonlySet<string>>();
  private readonly surveysAnswered = new Map<string, Answerable & { until: number }>();
  /** Answers are group-committed (docs/decisions/033-group-commit.md, 054-steady-load-batching.md). */
  private readonly submits: GroupCommit<AnswerToStore, SubmitOutcome>;

  constructor(private readonly deps: SurveyDeps) {
    this.seal = new PendingSeal(deps.secret);
    this.progress = new SurveyProgressService(deps);
    this.messages = new SurveyMessenger(deps);
    this.results = new SurveyResultsService(deps);
    this.submits = submitGroupCommit<AnswerToStore, SubmitOutcome>({
      kind: deps.kind,
      commitBatch: (items) => submitAnswers(deps.db, deps.kind, this.seal, items),
      maxBatch: 256,
    });
  }

  /** Invitations and reminders; the closing sweep: a survey past its last day closes by itself, and its answers move. */
  registerJobs(runner: JobRunner): void {
    this.messages.registerJobs(runner);
    // After closing: the answers still waiting move (the k held back too), then the results are
    // computed. A job, so that a crash in between is finished by the next run (both are idempotent).
    runner.register(
      COMPUTE_RESULTS_JOB,
      async (payload) => {
        const survey = await findSurveyById(this.deps.db, (payload as { surveyId: string }).surveyId);
        if (survey?.status !== 'closed') return;
        await this.move(survey, true);
        await this.results.compute(survey.id);
        // Minutes for a large survey: beside the other jobs, not in front of them (JobRunner).
      },
      { long: true },
    );
    runner.every({ name: 'surveys.close-ended', everyMs: SWEEP_MS, run: async () => void (await this.closeEnded()) });
    runner.every({ name: 'surveys.move-waiting', everyMs: SWEEP_MS, run: async () => void (await this.moveWaiting()) });
  }

  async list(actor: Actor): Promise<SurveyView[]> {
    const { db } = this.deps;
    const units = await agencyUnits(this.deps.directory, actor.agencyId, db);
    const scope = CampaignScope.of(actor, MANAGE, units);
    const rows = (await findSurveysOf(db, actor.agencyId)).filter((s) => scope.overlaps(targetUnitIdsOf(s), units));
    const names = unitNames(units);
    return rows.map((s) => presentSurvey(s, names));
  }

  async get(actor: Actor, id: string): Promise<SurveyDetail> {
    const units = await agencyUnits(this.deps.directory, actor.agencyId, this.deps.db);
    const survey = await this.visible(this.deps.db, actor, id, units);
    return {
      ...presentSurvey(survey, unitNames(units)),
      definition: JSON.parse(survey.definition) as SurveyDetail['definition'],
    };
  }

  /** A draft built from a template for a setting; the admin adjusts it before opening. */
  async create(actor: Actor, body: SurveyCreateBody, origin: AuditOrigin): Promise<SurveyDetail> {
    const { db, clock } = this.deps;
    const template = templateFor(body.templateId, body.variant);
    if (!template) throw notFound();
    return db.transaction().execute(async (trx) => {
      const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
      const fields = await this.checkFields(trx, actor, body, units);
      const now = clock.now().toISOString();
      const row: SurveyRow = {
        id: newId(),
        agency_id: actor.agencyId,
        ...fields,
        template_id: template.id,
        variant: body.variant,
        definition: JSON.stringify(template.definition),
        status: 'draft',
        threshold: null,
        comment_threshold: null,
        member_count: 0,
        moved_count: 0,
        units: null,
        progress: null,
        results_at: null,
        created_by: actor.personId,
        created_at: now,
        updated_at: now,
        opened_at: null,
        closed_at: null,
      };
      await insertSurvey(trx, row);
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey.created',
          resourceType: 'survey',
          resourceId: row.id,
          details: { template: template.id },
        },
        trx,
      );
      return {
        ...presentSurvey(row, unitNames(units)),
        definition: JSON.parse(row.definition) as SurveyDetail['definition'],
      };
    });
  }

  /** Replaces a draft's fields, and its questions when sent; nobody has been asked yet. */
  async update(actor: Actor, id: string, body: SurveyUpdateBody): Promise<SurveyDetail> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
      const survey = await this.managed(trx, actor, id, units);
      if (survey.status !== 'draft') throw conflict('survey_not_draft');
      const patch: Partial<SurveyRow> = {
        ...(await this.checkFields(trx, actor, body, units)),
        ...(body.definition ? { definition: JSON.stringify(body.definition) } : {}),
        updated_at: clock.now().toISOString(),
      };
      if (!(await updateSurvey(trx, id, 'draft', patch))) throw conflict('survey_not_draft');
      const updated = { ...survey, ...patch };
      return {
        ...presentSurvey(updated, unitNames(units)),
        definition: JSON.parse(updated.definition) as SurveyDetail['definition'],
      };
    });
  }

  /** Opens a draft: who is asked, their profiles and the thresholds are fixed from now on (A8, A9). */
  async open(actor: Actor, id: string, origin: AuditOrigin): Promise<SurveyView> {
    const { db, clock } = this.deps;
    const units = await agencyUnits(this.deps.directory, actor.agencyId, db);
    const survey = await this.managed(db, actor, id, units);
    if (survey.status !== 'draft') throw conflict('survey_not_draft');
    const agency = await agencyFacts(this.deps.directory, actor.agencyId, db);
    if (!agency) throw notFound();
    if (survey.closes_on < localDateOf(clock.now(), agency.timeZone))
      throw new FieldValidationError([{ path: 'closesOn', key: 'surveys.closes_in_past' }]);
    const now = clock.now();
    const outcome = await openSurvey(db, { surveyId: id, agencyId: actor.agencyId, now }, async (trx, members) => {
      await this.progress.publishFirst(trx, id, now);
      await this.messages.queueInvitations(trx, id, survey.opens_on, now);
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey.opened',
          resourceType: 'survey',
          resourceId: id,
          details: { members: members.length },
        },
        trx,
      );
    });
    if (!outcome.ok) {
      if (outcome.reason === 'not_found') throw notFound();
      if (outcome.reason === 'not_draft') throw conflict('survey_not_draft');
      throw unprocessable('survey_fewer_than_k');
    }
    return this.present(db, actor, id, units);
  }

  /** Response rates per unit, as last published (A7), under A1–A5. */
  async progressOf(actor: Actor, id: string): Promise<SurveyProgress> {
    const units = await agencyUnits(this.deps.directory, actor.agencyId, this.deps.db);
    const survey = await this.visible(this.deps.db, actor, id, units);
    if (survey.status === 'draft') throw conflict('survey_not_open');
    return this.progress.read(actor, survey, unitNames(units));
  }

  /** One view of a closed survey's results (everyone, or one breakdown value), audited. */
  async resultsOf(
    actor: Actor,
    id: string,
    filter: string | undefined,
    origin: AuditOrigin,
  ): Promise<SurveyResultsView> {
    const units = await agencyUnits(this.deps.directory, actor.agencyId, this.deps.db);
    const survey = await this.visible(this.deps.db, actor, id, units);
    return this.results.read(actor, survey, units, parseFilter(filter), origin);
  }

  /** The results view as a spreadsheet, in the reader's language; audited like viewing it. */
  async resultsFile(
    actor: Actor,
    id: string,
    filter: string | undefined,
    origin: AuditOrigin,
    locale: Locale,
    format: ResultsFileFormat,
  ) {
    const units = await agencyUnits(this.deps.directory, actor.agencyId, this.deps.db);
    const survey = await this.visible(this.deps.db, actor, id, units);
    const results = await this.results.read(actor, survey, units, parseFilter(filter), origin, format);
    const agency = await agencyFacts(this.deps.directory, actor.agencyId, this.deps.db);
    const file = await renderResultsFile(
      {
        results,
        definition: JSON.parse(survey.definition) as SurveyDefinition,
        locale,
        timeZone: agency?.timeZone ?? 'Asia/Jakarta',
        t: translatorFor(this.deps.i18n, locale),
      },
      format,
    );
    const stem = survey.title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60);
    return { fileName: `teduh-hasil-${stem || 'survei'}.${format}`, ...file };
  }

  /** The comment groups of a closed survey (groups of at least k_c), audited. */
  async commentsOf(
    actor: Actor,
    id: string,
    unit: string | undefined,
    origin: AuditOrigin,
  ): Promise<SurveyCommentsView> {
    const units = await agencyUnits(this.deps.directory, actor.agencyId, this.deps.db);
    const survey = await this.visible(this.deps.db, actor, id, units);
    return this.results.comments(actor, survey, units, unit, origin);
  }

  /** Closes an open survey: every waiting answer moves, and response rates publish a last time. */
  async close(actor: Actor, id: string, origin: AuditOrigin): Promise<SurveyView> {
    const { db } = this.deps;
    const units = await agencyUnits(this.deps.directory, actor.agencyId, db);
    const survey = await this.managed(db, actor, id, units);
    if (survey.status !== 'open') throw conflict('survey_not_open');
    if (!(await this.closeOnce(survey, origin))) throw conflict('survey_not_open');
    return this.present(db, actor, id, units);
  }

  /**
   * Reopens a closed survey until a new last day. An exception (people have seen "closed"), so
   * it needs a reason, kept in the audit log beside who reopened it.
   */
  async reopen(actor: Actor, id: string, body: SurveyReopenBody, origin: AuditOrigin): Promise<SurveyView> {
    const { db, clock } = this.deps;
    const units = await agencyUnits(this.deps.directory, actor.agencyId, db);
    const survey = await this.managed(db, actor, id, units);
    if (survey.status !== 'closed') throw conflict('survey_not_closed');
    const agency = await agencyFacts(this.deps.directory, actor.agencyId, db);
    if (!agency) throw notFound();
    if (body.closesOn < localDateOf(clock.now(), agency.timeZone))
      throw new FieldValidationError([{ path: 'closesOn', key: 'surveys.closes_in_past' }]);
    await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const reopened = await updateSurvey(trx, id, 'closed', {
        status: 'open',
        closes_on: body.closesOn,
        closed_at: null,
        updated_at: now,
      });
      if (!reopened) throw conflict('survey_not_closed');
      await this.results.rememberShown(trx, id);
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey.reopened',
          resourceType: 'survey',
          resourceId: id,
          details: { reason: body.reason, closesOn: body.closesOn },
        },
        trx,
      );
    });
    return this.present(db, actor, id, units);
  }

  /** The open surveys I was asked, and whether I have answered each. */
  async mine(actor: Actor) {
    const rows = await findOpenSurveysOfMember(this.deps.db, actor.agencyId, actor.personId);
    return { items: rows.map((r) => myListing(r)) };
  }

  async mineOne(actor: Actor, id: string) {
    const row = (await findOpenSurveysOfMember(this.deps.db, actor.agencyId, actor.personId)).find((r) => r.id === id);
    if (!row) throw notFound();
    return { ...myListing(row), definition: JSON.parse(row.definition) as MySurveyDetail['definition'] };
  }

  /**
   * Seals my answer and records that I answered, in one transaction. A second answer is refused
   * with 409 and nothing about the first is read; a person not asked gets 404, the same as a
   * survey that does not exist.
   */
  async answer(actor: Actor, id: string, answers: Record<string, AnswerValue>): Promise<void> {
    const survey = await this.answerable(actor.agencyId, id);
    const membership = survey && (await findMembership(this.deps.db, id, actor.personId));
    if (!survey || !membership) throw notFound();
    const today = localDateOf(this.deps.clock.now(), survey.timeZone);
    if (survey.status !== 'open' || today < survey.opensOn) throw conflict('survey_not_open');
    const problems = answerProblems(survey.definition, answers);
    if (problems.length > 0)
      throw new FieldValidationError(problems.map((p) => ({ path: `answers.${p.questionId}`, key: p.code })));
    const kept = normaliseAnswers(answers);
    const nameWords = await this.nameWordsOf(id);
    const comments = questionsOf(survey.definition)
      .filter((q) => q.kind === 'text' && typeof kept[q.id] === 'string')
      .map((q) => ({ questionId: q.id, text: maskComment(kept[q.id] as string, nameWords) }));
    // Free text lives only in the masked comment: the response keeps that it was answered.
    for (const c of comments) kept[c.questionId] = '';
    const outcome = await this.submits.submit({
      surveyId: id,
      personId: actor.personId,
      answer: { profileKey: membership.profile_key, answers: kept, comments },
    });
    if (outcome === 'already_answered') throw conflict('survey_already_answered');
    if (outcome === 'not_open') throw conflict('survey_not_open');
  }

  /**
   * What answering needs of a survey, remembered for a short while: the definition is frozen once
   * open, and whether it is still open is checked again inside the write (submitAnswers), so a
   * remembered "open" can only let a request reach that check.
   */
  private async answerable(agencyId: string, id: string): Promise<Answerable | null> {
    const now = Date.now();
    const known = this.surveysAnswered.get(id);
    if (known && known.until > now) return known.agencyId === agencyId ? known : null;
    const row = await findSurvey(this.deps.db, agencyId, id);
    if (!row) return null;
    const agency = await agencyFacts(this.deps.directory, agencyId, this.deps.db);
    const entry: Answerable & { until: number } = {
      agencyId,
      status: row.status,
      opensOn: row.opens_on,
      timeZone: agency?.timeZone ?? 'Asia/Jakarta',
      definition: JSON.parse(row.definition) as SurveyDefinition,
      until: now + ANSWERABLE_TTL_MS,
    };
    // Only an open survey's definition is frozen; a draft may still change.
    if (row.status === 'open') {
      if (this.surveysAnswered.size >= NAME_CACHE_SIZE)
        this.surveysAnswered.delete(this.surveysAnswered.keys().next().value as string);
      this.surveysAnswered.set(id, entry);
    }
    return entry;
  }

  /**
   * For the person's copy of their data: the surveys they were asked and whether they answered.
   * Their answers are not in it because nothing links an answer to them any more (decision 048).
   */
  ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    return findMembershipsOf(db, me.id, me.agencyId);
  }

  /** Periodic: closes open surveys whose last day has passed in their agency's zone. */
  async closeEnded(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    let closed = 0;
    for (const survey of await findOpenSurveys(db)) {
      if (now < endOfLocalDay(survey.closes_on, survey.agency_time_zone)) continue;
      const origin: AuditOrigin = { agencyId: survey.agency_id, actorId: null, actorRole: null, requestId: null };
      if (await this.closeOnce(survey, origin)) closed += 1;
    }
    return closed;
  }

  /**
   * Periodic: in every open survey, moves waiting answers once enough wait (decision 048: a random
   * batch of at least 10, k always held back), so that sealed answers do not pile up until closing.
   */
  async moveWaiting(): Promise<number> {
    let moved = 0;
    for (const survey of await findOpenSurveys(this.deps.db)) moved += await this.move(survey, false);
    return moved;
  }

  private move(survey: SurveyRow, closing: boolean): Promise<number> {
    const definition = JSON.parse(survey.definition) as SurveyDefinition;
    return moveWaitingAnswers(this.deps.db, this.seal, {
      surveyId: survey.id,
      questions: questionsOf(definition),
      k: thresholdOf(survey.threshold),
      closing,
    });
  }

  private async closeOnce(survey: SurveyRow, origin: AuditOrigin): Promise<boolean> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const closed = await db.transaction().execute(async (trx) => {
      if (
        !(await updateSurvey(trx, survey.id, 'open', {
          status: 'closed',
          closed_at: now.toISOString(),
          updated_at: now.toISOString(),
        }))
      )
        return false;
      await this.progress.publishIfDue(trx, { ...survey, status: 'closed' }, now);
      await this.results.queue(trx, survey.id, now.toISOString());
      await this.deps.audit.record(
        {
          ...origin,
          agencyId: survey.agency_id,
          action: 'survey.closed',
          resourceType: 'survey',
          resourceId: survey.id,
        },
        trx,
      );
      return true;
    });
    return closed;
  }

  private async nameWordsOf(surveyId: string): Promise<ReadonlySet<string>> {
    const known = this.names.get(surveyId);
    if (known) return known;
    const words = nameWordsOf(await memberNames(this.deps.db, surveyId));
    if (this.names.size >= NAME_CACHE_SIZE) this.names.delete(this.names.keys().next().value as string);
    this.names.set(surveyId, words);
    return words;
  }

  private async present(db: Kysely<Database>, actor: Actor, id: string, units: readonly AgencyUnit[]) {
    const row = await findSurvey(db, actor.agencyId, id);
    if (!row) throw notFound();
    return presentSurvey(row, unitNames(units));
  }

  /** A survey of my agency that reaches into my scope; anything else does not exist for me. */
  async visible(db: Kysely<Database>, actor: Actor, id: string, units: readonly AgencyUnit[]): Promise<SurveyRow> {
    const survey = await findSurvey(db, actor.agencyId, id);
    if (!survey || !CampaignScope.of(actor, MANAGE, units).overlaps(targetUnitIdsOf(survey), units)) throw notFound();
    return survey;
  }

  /** A survey I may change: every target unit lies inside my scope. */
  private async managed(db: Kysely<Database>, actor: Actor, id: string, units: readonly AgencyUnit[]) {
    const survey = await this.visible(db, actor, id, units);
    if (!CampaignScope.of(actor, MANAGE, units).coversAll(targetUnitIdsOf(survey)))
      throw new AppError(403, 'survey_units_out_of_scope');
    return survey;
  }

  /** Units of my agency (else 404), active, inside my scope (else 403); a window not yet over; an earlier wave of mine. */
  private async checkFields(
    db: Kysely<Database>,
    actor: Actor,
    body: Omit<SurveyUpdateBody, 'definition'>,
    units: readonly AgencyUnit[],
  ) {
    const byId = new Map(units.map((u) => [u.id, u]));
    const unitIds = [...new Set(body.unitIds)];
    for (const id of unitIds) if (!byId.has(id)) throw notFound();
    for (const id of unitIds) if (!byId.get(id)?.isActive) throw unprocessable('unit_inactive');
    if (!CampaignScope.of(actor, MANAGE, units).coversAll(unitIds))
      throw new AppError(403, 'survey_units_out_of_scope');
    const agency = await agencyFacts(this.deps.directory, actor.agencyId, db);
    if (!agency) throw notFound();
    if (body.closesOn < localDateOf(this.deps.clock.now(), agency.timeZone))
      throw new FieldValidationError([{ path: 'closesOn', key: 'surveys.closes_in_past' }]);
    if (body.previousSurveyId) {
      const previous = await findSurvey(db, actor.agencyId, body.previousSurveyId);
      if (!previous || previous.status !== 'closed')
        throw new FieldValidationError([{ path: 'previousSurveyId', key: 'surveys.previous_not_closed' }]);
    }
    const types = [...new Set(body.employmentTypes ?? [])];
    return {
      title: body.title,
      target_unit_ids: JSON.stringify(unitIds),
      employment_types: types.length > 0 ? JSON.stringify(types) : null,
      opens_on: body.opensOn,
      closes_on: body.closesOn,
      previous_survey_id: body.previousSurveyId ?? null,
    };
  }
}

function unitNames(units: readonly AgencyUnit[]): Map<string, string> {
  return new Map(units.map((u) => [u.id, u.name]));
}

function myListing(row: {
  id: string;
  title: string;
  closes_on: string;
  definition: string;
  template_id: string | null;
  answered: number;
}) {
  const definition = JSON.parse(row.definition) as SurveyDefinition;
  const questionCount = questionsOf(definition).length;
  return {
    id: row.id,
    title: row.title,
    closesOn: row.closes_on,
    questionCount,
    // About ten seconds a question on a phone; a rounded estimate, never less than a minute.
    minutes: Math.max(1, Math.round(questionCount / 6)),
    answered: Number(row.answered) === 1,
  };
}
