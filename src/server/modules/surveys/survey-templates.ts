import { questionsOf } from '../../../domain/surveys/definition.js';
import { SURVEY_TEMPLATES } from '../../../domain/surveys/templates/index.js';
import { SETTINGS } from '../../../domain/surveys/templates/template.js';

/** The template library as the builder lists it; built once, it never changes while running. */
let listing: ReturnType<typeof build> | null = null;

function build() {
  return SURVEY_TEMPLATES.map((t) => ({
    id: t.id,
    name: t.name,
    summary: t.summary,
    minutes: t.minutes,
    questionCount: questionsOf(t.definition).length,
    themes: t.definition.themes.map((theme) => ({ id: theme.id, name: theme.name })),
    // Every template is written for administration; some are also worded for schools and health services.
    variants: [SETTINGS[0], ...(t.variants ?? [])],
  }));
}

export function listTemplates() {
  return (listing ??= build());
}
