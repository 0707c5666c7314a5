import type {
  ActionCreateBody,
  ActionDetail,
  ActionNoteBody,
  ActionUpdateBody,
  ActionView,
} from '../../../contracts/survey-actions.js';
import { SURVEY_TOTAL_NODE } from '../../../contracts/survey-actions.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { actionProblems, noteProblems, type ActionStatus } from '../../../domain/survey-actions/actions.js';
import { localDateOf } from '../../../domain/schedule/zoned-time.js';
import { newId } from '../../crypto.js';
import { conflict, FieldValidationError, notFound } from '../../http/errors.js';
import type { AuditOrigin } from '../audit/index.js';
import { agencyFacts, agencyUnits, CampaignScope } from '../campaigns/index.js';
import { presentAction } from './survey-actions.presenter.js';
import {
  findAction,
  findActions,
  findNotes,
  findSurveysFacts,
  insertAction,
  insertNote,
  updateAction,
  type ActionRow,
} from './survey-actions.repository.js';
import { managedSurvey, MANAGE, themesOf, type ManagedSurvey } from './survey-access.js';
import type { SurveyActionDeps } from './survey-publications.service.js';
import { SurveyFollowUp } from './survey-follow-up.service.js';

/**
 * Action plans on a closed survey's results (docs/decisions/051-survey-publication-and-actions.md):
 * what the agency will do about a theme in a unit or in the whole survey, who carries it, by when,
 * with what budget, and how it goes (append-only progress notes). Every change is audited.
 */
export class SurveyActionService {
  private readonly followUp: SurveyFollowUp;

  constructor(private readonly deps: SurveyActionDeps) {
    this.followUp = new SurveyFollowUp(deps);
  }

