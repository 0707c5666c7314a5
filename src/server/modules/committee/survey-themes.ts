import type { Kysely } from 'kysely';
import type { SurveyThemeOptions } from '../../../contracts/committee.js';
import type { Database } from '../../../db/schema.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
import type { Locale } from '../../../i18n/locales.js';
import { surveysWithThemes } from './committee.repository.js';

export type SurveyThemes = SurveyThemeOptions['items'];

/**
 * The agency's surveys past their draft with their themes, in the reader's language: what an agenda
 * item or a focus group may be linked to (docs/decisions/053-committee-and-focus-groups.md). Only
 * titles and theme names: never a result.
 */
export async function loadSurveyThemes(db: Kysely<Database>, agencyId: string, locale: Locale): Promise<SurveyThemes> {
  const rows = await surveysWithThemes(db, agencyId);
  return rows.map((r) => {
    const def = JSON.parse(r.definition) as SurveyDefinition;
    return { id: r.id, title: r.title, themes: (def.themes ?? []).map((t) => ({ id: t.id, name: t.name[locale] })) };
  });
}

/** The survey's title and the theme's name of a link, or nulls when unlinked or gone. */
export function themeLabel(list: SurveyThemes, surveyId: string | null, themeId: string | null) {
  const survey = surveyId ? list.find((s) => s.id === surveyId) : undefined;
  return {
    surveyTitle: survey?.title ?? null,
    themeName: (themeId && survey?.themes.find((t) => t.id === themeId)?.name) || null,
  };
}

/** Whether a link names a survey of the agency and, if a theme is given, one of its themes. */
export function isValidLink(list: SurveyThemes, surveyId: string | null, themeId: string | null): boolean {
  if (!surveyId) return themeId === null;
  const survey = list.find((s) => s.id === surveyId);
  return survey !== undefined && (themeId === null || survey.themes.some((t) => t.id === themeId));
}
