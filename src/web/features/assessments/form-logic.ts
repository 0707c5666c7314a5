import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { Answer, InstrumentId } from '../../../domain/instruments/types.js';

/**
 * The rules of one form screen by screen, read from the instrument's definition (never hard-coded):
 * which items are asked (K10 skip-outs, the CBI client block), and which answer is a crisis answer.
 */
export interface FormItem {
  number: number;
  crisis: boolean;
  skip: { whenItem: number; equals: number } | null;
  optionalBlock: string | null;
}

/** A screen of the form: the CBI's "do you serve the public?" question, or an item by index. */
export type Step = { kind: 'serves' } | { kind: 'item'; index: number };

export function needsServesQuestion(items: readonly FormItem[]): boolean {
  return items.some((i) => i.optionalBlock === 'client');
}

/** Whether item `index` is asked, given the answers so far. */
export function isAsked(
  items: readonly FormItem[],
  answers: readonly Answer[],
  index: number,
  servesPublic: boolean | null,
): boolean {
  const item = items[index];
  if (!item) return false;
  if (item.optionalBlock === 'client' && servesPublic !== true) return false;
  if (item.skip && answers[item.skip.whenItem - 1] === item.skip.equals) return false;
  return true;
}

/** The screens, in order, for the answers so far (they change as skip-outs apply). */
export function stepsOf(items: readonly FormItem[], answers: readonly Answer[], servesPublic: boolean | null): Step[] {
  const steps: Step[] = needsServesQuestion(items) ? [{ kind: 'serves' }] : [];
  items.forEach((_, index) => {
    if (isAsked(items, answers, index, servesPublic)) steps.push({ kind: 'item', index });
  });
  return steps;
}

/** What is stored and scored: an item that was not asked is null (the scorer applies the skip rules). */
export function effectiveAnswers(
  items: readonly FormItem[],
  answers: readonly Answer[],
  servesPublic: boolean | null,
): Answer[] {
  return items.map((_, index) => (isAsked(items, answers, index, servesPublic) ? (answers[index] ?? null) : null));
}

/**
 * Whether this answer to this item starts the crisis pathway (docs/instruments.md R0.4, §11): the definition's
 * crisis threshold (PHQ-9 item 9 ≥ 1, SRQ-20 item 17 = Ya), from the domain catalogue.
 */
export function isCrisisAnswer(instrumentId: InstrumentId, index: number, value: Answer): boolean {
  const item = INSTRUMENTS[instrumentId].items[index];
  return value !== null && item?.crisisAt !== undefined && value >= item.crisisAt;
}

export function hasCrisisAnswer(instrumentId: InstrumentId, answers: readonly Answer[]): boolean {
  return answers.some((value, index) => isCrisisAnswer(instrumentId, index, value));
}