  async create(actor: Actor, surveyId: string, body: ActionCreateBody, origin: AuditOrigin): Promise<ActionDetail> {
    const survey = await managedSurvey(this.deps.db, this.deps.directory, actor, surveyId);
    if (survey.facts.status !== 'closed' || !survey.facts.closed_at) throw conflict('survey_not_closed');
    const frozenIds = new Set(survey.frozen.map((u) => u.id));
    if (body.nodeId !== SURVEY_TOTAL_NODE && !frozenIds.has(body.nodeId))
      throw new FieldValidationError([{ path: 'nodeId', key: 'survey_actions.unknown_cell' }]);
    if (!survey.themes.some((t) => t.id === body.themeId))
      throw new FieldValidationError([{ path: 'themeId', key: 'survey_actions.unknown_cell' }]);
    const today = await this.today(actor);
    this.check(body, survey);
    const now = this.deps.clock.now().toISOString();
    const row: ActionRow = {
      id: newId(),
      agency_id: actor.agencyId,
      survey_id: surveyId,
      node_id: body.nodeId,
      theme_id: body.themeId,
      title: body.title,
      description: body.description,
      owner: body.owner,
      due_on: body.dueOn,
      budget: body.budget,
      status: body.status,
      published: body.published ? 1 : 0,
      created_by: actor.personId,
      created_at: now,
      updated_at: now,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await insertAction(trx, row);
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey_action.created',
          resourceType: 'survey_action',
          resourceId: row.id,
          details: { surveyId, nodeId: body.nodeId, themeId: body.themeId, status: body.status },
        },
        trx,
      );
    });
    return {
      ...presentAction(row, { title: survey.facts.title, themes: survey.themes }, survey.unitNames, today),
      notes: [],
      // A new action on this wave: a next wave, if one is already closed, did not ask about it.
      followUp: null,
    };
  }

  async update(actor: Actor, id: string, body: ActionUpdateBody, origin: AuditOrigin): Promise<ActionDetail> {
    const { row, survey } = await this.managed(actor, id);
    this.check(body, survey);
    const changes = {
      title: body.title,
      description: body.description,
      owner: body.owner,
      due_on: body.dueOn,
      budget: body.budget,
      status: body.status,
      published: body.published ? 1 : 0,
      updated_at: this.deps.clock.now().toISOString(),
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await updateAction(trx, id, changes);
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey_action.updated',
          resourceType: 'survey_action',
          resourceId: id,
          details: { status: body.status, published: body.published, from: row.status },
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  /** Appends a progress note; notes are never edited or removed (the history of what was done). */
  async addNote(actor: Actor, id: string, body: ActionNoteBody, origin: AuditOrigin): Promise<ActionDetail> {
    await this.managed(actor, id);
    const problems = noteProblems(body, await this.today(actor));
    if (problems.length > 0) throw new FieldValidationError(problems);
    const noteId = newId();
    await this.deps.db.transaction().execute(async (trx) => {
      await insertNote(trx, {
        id: noteId,
        action_id: id,
        noted_on: body.notedOn,
        text: body.text,
        author_id: actor.personId,
        created_at: this.deps.clock.now().toISOString(),
      });
      await this.deps.audit.record(
        {
          ...origin,
          action: 'survey_action.noted',
          resourceType: 'survey_action',
          resourceId: id,
          details: { noteId },
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ActionDetail> {
    const { row, survey } = await this.managed(actor, id);
    const [notes, followUp] = await Promise.all([
      findNotes(this.deps.db, [id]),
      this.followUp.forAction(this.deps.db, row, survey.facts),
    ]);
    return {
      ...presentAction(
        row,
        { title: survey.facts.title, themes: survey.themes },
        survey.unitNames,
        await this.today(actor),
      ),
      notes: notes.map((n) => ({
        id: n.id,
        notedOn: n.noted_on,
        text: n.text,
        authorName: n.author_name,
        createdAt: n.created_at,
      })),
      followUp,
    };
  }

  /** The agency's actions within my scope, soonest due first; overdue ones are marked. */
  async list(actor: Actor, filter: { status?: ActionStatus; surveyId?: string }): Promise<ActionView[]> {
    const { db, directory } = this.deps;
    const rows = await findActions(db, actor.agencyId, filter);
    const units = await agencyUnits(directory, actor.agencyId, db);
    const scope = CampaignScope.of(actor, MANAGE, units);
    const surveys = new Map(
      (await findSurveysFacts(db, actor.agencyId, [...new Set(rows.map((r) => r.survey_id))])).map((s) => [
        s.id,
        { facts: s, themes: themesOf(s), targets: JSON.parse(s.target_unit_ids) as string[] },
      ]),
    );
    const names = new Map(units.map((u) => [u.id, u.name]));
    const today = await this.today(actor);
    return rows.flatMap((row) => {
      const survey = surveys.get(row.survey_id);
      if (!survey) return [];
      // A unit's action is mine when the unit is in my scope; the whole survey's when all of it is.
      const mine = row.node_id === SURVEY_TOTAL_NODE ? scope.coversAll(survey.targets) : scope.covers(row.node_id);
      return mine ? [presentAction(row, { title: survey.facts.title, themes: survey.themes }, names, today)] : [];
    });
  }

  private check(body: ActionUpdateBody, survey: ManagedSurvey): void {
    const problems = actionProblems(body, { closedOn: (survey.facts.closed_at ?? '').slice(0, 10) });
    if (problems.length > 0) throw new FieldValidationError(problems);
  }

  /** An action of my agency whose survey I manage; anything else does not exist for me. */
  private async managed(actor: Actor, id: string) {
    const row = await findAction(this.deps.db, actor.agencyId, id);
    if (!row) throw notFound();
    const survey = await managedSurvey(this.deps.db, this.deps.directory, actor, row.survey_id);
    return { row, survey };
  }

  private async today(actor: Actor): Promise<string> {
    const agency = await agencyFacts(this.deps.directory, actor.agencyId, this.deps.db);
    return localDateOf(this.deps.clock.now(), agency?.timeZone ?? 'Asia/Jakarta');
  }
}
