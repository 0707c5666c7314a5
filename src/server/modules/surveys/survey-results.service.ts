import type { Kysely } from 'kysely';
import type { NodeResultView, SurveyCommentsView, SurveyResultsView } from '../../../contracts/surveys.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { thresholdOf } from '../../../domain/anonymity/threshold.js';
import { MIN_COMMENT_GROUP, type CommentGroup } from '../../../domain/surveys/comment-groups.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
import { ANY } from '../../../domain/surveys/profiles.js';
import type { SurveyFilter, SurveyTableInput } from '../../../domain/surveys/results-table.js';
import type { NodeResult } from '../../../domain/surveys/results.js';
import { newId } from '../../crypto.js';
import { conflict, FieldValidationError } from '../../http/errors.js';
import type { AuditOrigin } from '../audit/index.js';
import { CampaignScope, type AgencyUnit } from '../campaigns/index.js';
import { enqueueJob } from '../jobs/index.js';
import {
  countResponsesByProfile,
  findComments,
  findProfiles,
  findResultView,
  findShownSnapshots,
  findTallies,
  saveResultViews,
  saveShownSnapshot,
} from './survey-results.repository.js';
import { frozenUnits } from './survey-progress.js';
import { COMMENTS_VIEW, viewKeyOf, type ShownSnapshot, type StoredView } from './survey-results-compute.js';
import { computeSurveyViews } from './survey-results-runner.js';
import { findSurveyById, type SurveyRow } from './surveys.repository.js';
import type { SurveyDeps } from './surveys.service.js';

export const COMPUTE_RESULTS_JOB = 'survey.compute-results';
const tallyOf = (t: { profile_key: string; question_id: string; value: number; count: number }) => ({
  profileKey: t.profile_key,
  questionId: t.question_id,
  value: t.value,
  count: t.count,
});

const responseCountOf = (respondents: SurveyTableInput['respondents']) =>
  respondents.reduce((sum, r) => sum + r.respondents, 0);

/**
 * The results of closed surveys (docs/surveys.md#results-and-anonymity). They are computed once,
 * by a job queued when the survey closes — every view (everyone, and each value of each
 * breakdown) from one run of the anonymity engine, and the comment groups — and stored; a screen,
 * an export or a second viewer reads what was stored, so every view is one more look at the same
 * cells and no figure moves afterwards (A7).
 */
export class SurveyResultsService {
  constructor(private readonly deps: Pick<SurveyDeps, 'db' | 'clock' | 'audit' | 'resultsWorkerFrom'>) {}

  /**
   * Queues the closing's work (in the closing's transaction, so it exists iff the survey closed):
   * the job moves every answer still waiting, then computes (SurveyService registers it).
   */
  async queue(db: Kysely<Database>, surveyId: string, closedAt: string): Promise<void> {
    await enqueueJob(
      db,
      {
        kind: COMPUTE_RESULTS_JOB,
        payload: { surveyId },
        runAt: new Date(closedAt),
        // One job per closing (queued in its transaction); a reopened survey closes again with a new one.
        dedupeKey: `survey:${surveyId}:results:${newId()}`,
      },
      new Date(closedAt),
    );
  }

  /**
   * Reopening keeps the stored results, and remembers the counts they were computed from, so
   * that closing again cannot show a difference that isolates the late answers
   * (docs/surveys.md#reopening). Nothing to remember when nothing was computed yet, or when the
   * stored results are those an earlier reopening already remembered.
   */
  async rememberShown(db: Kysely<Database>, surveyId: string): Promise<void> {
    const body = await findResultView(db, surveyId, viewKeyOf(null));
    if (!body) return;
    const stored = JSON.parse(body) as StoredView;
    const snapshots = (await findShownSnapshots(db, surveyId)).map((b) => JSON.parse(b) as ShownSnapshot);
    if (snapshots.some((s) => s.responseCount === stored.responseCount)) return;
    const [tallies, respondents] = await Promise.all([
      findTallies(db, surveyId),
      countResponsesByProfile(db, surveyId),
    ]);
    const snapshot: ShownSnapshot = {
      responseCount: responseCountOf(respondents),
      tallies: tallies.map(tallyOf),
      respondents,
    };
    await saveShownSnapshot(db, surveyId, snapshots.length + 1, JSON.stringify(snapshot));
  }

