import type { LocalText, SurveyDefinition } from '../definition.js';

/**
 * The three settings the template library is written for (docs/surveys.md#variants). Where the
 * setting matters — who the public is, what the administrative load is — a template words its items
 * for it; a question keeps its id in every setting where it means the same, so that waves and
 * agencies compare.
 */
export const SETTINGS = ['administration', 'school', 'health'] as const;
export type Setting = (typeof SETTINGS)[number];

export function isSetting(value: string): value is Setting {
  return (SETTINGS as readonly string[]).includes(value);
}

/**
 * Items that exist in one setting only carry its prefix, so a reader (and a test) can tell them
 * from the shared items that must keep their ids across settings.
 */
export const SETTING_PREFIX: Record<Setting, string> = { administration: 'gov-', school: 'sch-', health: 'hlt-' };

/** One template, built for any setting. */
export interface SurveyTemplate<Id extends string = string> {
  id: Id;
  name: LocalText;
  /** What it measures, in a sentence an admin understands when choosing. */
  summary: LocalText;
  /** Estimated minutes to answer on a phone. */
  minutes: number;
  /** The settings whose wording or items differ from government administration. */
  variants: readonly Setting[];
  build(setting: Setting): SurveyDefinition;
}

/** Wording for each setting; a setting left out reads as government administration. */
export interface BySetting<T> {
  administration: T;
  school?: T;
  health?: T;
}

export function pick<T>(setting: Setting, values: BySetting<T>): T {
  return values[setting] ?? values.administration;
}

/** `items` when building for `wanted`, nothing otherwise: the setting-specific items. */
export function onlyIn<T>(setting: Setting, wanted: Setting, ...items: T[]): T[] {
  return setting === wanted ? items : [];
}
