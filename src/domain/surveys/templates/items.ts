import type {
  ChoiceOption,
  LikertQuestion,
  LocalText,
  MultipleChoiceQuestion,
  ScaleQuestion,
  SingleChoiceQuestion,
  TextQuestion,
} from '../definition.js';

/**
 * Small builders that keep the template files readable as lists of questions. Templates use the
 * 5-point agreement scale below unless a 0–10 rating fits the question better (docs/surveys.md).
 */

export function t(id: string, en: string): LocalText {
  return { id, en };
}

/** The agreement labels of every template Likert item, least to most agreeable. */
export const AGREE_5: readonly LocalText[] = [
  t('Sangat tidak setuju', 'Strongly disagree'),
  t('Tidak setuju', 'Disagree'),
  t('Netral', 'Neutral'),
  t('Setuju', 'Agree'),
  t('Sangat setuju', 'Strongly agree'),
];

interface AgreeOptions {
  /** Negatively worded: disagreeing is favourable. */
  reverse?: boolean;
  required?: boolean;
  help?: LocalText;
}

/** A statement rated on AGREE_5, in a theme. Template items are required unless said otherwise. */
export function agree(id: string, themeId: string, text: LocalText, options: AgreeOptions = {}): LikertQuestion {
  return {
    id,
    kind: 'likert',
    text,
    required: options.required ?? true,
    points: 5,
    labels: AGREE_5,
    themeId,
    ...(options.reverse ? { reverse: true as const } : {}),
    ...(options.help ? { help: options.help } : {}),
  };
}

export function rating(
  id: string,
  themeId: string,
  text: LocalText,
  lowLabel: LocalText,
  highLabel: LocalText,
): ScaleQuestion {
  return { id, kind: 'scale', text, required: true, lowLabel, highLabel, themeId };
}

export function option(id: string, label: LocalText): ChoiceOption {
  return { id, label };
}

export function single(
  id: string,
  text: LocalText,
  options: readonly ChoiceOption[],
  required = true,
): SingleChoiceQuestion {
  return { id, kind: 'single', text, required, options };
}

export function multiple(
  id: string,
  text: LocalText,
  options: readonly ChoiceOption[],
  settings: { maxChoices?: number; required?: boolean } = {},
): MultipleChoiceQuestion {
  return {
    id,
    kind: 'multiple',
    text,
    required: settings.required ?? true,
    options,
    ...(settings.maxChoices !== undefined ? { maxChoices: settings.maxChoices } : {}),
  };
}

/** Comments are read by the agency: a name in one would undo the survey's anonymity. */
export const NO_NAMES_HELP = t(
  'Mohon tidak menuliskan nama atau hal lain yang dapat mengenali Anda atau orang lain.',
  'Please do not write names or anything else that could identify you or someone else.',
);

/** Free text is always optional in templates: nobody should have to write to be counted. */
export function freeText(id: string, text: LocalText, maxLength = 1000): TextQuestion {
  return { id, kind: 'text', text, required: false, maxLength, help: NO_NAMES_HELP };
}
