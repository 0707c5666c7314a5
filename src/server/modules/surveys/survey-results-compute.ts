import crypto from 'node:crypto';
import type { ShownHistory } from '../../../domain/anonymity/time-differencing.js';
import { commentGroups } from '../../../domain/surveys/comment-groups.js';
import {
  FILTER_ATTRIBUTES,
  isServedSlice,
  type SurveyFilter,
  type SurveyTableInput,
} from '../../../domain/surveys/results-table.js';
import { projectResults, shownHistory, suppressSurvey, type SurveyResults } from '../../../domain/surveys/results.js';

/**
 * The CPU half of computing a closed survey's results (docs/surveys.md#results-and-anonymity):
 * plain data in, the stored views out, nothing read or written. It runs in a worker thread for
 * any survey of size (survey-results-worker.ts), so that seconds of engine work never stall the
 * server's requests.
 */

export const COMMENTS_VIEW = 'comments';

/** A stored view: the engine's projection, before names and the viewer's scope are applied. */
export interface StoredView {
  computedAt: string;
  /** Responses counted (absent in views stored before reopening kept them). */
  responseCount?: number;
  results: SurveyResults;
  filters: Array<{ attribute: SurveyFilter['attribute']; values: string[] }>;
}

/** The counts one showing was computed from (survey-results.repository.ts, `shown:<n>`). */
export interface ShownSnapshot {
  responseCount: number;
  tallies: SurveyTableInput['tallies'];
  respondents: SurveyTableInput['respondents'];
}

export interface ComputeInput {
  table: SurveyTableInput;
  k: number;
  /** The comment-group threshold k_c. */
  kc: number;
  responseCount: number;
  /** Every earlier showing, oldest first (a reopened survey's; docs/surveys.md#reopening). */
  snapshots: ShownSnapshot[];
  /** The masked comments; null when the stored comment groups stay (a reopened survey's). */
  comments: Array<{ questionId: string; profileKey: string; text: string }> | null;
  computedAt: string;
}

export interface ComputedViews {
  views: Array<{ viewKey: string; body: string }>;
  /** The comment groups' view, or null to keep the stored one. */
  comments: string | null;
}

export const viewKeyOf = (filter: SurveyFilter | null) => (filter ? `${filter.attribute}:${filter.value}` : '');

export function computeViews(input: ComputeInput): ComputedViews {
  const { table, k, computedAt, responseCount } = input;
  // Each earlier showing again, in order: the engine is deterministic, so this is what was shown.
  let history: ShownHistory | undefined;
  for (const snapshot of input.snapshots)
    history = shownHistory(
      suppressSurvey({ ...table, tallies: snapshot.tallies, respondents: snapshot.respondents, k, history }),
      history,
    );
  const suppressed = suppressSurvey({ ...table, k, history });
  const served = suppressed.survey.slices.filter((s) => s.attribute !== null && isServedSlice(s));
  const filters = FILTER_ATTRIBUTES.map((attribute) => ({
    attribute,
    values: served.filter((s) => s.attribute === attribute).map((s) => s.value as string),
  })).filter((f) => f.values.length > 0);
  const filterViews = served.map((s) => ({ attribute: s.attribute, value: s.value }) as SurveyFilter);
  const projected = [null, ...filterViews].map((filter) => ({ filter, results: projectResults(suppressed, filter) }));
  const views = projected.map(({ filter, results }) => ({
    viewKey: viewKeyOf(filter),
    body: JSON.stringify({ computedAt, responseCount, results, filters } satisfies StoredView),
  }));
  // Comments of answers that came after reopening would be told apart by their group's growth.
  const comments =
    input.comments &&
    JSON.stringify(
      commentGroups({
        results: projected[0]!.results,
        units: table.units,
        profiles: table.profiles,
        respondents: table.respondents,
        comments: input.comments,
        kc: input.kc,
        randomInt: (max) => crypto.randomInt(max),
      }),
    );
  return { views, comments };
}
