/**
 * What one response adds to a survey's tallies (docs/decisions/048-climate-surveys.md): every
 * figure of the results is read from counts per profile, question and value, so a response is
 * counted once, when it moves, and never read again to draw a chart.
 *
 * Values: a Likert point or a 0–10 score as itself; a choice as the option's position in the
 * question; and for every question answered, one count at `ANSWERED` (the respondents behind the
 * question's figures, and for multiple choice the base of each option's share). Free text is
 * counted as answered; its words go to the comments, not to a tally.
 */

export const ANSWERED = -1;

/** The part of a question a tally needs. */
export type TallyQuestion =
  | { id: string; kind: 'likert'; points: number }
  | { id: string; kind: 'scale' }
  | { id: string; kind: 'single' | 'multiple'; options: ReadonlyArray<{ id: string }> }
  | { id: string; kind: 'text' };

export type AnswerValue = number | string | readonly string[];

export interface TallyEntry {
  questionId: string;
  value: number;
}

/** The tally entries of one response; answers the question cannot hold are ignored (validated before). */
export function tallyEntries(
  questions: readonly TallyQuestion[],
  answers: Readonly<Record<string, AnswerValue>>,
): TallyEntry[] {
  const entries: TallyEntry[] = [];
  for (const q of questions) {
    const answer = answers[q.id];
    if (answer === undefined) continue;
    const values = valuesOf(q, answer);
    if (values === null) continue;
    entries.push({ questionId: q.id, value: ANSWERED }, ...values.map((value) => ({ questionId: q.id, value })));
  }
  return entries;
}

function valuesOf(q: TallyQuestion, answer: AnswerValue): number[] | null {
  switch (q.kind) {
    case 'likert':
      return Number.isInteger(answer) && (answer as number) >= 1 && (answer as number) <= q.points
        ? [answer as number]
        : null;
    case 'scale':
      return Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) <= 10
        ? [answer as number]
        : null;
    case 'single': {
      const index = q.options.findIndex((o) => o.id === answer);
      return index >= 0 ? [index] : null;
    }
    case 'multiple': {
      if (!Array.isArray(answer)) return null;
      const indexes = [...new Set(answer)].map((id) => q.options.findIndex((o) => o.id === id));
      return indexes.length > 0 && indexes.every((i) => i >= 0) ? indexes.sort((a, b) => a - b) : null;
    }
    case 'text':
      return typeof answer === 'string' && answer.trim() !== '' ? [] : null;
  }
}

/** Sums entries into counts per question and value. */
export function addUp(
  entries: Iterable<TallyEntry>,
): Map<string, { questionId: string; value: number; count: number }> {
  const totals = new Map<string, { questionId: string; value: number; count: number }>();
  for (const e of entries) {
    const key = `${e.questionId}\u001f${e.value}`;
    const t = totals.get(key);
    if (t) t.count += 1;
    else totals.set(key, { ...e, count: 1 });
  }
  return totals;
}
