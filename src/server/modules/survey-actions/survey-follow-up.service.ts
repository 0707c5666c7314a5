import type { Kysely } from 'kysely';
import type { FollowUpOfWave, FollowUpSectionView } from '../../../contracts/survey-actions.js';
import { databaseFaultOf } from '../../../db/faults.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  followedActions,
  followUpFigures,
  followUpSection,
  MAX_FOLLOW_UP_QUESTIONS,
  type FollowUpFigures,
} from '../../../domain/survey-actions/follow-up.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
import { conflict } from '../../http/errors.js';
import {
  findActions,
  findNextWave,
  findPublishedNextWave,
  findKeptFollowUp,
  findSurveyFacts,
  keepFollowUp,
  type ActionRow,
  type SurveyFacts,
} from './survey-actions.repository.js';
import { presentFollowUpAction } from './survey-actions.presenter.js';
import { managedSurvey, storedWave, themesOf } from './survey-access.js';
import type { SurveyActionDeps } from './survey-publications.service.js';

/** An action counts in the loop while it is shared with staff and not called off. */
const followed = (a: ActionRow) => a.published === 1 && a.status !== 'cancelled';

/**
 * The loop between waves (docs/surveys.md#the-loop): the next wave asks whether each shared action
 * of the previous one helped, and the action then shows that answer and how its theme moved —
 * figures read from the two waves' stored results, never recomputed.
 */
export class SurveyFollowUp {
  constructor(private readonly deps: Pick<SurveyActionDeps, 'db' | 'directory'>) {}

  /**
   * For the builder of a draft that names a previous wave: a section with one optional "did it
   * help?" question per action shared after that wave. The builder puts it in the draft; nothing
   * is saved here.
   */
  async section(actor: Actor, draftId: string): Promise<FollowUpSectionView> {
    const { db, directory } = this.deps;
    const draft = await managedSurvey(db, directory, actor, draftId);
    if (draft.facts.status !== 'draft') throw conflict('survey_not_draft');
    const previous =
      draft.facts.previous_survey_id && (await findSurveyFacts(db, actor.agencyId, draft.facts.previous_survey_id));
    if (!previous) throw conflict('survey_no_previous_wave');
    const actions = (await findActions(db, actor.agencyId, { surveyId: previous.id, publishedOnly: true })).filter(
      followed,
    );
    const names = new Map(draft.units.map((u) => [u.id, u.name]));
    const toFollow = actions
      .slice(0, MAX_FOLLOW_UP_QUESTIONS)
      .map((a) => ({ id: a.id, title: a.title, unitName: names.get(a.node_id) ?? '' }));
    return {
      previous: { id: previous.id, title: previous.title },
      actionCount: actions.length,
      // The domain's types are read-only; the contract's are the same shape, mutable.
      section:
        toFollow.length > 0 ? (followUpSection(toFollow, previous.title) as FollowUpSectionView['section']) : null,
    };
  }

  /**
   * An action's figures once a next wave has stored results; null before that. Worked out once
   * from the two waves' stored results and kept (migration 0029): an action's page would otherwise
   * parse both waves' whole stored views on every view. Kept figures count only while both waves'
   * results are the ones they came from.
   */
  async forAction(
    db: Kysely<Database>,
    action: ActionRow,
    wave: SurveyFacts,
  ): Promise<{ surveyId: string; title: string; figures: FollowUpFigures } | null> {
    const next = await findNextWave(db, action.agency_id, action.survey_id);
    if (!next?.results_at || wave.status !== 'closed' || !wave.results_at) return null;
    const kept = await findKeptFollowUp(db, action.agency_id, action.id, next.id);
    if (kept && kept.before_results_at === wave.results_at && kept.after_results_at === next.results_at) {
      return { surveyId: next.id, title: next.title, figures: JSON.parse(kept.figures) as FollowUpFigures };
    }
    const [before, after] = await Promise.all([storedWave(db, wave), storedWave(db, next)]);
    if (!before || !after) return null;
    const [figures] = followUpFigures(
      [{ id: action.id, nodeId: action.node_id, themeId: action.theme_id }],
      before,
      after,
      definitionOf(next),
    );
    if (!figures) return null;
    await keepFollowUp(db, {
      action_id: action.id,
      next_survey_id: next.id,
      agency_id: action.agency_id,
      before_results_at: wave.results_at,
      after_results_at: next.results_at,
      figures: JSON.stringify(figures),
    }).catch((err: unknown) => {
      // Only a saving for the next view: when the database refuses the write (read-only, full,
      // away), the reader still gets the figures and the next view tries again. Anything else is
      // a defect and fails the request.
      if (!databaseFaultOf(err)) throw err;
    });
    return { surveyId: next.id, title: next.title, figures };
  }

  /**
   * For a closed survey that is a next wave: the previous wave's shared actions it asked about,
   * with their figures from the two stored results. Empty when it names no previous wave or asked
   * about none.
   */
  async forNextWave(
    db: Kysely<Database>,
    wave: SurveyFacts,
    names: ReadonlyMap<string, string>,
  ): Promise<FollowUpOfWave> {
    const asked = followedActions(definitionOf(wave));
    if (!wave.previous_survey_id || asked.size === 0) return null;
    const previous = await findSurveyFacts(db, wave.agency_id, wave.previous_survey_id);
    const [before, after] = previous
      ? await Promise.all([storedWave(db, previous), storedWave(db, wave)])
      : [null, null];
    if (!previous || !before || !after) return null;
    const actions = (await findActions(db, wave.agency_id, { surveyId: previous.id, publishedOnly: true })).filter(
      (a) => asked.has(a.id),
    );
    const figures = followUpFigures(
      actions.map((a) => ({ id: a.id, nodeId: a.node_id, themeId: a.theme_id })),
      before,
      after,
      definitionOf(wave),
    );
    const themes = themesOf(previous);
    return {
      previousTitle: previous.title,
      items: actions.map((a, i) => ({ action: presentFollowUpAction(a, themes, names), figures: figures[i]! })),
    };
  }

  /**
   * What the published next wave says about each of a survey's actions, read from the copy kept
   * with that publication (so staff see what was published, not live figures).
   */
  async publishedForActions(
    db: Kysely<Database>,
    agencyId: string,
    surveyId: string,
  ): Promise<Map<string, { title: string; figures: FollowUpFigures }>> {
    const next = await findPublishedNextWave(db, agencyId, surveyId);
    if (!next?.follow_up) return new Map();
    const items = JSON.parse(next.follow_up) as FollowUpFigures[];
    return new Map(items.map((f) => [f.actionId, { title: next.title, figures: f }]));
  }
}

const definitionOf = (facts: Pick<SurveyFacts, 'definition'>) => JSON.parse(facts.definition) as SurveyDefinition;
