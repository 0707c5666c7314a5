import type { LocalText, SurveyDefinition } from '../definition.js';
import { afterHoursTemplate } from './after-hours.js';
import { burnoutRiskTemplate } from './burnout-risk.js';
import { jobSatisfactionTemplate } from './job-satisfaction.js';
import { psychologicalSafetyTemplate } from './psychological-safety.js';
import { pulseTemplate } from './pulse.js';
import { supportUseTemplate } from './support-use.js';
import type { Setting, SurveyTemplate } from './template.js';
import { workPressureTemplate } from './work-pressure.js';

/**
 * The template library (docs/surveys.md#the-template-library): the catalogue an admin chooses from
 * when starting a survey, in the order the builder lists them. Not a barrel: it owns the list and
 * the one way to build a template for a setting.
 */
const LIBRARY = [
  workPressureTemplate,
  jobSatisfactionTemplate,
  burnoutRiskTemplate,
  afterHoursTemplate,
  supportUseTemplate,
  psychologicalSafetyTemplate,
  pulseTemplate,
] as const satisfies readonly SurveyTemplate[];

export const TEMPLATE_IDS = LIBRARY.map((template) => template.id);
export type TemplateId = (typeof LIBRARY)[number]['id'];

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** A template as listed and as built for one setting. */
export interface TemplateListing {
  id: TemplateId;
  name: LocalText;
  summary: LocalText;
  /** Estimated minutes to answer on a phone. */
  minutes: number;
  /** The definition for government administration, the default setting. */
  definition: SurveyDefinition;
  /** The settings whose wording or items differ from government administration. */
  variants?: readonly Setting[];
}

function listing(template: (typeof LIBRARY)[number], setting: Setting): TemplateListing {
  return {
    id: template.id,
    name: template.name,
    summary: template.summary,
    minutes: template.minutes,
    definition: template.build(setting),
    ...(template.variants.length > 0 ? { variants: template.variants } : {}),
  };
}

/** Every template, built for government administration. */
export const SURVEY_TEMPLATES: readonly TemplateListing[] = LIBRARY.map((template) =>
  listing(template, 'administration'),
);

/**
 * The template built for a setting: its items worded for who the public is and what the
 * administrative load is there, with that setting's own items added. A question keeps its id in
 * every setting where it means the same. Unknown ids give undefined, for the caller to answer 404.
 */
export function templateFor(templateId: string, variant: Setting): TemplateListing | undefined {
  const template = LIBRARY.find((candidate) => candidate.id === templateId);
  return template ? listing(template, variant) : undefined;
}