  /**
   * Runs the engine over the survey's tallies and stores every view. Returns false if the survey
   * is not closed. A survey closed again after reopening keeps the results it showed unless at
   * least k answers came since, and its new results withhold every cell that moved by 1..k−1 from
   * a value shown before (A7); its comments stay those of the first results.
   */
  async compute(surveyId: string): Promise<boolean> {
    const { db, clock } = this.deps;
    const survey = await findSurveyById(db, surveyId);
    if (!survey || survey.status !== 'closed') return false;
    const [profiles, tallies, respondents, comments, snapshots] = await Promise.all([
      findProfiles(db, surveyId),
      findTallies(db, surveyId),
      countResponsesByProfile(db, surveyId),
      findComments(db, surveyId),
      findShownSnapshots(db, surveyId).then((bodies) => bodies.map((b) => JSON.parse(b) as ShownSnapshot)),
    ]);
    const k = thresholdOf(survey.threshold);
    const responseCount = responseCountOf(respondents);
    const last = snapshots.at(-1);
    if (last && responseCount - last.responseCount < k) return true;
    const table = {
      definition: JSON.parse(survey.definition) as SurveyDefinition,
      units: frozenUnits(survey),
      profiles: profiles.map((p) => ({
        key: p.profile_key,
        unitId: p.unit_id,
        employmentType: p.employment_type,
        ageBand: p.age_band,
        serviceBand: p.service_band,
      })),
      tallies: tallies.map(tallyOf),
      respondents,
      members: profiles.map((p) => ({ profileKey: p.profile_key, members: p.member_count })),
    } satisfies SurveyTableInput;
    const computedAt = clock.now().toISOString();
    const computed = await computeSurveyViews(
      {
        table,
        k,
        kc: Math.max(MIN_COMMENT_GROUP, survey.comment_threshold ?? MIN_COMMENT_GROUP),
        responseCount,
        snapshots,
        // A reopened survey keeps the comments of its first showing (docs/surveys.md#reopening).
        comments:
          snapshots.length > 0
            ? null
            : comments.map((c) => ({ questionId: c.question_id, profileKey: c.profile_key, text: c.text })),
        computedAt,
      },
      this.deps.resultsWorkerFrom,
    );
    const commentsBody = computed.comments ?? (await findResultView(db, surveyId, COMMENTS_VIEW)) ?? '[]';
    await db.transaction().execute(async (trx) => {
      const still = await findSurveyById(trx, surveyId);
      if (still?.status !== 'closed') return;
      await saveResultViews(
        trx,
        surveyId,
        [...computed.views, { viewKey: COMMENTS_VIEW, body: commentsBody }],
        computedAt,
      );
    });
    return true;
  }

