import type { Kysely } from 'kysely';
import { SURVEY_TOTAL_NODE } from '../../../contracts/survey-actions.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { pathToUnit, type UnitNode } from '../../../domain/org/unit-tree.js';
import { publicationCells, type PublicationCell, type ResultNode } from '../../../domain/survey-actions/publication.js';
import type { WaveResults } from '../../../domain/survey-actions/follow-up.js';
import type { QuestionResult } from '../../../domain/surveys/results.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { agencyUnits, CampaignScope, type AgencyUnit } from '../campaigns/index.js';
import type { OrgDirectory } from '../org/index.js';
import { findSurveyFacts, findUnfilteredResults, type SurveyFacts } from './survey-actions.repository.js';

export const MANAGE = 'manage:survey:unit' as const;

export interface Theme {
  id: string;
  name: { id: string; en: string };
}

/** A closed survey as publications and actions see it: its facts, tree, themes and units by name. */
export interface ManagedSurvey {
  facts: SurveyFacts;
  units: readonly AgencyUnit[];
  unitNames: ReadonlyMap<string, string>;
  /** The unit tree frozen at opening (A8): the tree the results and the audience are counted by. */
  frozen: readonly UnitNode[];
  themes: Theme[];
  targetUnitIds: string[];
}

export function themesOf(facts: Pick<SurveyFacts, 'definition'>): Theme[] {
  const definition = JSON.parse(facts.definition) as { themes: Theme[] };
  return definition.themes.map((t) => ({ id: t.id, name: t.name }));
}

export function frozenTree(facts: Pick<SurveyFacts, 'units'>): UnitNode[] {
  return facts.units ? (JSON.parse(facts.units) as UnitNode[]) : [];
}

/** Whether an action's node (a unit, or the whole survey) covers a member's frozen unit. */
export function nodeCovers(frozen: readonly UnitNode[], nodeId: string, memberUnitId: string): boolean {
  return nodeId === SURVEY_TOTAL_NODE || pathToUnit(frozen, memberUnitId).includes(nodeId);
}

/**
 * A survey of my agency that I manage: it reaches into my scope (else 404, the same as one that
 * does not exist) and every target unit lies inside it (else 403) — the rule of the surveys
 * module for changing a survey (docs/surveys.md).
 */
export async function managedSurvey(
  db: Kysely<Database>,
  directory: OrgDirectory,
  actor: Actor,
  surveyId: string,
): Promise<ManagedSurvey> {
  const facts = await findSurveyFacts(db, actor.agencyId, surveyId);
  if (!facts) throw notFound();
  const units = await agencyUnits(directory, actor.agencyId, db);
  const scope = CampaignScope.of(actor, MANAGE, units);
  const targetUnitIds = JSON.parse(facts.target_unit_ids) as string[];
  if (!scope.overlaps(targetUnitIds, units)) throw notFound();
  if (!scope.coversAll(targetUnitIds)) throw new AppError(403, 'survey_units_out_of_scope');
  return {
    facts,
    units,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    frozen: frozenTree(facts),
    themes: themesOf(facts),
    targetUnitIds,
  };
}

/** The stored cells of a closed survey's results (never recomputed): 409 until they exist. */
export async function storedCells(db: Kysely<Database>, facts: SurveyFacts): Promise<PublicationCell[]> {
  const wave = await storedWave(db, facts);
  if (!wave) throw facts.status !== 'closed' ? conflict('survey_not_closed') : conflict('survey_results_not_ready');
  return [...wave.cells];
}

/** A closed survey's stored results as the loop reads them, or null before they exist. */
export async function storedWave(db: Kysely<Database>, facts: SurveyFacts): Promise<WaveResults | null> {
  if (facts.status !== 'closed' || !facts.results_at) return null;
  const body = await findUnfilteredResults(db, facts.id);
  if (!body) return null;
  const stored = JSON.parse(body) as {
    results: { total: ResultNode & { questions: QuestionResult[] }; rows: ResultNode[] };
  };
  return { cells: publicationCells(stored.results), totalQuestions: stored.results.total.questions };
}
