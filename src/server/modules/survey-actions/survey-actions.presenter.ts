import type { ActionView, FollowUpItem, MyPublication } from '../../../contracts/survey-actions.js';
import { SURVEY_TOTAL_NODE } from '../../../contracts/survey-actions.js';
import { isOverdue } from '../../../domain/survey-actions/actions.js';
import type { ActionRow } from './survey-actions.repository.js';
import type { Theme } from './survey-access.js';

interface NoteRow {
  id: string;
  action_id: string;
  noted_on: string;
  text: string;
  created_at: string;
  author_name: string;
}

const themeName = (themes: readonly Theme[], id: string) => themes.find((t) => t.id === id)?.name ?? { id, en: id };
const unitName = (names: ReadonlyMap<string, string>, nodeId: string) =>
  nodeId === SURVEY_TOTAL_NODE ? '' : (names.get(nodeId) ?? '');
/** PostgreSQL returns a bigint as a string. */
const budgetOf = (row: ActionRow) => (row.budget === null ? null : Number(row.budget));

export function presentAction(
  row: ActionRow,
  survey: { title: string; themes: readonly Theme[] },
  names: ReadonlyMap<string, string>,
  today: string,
): ActionView {
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyTitle: survey.title,
    nodeId: row.node_id,
    unitName: unitName(names, row.node_id),
    themeId: row.theme_id,
    themeName: themeName(survey.themes, row.theme_id),
    title: row.title,
    description: row.description,
    owner: row.owner,
    dueOn: row.due_on,
    budget: budgetOf(row),
    status: row.status,
    published: row.published === 1,
    overdue: isOverdue({ status: row.status, dueOn: row.due_on }, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An earlier wave's action as the loop names it, beside its figures. */
export function presentFollowUpAction(
  row: ActionRow,
  themes: readonly Theme[],
  names: ReadonlyMap<string, string>,
): FollowUpItem['action'] {
  return {
    id: row.id,
    title: row.title,
    unitName: unitName(names, row.node_id),
    themeName: themeName(themes, row.theme_id),
    status: row.status,
  };
}

/** An action as staff read it: no author, no internal flags; notes by date; the next wave's word on it. */
export function presentStaffAction(
  row: ActionRow,
  themes: readonly Theme[],
  names: ReadonlyMap<string, string>,
  notes: readonly NoteRow[],
  followUp: MyPublication['actions'][number]['followUp'] = null,
): MyPublication['actions'][number] {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    owner: row.owner,
    dueOn: row.due_on,
    budget: budgetOf(row),
    status: row.status,
    unitName: unitName(names, row.node_id),
    themeName: themeName(themes, row.theme_id),
    notes: notes.filter((n) => n.action_id === row.id).map((n) => ({ id: n.id, notedOn: n.noted_on, text: n.text })),
    followUp,
  };
}