  /** One view of a closed survey's results for this viewer: the rows of their scope, named. */
  async read(
    actor: Actor,
    survey: SurveyRow,
    units: readonly AgencyUnit[],
    filter: SurveyFilter | null,
    origin: AuditOrigin,
    /** A file export is audited as such, with its format. */
    as: 'view' | 'xlsx' | 'pdf' = 'view',
  ): Promise<SurveyResultsView> {
    const { db } = this.deps;
    if (survey.status !== 'closed') throw conflict('survey_not_closed');
    if (!survey.results_at) throw conflict('survey_results_not_ready');
    const body = await findResultView(db, survey.id, viewKeyOf(filter));
    if (!body) throw new FieldValidationError([{ path: 'filter', key: 'surveys.invalid_filter' }]);
    const stored = JSON.parse(body) as StoredView;
    const scope = CampaignScope.of(actor, 'manage:survey:unit', units);
    const names = new Map(units.map((u) => [u.id, u.name]));
    const inScope = (n: NodeResult) => scope.covers(n.nodeId);
    const named = (n: NodeResult): NodeResultView => ({
      ...n,
      unitName: names.get(n.nodeId) ?? '',
      // A parent outside the viewer's scope is not a row they see.
      parentId: n.parentId !== null && scope.covers(n.parentId) ? n.parentId : null,
    });
    const rows = stored.results.rows.filter(inScope);
    const shown = new Set(rows.map((r) => r.nodeId));
    const previous = await this.previousOf(survey, filter, shown);
    await this.deps.audit.record({
      ...origin,
      action: as === 'view' ? 'survey.results_viewed' : 'survey.results_exported',
      resourceType: 'survey',
      resourceId: survey.id,
      details: { view: viewKeyOf(filter) || 'all', ...(as === 'view' ? {} : { format: as }) },
    });
    return {
      surveyId: survey.id,
      title: survey.title,
      threshold: stored.results.k,
      commentThreshold: Math.max(MIN_COMMENT_GROUP, survey.comment_threshold ?? MIN_COMMENT_GROUP),
      computedAt: stored.computedAt,
      filter,
      filters: stored.filters,
      total: named(stored.results.total),
      rows: rows.map(named),
      previous: previous && {
        ...previous,
        total: named(previous.total),
        rows: previous.rows.map(named),
      },
    };
  }

  /** The comment groups of the viewer's scope (or of one unit), as computed at closing. */
  async comments(
    actor: Actor,
    survey: SurveyRow,
    units: readonly AgencyUnit[],
    unit: string | undefined,
    origin: AuditOrigin,
  ): Promise<SurveyCommentsView> {
    if (survey.status !== 'closed') throw conflict('survey_not_closed');
    if (!survey.results_at) throw conflict('survey_results_not_ready');
    const groups = JSON.parse((await findResultView(this.deps.db, survey.id, COMMENTS_VIEW)) ?? '[]') as CommentGroup[];
    const scope = CampaignScope.of(actor, 'manage:survey:unit', units);
    const names = new Map(units.map((u) => [u.id, u.name]));
    await this.deps.audit.record({
      ...origin,
      action: 'survey.results_viewed',
      resourceType: 'survey',
      resourceId: survey.id,
      details: { view: 'comments' },
    });
    return {
      surveyId: survey.id,
      commentThreshold: Math.max(MIN_COMMENT_GROUP, survey.comment_threshold ?? MIN_COMMENT_GROUP),
      groups: groups
        .filter((g) => scope.covers(g.nodeId) && (unit === undefined || g.nodeId === unit))
        .map((g) => ({ nodeId: g.nodeId, unitName: names.get(g.nodeId) ?? '', questions: g.questions })),
    };
  }

  /**
   * The earlier wave as it published itself, in the same view, for the whole survey and the units
   * shown now: only figures that wave showed, so the comparison reveals nothing new.
   */
  private async previousOf(survey: SurveyRow, filter: SurveyFilter | null, shown: ReadonlySet<string>) {
    if (!survey.previous_survey_id) return null;
    const previous = await findSurveyById(this.deps.db, survey.previous_survey_id);
    if (!previous || previous.agency_id !== survey.agency_id || previous.status !== 'closed') return null;
    const body = await findResultView(this.deps.db, previous.id, viewKeyOf(filter));
    if (!body) return null;
    const stored = JSON.parse(body) as StoredView;
    return {
      surveyId: previous.id,
      title: previous.title,
      closedAt: previous.closed_at,
      total: stored.results.total,
      rows: stored.results.rows.filter((r) => shown.has(r.nodeId)),
    };
  }
}

/** `ageBand:30-39` → a filter; undefined → none. Values are checked against the stored views. */
export function parseFilter(raw: string | undefined): SurveyFilter | null {
  if (!raw) return null;
  const at = raw.indexOf(':');
  const attribute = raw.slice(0, at) as SurveyFilter['attribute'];
  const value = raw.slice(at + 1);
  if (value === ANY) throw new FieldValidationError([{ path: 'filter', key: 'surveys.invalid_filter' }]);
  return { attribute, value };
}
