import {
  questionsOf,
  type LikertPoints,
  type LocalText,
  type Question,
  type QuestionKind,
  type Section,
  type SurveyDefinition,
  type Theme,
} from '../../../../domain/surveys/definition.js';

/**
 * The builder's edits of a draft's definition (docs/surveys.md), each a pure function from one
 * definition to the next, so the editor, the live preview and undo share one value. Ids are slugs
 * made here, never typed: answers and earlier waves hang on them (definition.ts), and a made id
 * cannot be invalid or taken.
 */

const blank = (): LocalText => ({ id: '', en: '' });

/**
 * The usual agreement labels, as a starting point the admin may reword: survey content in both
 * languages, as a template carries it, not words of the app's own screens.
 */
export const LIKERT_LABELS: Record<LikertPoints, readonly LocalText[]> = {
  5: [
    { id: 'Sangat tidak setuju', en: 'Strongly disagree' },
    { id: 'Tidak setuju', en: 'Disagree' },
    { id: 'Netral', en: 'Neutral' },
    { id: 'Setuju', en: 'Agree' },
    { id: 'Sangat setuju', en: 'Strongly agree' },
  ],
  7: [
    { id: 'Sangat tidak setuju', en: 'Strongly disagree' },
    { id: 'Tidak setuju', en: 'Disagree' },
    { id: 'Agak tidak setuju', en: 'Somewhat disagree' },
    { id: 'Netral', en: 'Neutral' },
    { id: 'Agak setuju', en: 'Somewhat agree' },
    { id: 'Setuju', en: 'Agree' },
    { id: 'Sangat setuju', en: 'Strongly agree' },
  ],
};

export const NEW_TEXT_MAX_LENGTH = 500;

/** A slug `${stem}-n` not in `taken`, n the smallest free number from 1. */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

const questionIds = (def: SurveyDefinition) => questionsOf(def).map((q) => q.id);

export function newQuestion(kind: QuestionKind, id: string): Question {
  const base = { id, text: blank(), required: true };
  switch (kind) {
    case 'likert':
      return { ...base, kind, points: 5, labels: LIKERT_LABELS[5] };
    case 'scale':
      return { ...base, kind, lowLabel: blank(), highLabel: blank() };
    case 'single':
    case 'multiple':
      return {
        ...base,
        kind,
        options: [
          { id: 'opsi-1', label: blank() },
          { id: 'opsi-2', label: blank() },
        ],
      };
    case 'text':
      return { ...base, kind, required: false, maxLength: NEW_TEXT_MAX_LENGTH };
  }
}

const withSections = (def: SurveyDefinition, sections: Section[]): SurveyDefinition => ({ ...def, sections });
const withQuestions = (section: Section, questions: readonly Question[]): Section => ({ ...section, questions });

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

// ── Sections ─────────────────────────────────────────────────────────────────────────────────

export function addSection(def: SurveyDefinition): SurveyDefinition {
  const id = freshId(
    'bagian',
    def.sections.map((s) => s.id),
  );
  return withSections(def, [...def.sections, { id, title: blank(), questions: [] }]);
}

export function updateSection(def: SurveyDefinition, s: number, patch: Partial<Section>): SurveyDefinition {
  return withSections(
    def,
    def.sections.map((section, i) => (i === s ? { ...section, ...patch } : section)),
  );
}

export function moveSection(def: SurveyDefinition, s: number, by: -1 | 1): SurveyDefinition {
  const to = s + by;
  if (to < 0 || to >= def.sections.length) return def;
  return withSections(def, move(def.sections, s, to));
}

export function removeSection(def: SurveyDefinition, s: number): SurveyDefinition {
  return withSections(
    def,
    def.sections.filter((_, i) => i !== s),
  );
}

// ── Questions ────────────────────────────────────────────────────────────────────────────────

export function addQuestion(def: SurveyDefinition, s: number, kind: QuestionKind): SurveyDefinition {
  const section = def.sections[s];
  if (!section) return def;
  const question = newQuestion(kind, freshId('pertanyaan', questionIds(def)));
  return updateSection(def, s, { questions: [...section.questions, question] });
}

export function updateQuestion(def: SurveyDefinition, s: number, q: number, next: Question): SurveyDefinition {
  const section = def.sections[s];
  if (!section) return def;
  return updateSection(def, s, { questions: section.questions.map((question, i) => (i === q ? next : question)) });
}

