import type { SurveyView } from '../../../contracts/surveys.js';
import { questionsOf, type SurveyDefinition } from '../../../domain/surveys/definition.js';
import type { SurveyRow } from './surveys.repository.js';

/** A survey row as the admin screens read it; the definition is added by the caller when wanted. */

export function targetUnitIdsOf(row: Pick<SurveyRow, 'target_unit_ids'>): string[] {
  return JSON.parse(row.target_unit_ids) as string[];
}

export function presentSurvey(row: SurveyRow, unitNames: ReadonlyMap<string, string>): SurveyView {
  const definition = JSON.parse(row.definition) as SurveyDefinition;
  return {
    id: row.id,
    title: row.title,
    templateId: row.template_id,
    variant: row.variant as SurveyView['variant'],
    status: row.status,
    units: targetUnitIdsOf(row).map((id) => ({ id, name: unitNames.get(id) ?? '' })),
    employmentTypes: row.employment_types ? (JSON.parse(row.employment_types) as SurveyView['employmentTypes']) : [],
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    previousSurveyId: row.previous_survey_id,
    questionCount: questionsOf(definition).length,
    threshold: row.threshold,
    memberCount: row.member_count,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}
