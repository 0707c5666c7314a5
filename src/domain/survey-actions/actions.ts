/**
 * Action plans on survey results (docs/decisions/051-survey-publication-and-actions.md): the
 * rules a service checks beyond the shape of a request, and how an action reads on a list.
 */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A budget line in whole rupiah; a trillion is beyond any agency's action. */
export const MAX_BUDGET = 1_000_000_000_000;

export interface ActionProblem {
  path: string;
  key: string;
}

/**
 * An action's due date cannot fall before the survey closed (it answers those results); a budget
 * is a non-negative whole number of rupiah below MAX_BUDGET.
 */
export function actionProblems(
  action: { dueOn: string; budget: number | null },
  survey: { closedOn: string },
): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (action.dueOn < survey.closedOn) problems.push({ path: 'dueOn', key: 'survey_actions.due_before_survey' });
  if (action.budget !== null && action.budget < 0)
    problems.push({ path: 'budget', key: 'survey_actions.negative_budget' });
  else if (action.budget !== null && action.budget > MAX_BUDGET)
    problems.push({ path: 'budget', key: 'survey_actions.budget_too_large' });
  return problems;
}

/** A progress note tells what happened: it is dated today or earlier, never ahead. */
export function noteProblems(note: { notedOn: string }, today: string): ActionProblem[] {
  return note.notedOn > today ? [{ path: 'notedOn', key: 'survey_actions.note_in_future' }] : [];
}

/** Still to be done and past its day (the agency's today). */
export function isOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return (action.status === 'planned' || action.status === 'in_progress') && action.dueOn < today;
}