/**
 * One step up or down; past the first or last question of a section it moves into the section
 * before or after (to its end or start), so a question can travel anywhere with two buttons.
 */
export function moveQuestion(def: SurveyDefinition, s: number, q: number, by: -1 | 1): SurveyDefinition {
  const section = def.sections[s];
  const question = section?.questions[q];
  if (!section || !question) return def;
  const to = q + by;
  if (to >= 0 && to < section.questions.length)
    return updateSection(def, s, { questions: move(section.questions, q, to) });
  const target = def.sections[s + by];
  if (!target) return def;
  const sections = def.sections.map((sec, i) => {
    if (i === s)
      return withQuestions(
        sec,
        sec.questions.filter((_, j) => j !== q),
      );
    if (i === s + by) return withQuestions(sec, by < 0 ? [...sec.questions, question] : [question, ...sec.questions]);
    return sec;
  });
  return withSections(def, sections);
}

/** Where a question is after moveQuestion, so focus can follow it. */
export function questionPosition(def: SurveyDefinition, id: string): { s: number; q: number } | null {
  for (const [s, section] of def.sections.entries()) {
    const q = section.questions.findIndex((question) => question.id === id);
    if (q >= 0) return { s, q };
  }
  return null;
}

/** A copy right after the original, with a fresh id: the same wording, a question of its own. */
export function duplicateQuestion(def: SurveyDefinition, s: number, q: number): SurveyDefinition {
  const section = def.sections[s];
  const question = section?.questions[q];
  if (!section || !question) return def;
  const copy = { ...question, id: freshId('pertanyaan', questionIds(def)) } as Question;
  return updateSection(def, s, {
    questions: [...section.questions.slice(0, q + 1), copy, ...section.questions.slice(q + 1)],
  });
}

export function removeQuestion(def: SurveyDefinition, s: number, q: number): SurveyDefinition {
  const section = def.sections[s];
  if (!section) return def;
  return updateSection(def, s, { questions: section.questions.filter((_, i) => i !== q) });
}

/** Likert with another number of points: the labels start again from the usual ones for it. */
export function withPoints(question: Question, points: LikertPoints): Question {
  if (question.kind !== 'likert' || question.points === points) return question;
  return { ...question, points, labels: LIKERT_LABELS[points] };
}

export function addOption(question: Question): Question {
  if (question.kind !== 'single' && question.kind !== 'multiple') return question;
  const id = freshId(
    'opsi',
    question.options.map((o) => o.id),
  );
  return { ...question, options: [...question.options, { id, label: blank() }] };
}

export function removeOption(question: Question, o: number): Question {
  if (question.kind !== 'single' && question.kind !== 'multiple') return question;
  const options = question.options.filter((_, i) => i !== o);
  if (question.kind === 'multiple' && question.maxChoices !== undefined && question.maxChoices > options.length)
    return { ...question, options, maxChoices: options.length };
  return { ...question, options };
}

// ── Themes ───────────────────────────────────────────────────────────────────────────────────

export function addTheme(def: SurveyDefinition): SurveyDefinition {
  const id = freshId(
    'tema',
    def.themes.map((t) => t.id),
  );
  return { ...def, themes: [...def.themes, { id, name: blank(), description: blank() }] };
}

export function updateTheme(def: SurveyDefinition, i: number, patch: Partial<Theme>): SurveyDefinition {
  return { ...def, themes: def.themes.map((theme, j) => (j === i ? { ...theme, ...patch } : theme)) };
}

/** The theme goes, and its questions keep their wording but count towards no theme. */
export function removeTheme(def: SurveyDefinition, i: number): SurveyDefinition {
  const gone = def.themes[i]?.id;
  if (gone === undefined) return def;
  return {
    themes: def.themes.filter((_, j) => j !== i),
    sections: def.sections.map((section) =>
      withQuestions(
        section,
        section.questions.map((question) => {
          if (!('themeId' in question) || question.themeId !== gone) return question;
          const { themeId: _dropped, ...rest } = question;
          return rest as Question;
        }),
      ),
    ),
  };
}

/** Optional text (help, intro): absent when both languages are empty, so nothing empty is stored. */
export function optionalText(text: LocalText): LocalText | undefined {
  return text.id === '' && text.en === '' ? undefined : text;
}
