/**
 * A climate-survey definition (docs/surveys.md): what a respondent reads and what the scorer in
 * scoring.ts needs, and nothing about who answers. Definitions are data, built by an admin in the
 * survey builder or taken from the template library (templates/), and checked here before they
 * are stored or opened.
 */

/** Text in both languages; Indonesian is what people read first (docs/principles.md, principle 5). */
export interface LocalText {
  id: string;
  en: string;
}

interface QuestionBase {
  /** Stable slug, unique within the survey: answers and comparisons across waves hang on it. */
  id: string;
  text: LocalText;
  required: boolean;
  help?: LocalText;
}

export const LIKERT_POINTS = [5, 7] as const;
export type LikertPoints = (typeof LIKERT_POINTS)[number];

/** Agreement with a statement; answers are 1..points, from least to most agreeable. */
export interface LikertQuestion extends QuestionBase {
  kind: 'likert';
  points: LikertPoints;
  /** One label per point, from least to most agreeable. */
  labels: readonly LocalText[];
  /** A negatively worded item: disagreeing is the favourable answer (scoring.ts reverses it). */
  reverse?: true;
  themeId?: string;
  /**
   * The id of an action decided on the previous wave's results that this question asks about
   * ("did it help?", docs/surveys.md#the-loop): its results are shown beside the action.
   */
  followsAction?: string;
}

/** The 0–10 scale has fixed ends so that every 0–10 question in Teduh reads the same way. */
export const SCALE_MIN = 0;
export const SCALE_MAX = 10;

export interface ScaleQuestion extends QuestionBase {
  kind: 'scale';
  /** What 0 means. */
  lowLabel: LocalText;
  /** What 10 means. */
  highLabel: LocalText;
  themeId?: string;
}

export interface ChoiceOption {
  /** Stable slug, unique within its question; answers store it, never the label. */
  id: string;
  label: LocalText;
}

export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'single';
  options: readonly ChoiceOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  kind: 'multiple';
  options: readonly ChoiceOption[];
  /** At most this many options may be chosen; absent means any number. */
  maxChoices?: number;
}

/** Free text; shown only to groups of at least 10 (docs/privacy.md A2), which the caller enforces. */
export interface TextQuestion extends QuestionBase {
  kind: 'text';
  maxLength: number;
}

export type Question = LikertQuestion | ScaleQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | TextQuestion;
export type QuestionKind = Question['kind'];
/** The kinds whose answers are numbers on an ordered scale, and so the only ones a theme may hold. */
export type ScoredQuestion = LikertQuestion | ScaleQuestion;

export interface Section {
  id: string;
  title: LocalText;
  intro?: LocalText;
  questions: readonly Question[];
}

/** A group of scored questions whose answers are summarised by one index (scoring.ts). */
export interface Theme {
  id: string;
  name: LocalText;
  description: LocalText;
}

export interface SurveyDefinition {
  themes: readonly Theme[];
  sections: readonly Section[];
}

/** Limits keep a survey answerable on a phone in one sitting and its results readable. */
export const SURVEY_LIMITS = {
  sections: 20,
  questions: 120,
  options: 30,
  textMaxLength: 2000,
  idLength: 40,
} as const;

/**
 * Problem codes, each an i18n key the web app and the API translate. `path` says where, e.g.
 * `sections[1].questions[0].labels[2].en`.
 */
export const DEFINITION_PROBLEM_CODES = [
  'surveys.definition.no_questions',
  'surveys.definition.too_many_sections',
  'surveys.definition.too_many_questions',
  'surveys.definition.too_many_options',
  'surveys.definition.invalid_id',
  'surveys.definition.duplicate_id',
  'surveys.definition.empty_text',
  'surveys.definition.empty_section',
  'surveys.definition.invalid_points',
  'surveys.definition.label_count',
  'surveys.definition.too_few_options',
  'surveys.definition.duplicate_option',
  'surveys.definition.invalid_max_choices',
  'surveys.definition.invalid_max_length',
  'surveys.definition.unknown_theme',
  'surveys.definition.theme_not_allowed',
  'surveys.definition.empty_theme',
  'surveys.definition.duplicate_action',
] as const;
export type DefinitionProblemCode = (typeof DEFINITION_PROBLEM_CODES)[number];

export interface Problem {
  path: string;
  code: DefinitionProblemCode;
}

/**
 * A problem's path as segments, `sections[1].questions[0].text.en` → ['sections', 1, 'questions', 0,
 * 'text', 'en'], the form a zod issue or a form library's field path takes.
 */
export function pathSegments(path: string): (string | number)[] {
  return path
    .split(/[.[\]]+/)
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Lower-case letters, digits, single dashes or underscores between them: safe in URLs, CSV headers and keys. */
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length <= SURVEY_LIMITS.idLength && SLUG.test(value);
}

export function isScoredQuestion(question: Question): question is ScoredQuestion {
  return question.kind === 'likert' || question.kind === 'scale';
}

/** Every question of a definition, in the order a respondent meets them. */
export function questionsOf(def: SurveyDefinition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}

type Report = (path: string, code: DefinitionProblemCode) => void;

/** Both languages: the respondent chooses, and a blank line in either is a broken survey. */
function checkText(report: Report, path: string, text: LocalText | undefined): void {
  if (text === undefined) return;
  if (!text.id?.trim()) report(`${path}.id`, 'surveys.definition.empty_text');
  if (!text.en?.trim()) report(`${path}.en`, 'surveys.definition.empty_text');
}

