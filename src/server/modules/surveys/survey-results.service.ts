import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NodeResultView, SurveyCommentsView, SurveyResultsView } from '../../../contracts/surveys.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { thresholdOf } from '../../../domain/anonymity/threshold.js';
import { commentGroups, MIN_COMMENT_GROUP, type CommentGroup } from '../../../domain/surveys/comment-groups.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
import { ANY } from '../../../domain/surveys/profiles.js';
import { FILTER_ATTRIBUTES, isServedSlice, type SurveyFilter } from '../../../domain/surveys/results-table.js';
import {
  projectResults,
  suppressSurvey,
  type NodeResult,
  type SurveyResults,
} from '../../../domain/surveys/results.js';
import { newId } from '../../crypto.js';
import { conflict, FieldValidationError } from '../../http/errors.js';
import type { AuditOrigin } from '../audit/index.js';
import { CampaignScope, type AgencyUnit } from '../campaigns/index.js';
import { enqueueJob } from '../jobs/index.js';
import {
  countResponsesByProfile,
  dropResultViews,
  findComments,
  findProfiles,
  findResultView,
  findTallies,
  saveResultViews,
} from './survey-results.repository.js';
import { frozenUnits } from './survey-progress.js';
import { findSurveyById, type SurveyRow } from './surveys.repository.js';
import type { SurveyDeps } from './surveys.service.js';

export const COMPUTE_RESULTS_JOB = 'survey.compute-results';
const COMMENTS_VIEW = 'comments';

/** A stored view: the engine's projection, before names and the viewer's scope are applied. */
interface StoredView {
  computedAt: string;
  results: SurveyResults;
  filters: Array<{ attribute: SurveyFilter['attribute']; values: string[] }>;
}

const viewKeyOf = (filter: SurveyFilter | null) => (filter ? `${filter.attribute}:${filter.value}` : '');

/**
 * The results of closed surveys (docs/surveys.md#results-and-anonymity). They are computed once,
 * by a job queued when the survey closes — every view (everyone, and each value of each
 * breakdown) from one run of the anonymity engine, and the comment groups — and stored; a screen,
 * an export or a second viewer reads what was stored, so every view is one more look at the same
 * cells and no figure moves afterwards (A7).
 */
export class SurveyResultsService {
  constructor(private readonly deps: Pick<SurveyDeps, 'db' | 'clock' | 'audit'>) {}

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

  /** Reopening makes the stored results stale: they go until the survey closes again. */
  drop(db: Kysely<Database>, surveyId: string): Promise<void> {
    return dropResultViews(db, surveyId);
  }

  /** Runs the engine over the survey's tallies and stores every view. Returns false if the survey is not closed. */
  async compute(surveyId: string): Promise<boolean> {
    const { db, clock } = this.deps;
    const survey = await findSurveyById(db, surveyId);
    if (!survey || survey.status !== 'closed') return false;
    const [profiles, tallies, respondents, comments] = await Promise.all([
      findProfiles(db, surveyId),
      findTallies(db, surveyId),
      countResponsesByProfile(db, surveyId),
      findComments(db, surveyId),
    ]);
    const input = {
      definition: JSON.parse(survey.definition) as SurveyDefinition,
      units: frozenUnits(survey),
      profiles: profiles.map((p) => ({
        key: p.profile_key,
        unitId: p.unit_id,
        employmentType: p.employment_type,
        ageBand: p.age_band,
        serviceBand: p.service_band,
      })),
      tallies: tallies.map((t) => ({
        profileKey: t.profile_key,
        questionId: t.question_id,
        value: t.value,
        count: t.count,
      })),
      respondents,
      members: profiles.map((p) => ({ profileKey: p.profile_key, members: p.member_count })),
    };
    const suppressed = suppressSurvey({ ...input, k: thresholdOf(survey.threshold) });
    const served = suppressed.survey.slices.filter((s) => s.attribute !== null && isServedSlice(s));
    const filters = FILTER_ATTRIBUTES.map((attribute) => ({
      attribute,
      values: served.filter((s) => s.attribute === attribute).map((s) => s.value as string),
    })).filter((f) => f.values.length > 0);
    const computedAt = clock.now().toISOString();
    const views = [null, ...served.map((s) => ({ attribute: s.attribute, value: s.value }) as SurveyFilter)].map(
      (filter) => ({
        viewKey: viewKeyOf(filter),
        body: JSON.stringify({ computedAt, results: projectResults(suppressed, filter), filters } satisfies StoredView),
      }),
    );
    const unfiltered = JSON.parse(views[0]!.body) as StoredView;
    const groups = commentGroups({
      results: unfiltered.results,
      units: input.units,
      profiles: input.profiles,
      respondents,
      comments: comments.map((c) => ({ questionId: c.question_id, profileKey: c.profile_key, text: c.text })),
      kc: Math.max(MIN_COMMENT_GROUP, survey.comment_threshold ?? MIN_COMMENT_GROUP),
      randomInt: (max) => crypto.randomInt(max),
    });
    await db.transaction().execute(async (trx) => {
      const still = await findSurveyById(trx, surveyId);
      if (still?.status !== 'closed') return;
      await saveResultViews(
        trx,
        surveyId,
        [...views, { viewKey: COMMENTS_VIEW, body: JSON.stringify(groups) }],
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