/** Slug ids, each once in `seen`; pass one `seen` to several lists to make them one namespace. */
function checkIds(
  report: Report,
  items: readonly { id: string }[],
  pathOf: (i: number) => string,
  seen = new Set<string>(),
): void {
  items.forEach((item, i) => {
    if (!isSlug(item.id)) report(`${pathOf(i)}.id`, 'surveys.definition.invalid_id');
    else if (seen.has(item.id)) report(`${pathOf(i)}.id`, 'surveys.definition.duplicate_id');
    seen.add(item.id);
  });
}

/** Every problem of a definition; an empty list means it may be stored and opened. */
export function validateDefinition(def: SurveyDefinition): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, code) => problems.push({ path, code });

  checkIds(report, def.themes, (i) => `themes[${i}]`);
  def.themes.forEach((theme, i) => {
    checkText(report, `themes[${i}].name`, theme.name);
    checkText(report, `themes[${i}].description`, theme.description);
  });

  if (def.sections.length > SURVEY_LIMITS.sections) report('sections', 'surveys.definition.too_many_sections');
  checkIds(report, def.sections, (i) => `sections[${i}]`);
  const all = questionsOf(def);
  if (all.length === 0) report('sections', 'surveys.definition.no_questions');
  if (all.length > SURVEY_LIMITS.questions) report('sections', 'surveys.definition.too_many_questions');

  // Question ids are unique across the whole survey, not per section: answers are keyed by them.
  const questionIds = new Set<string>();
  const themeIds = new Set(def.themes.map((t) => t.id));
  const usedThemes = new Set<string>();
  const followedActions = new Set<string>();
  def.sections.forEach((section, s) => {
    const sectionPath = `sections[${s}]`;
    checkText(report, `${sectionPath}.title`, section.title);
    checkText(report, `${sectionPath}.intro`, section.intro);
    if (section.questions.length === 0) report(`${sectionPath}.questions`, 'surveys.definition.empty_section');
    checkIds(report, section.questions, (q) => `${sectionPath}.questions[${q}]`, questionIds);
    section.questions.forEach((question, q) => {
      const path = `${sectionPath}.questions[${q}]`;
      checkText(report, `${path}.text`, question.text);
      checkText(report, `${path}.help`, question.help);
      const themeId = (question as { themeId?: string }).themeId;
      if (themeId !== undefined) {
        // A theme index needs ordered numbers; choices and text have none.
        if (!isScoredQuestion(question)) report(`${path}.themeId`, 'surveys.definition.theme_not_allowed');
        else if (!themeIds.has(themeId)) report(`${path}.themeId`, 'surveys.definition.unknown_theme');
        else usedThemes.add(themeId);
      }
      // One question per action: two would split its answers and the action would show one of them.
      if (question.kind === 'likert' && question.followsAction !== undefined) {
        if (followedActions.has(question.followsAction))
          report(`${path}.followsAction`, 'surveys.definition.duplicate_action');
        followedActions.add(question.followsAction);
      }
      checkKind(report, question, path);
    });
  });

  // A theme with no question would show an index of nothing.
  def.themes.forEach((theme, i) => {
    if (themeIds.has(theme.id) && !usedThemes.has(theme.id)) report(`themes[${i}]`, 'surveys.definition.empty_theme');
  });
  return problems;
}

function checkKind(report: Report, question: Question, path: string): void {
  switch (question.kind) {
    case 'likert':
      if (!(LIKERT_POINTS as readonly number[]).includes(question.points))
        report(`${path}.points`, 'surveys.definition.invalid_points');
      if (question.labels.length !== question.points) report(`${path}.labels`, 'surveys.definition.label_count');
      question.labels.forEach((label, i) => checkText(report, `${path}.labels[${i}]`, label));
      break;
    case 'scale':
      checkText(report, `${path}.lowLabel`, question.lowLabel);
      checkText(report, `${path}.highLabel`, question.highLabel);
      break;
    case 'single':
    case 'multiple': {
      const { options } = question;
      if (options.length < 2) report(`${path}.options`, 'surveys.definition.too_few_options');
      if (options.length > SURVEY_LIMITS.options) report(`${path}.options`, 'surveys.definition.too_many_options');
      checkIds(report, options, (i) => `${path}.options[${i}]`);
      const labels = { id: new Set<string>(), en: new Set<string>() };
      options.forEach((option, i) => {
        const where = `${path}.options[${i}].label`;
        checkText(report, where, option.label);
        // Two options that read the same in either language cannot be told apart by the respondent.
        for (const lang of ['id', 'en'] as const) {
          const key = (option.label[lang] ?? '').trim().toLowerCase();
          if (key && labels[lang].has(key)) report(`${where}.${lang}`, 'surveys.definition.duplicate_option');
          labels[lang].add(key);
        }
      });
      if (question.kind === 'multiple' && question.maxChoices !== undefined) {
        const { maxChoices } = question;
        if (!Number.isInteger(maxChoices) || maxChoices < 1 || maxChoices > options.length)
          report(`${path}.maxChoices`, 'surveys.definition.invalid_max_choices');
      }
      break;
    }
    case 'text': {
      const { maxLength } = question;
      if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > SURVEY_LIMITS.textMaxLength)
        report(`${path}.maxLength`, 'surveys.definition.invalid_max_length');
      break;
    }
  }
}
