import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { effectiveAnswers, hasCrisisAnswer, isCrisisAnswer, stepsOf, type FormItem } from './form-logic.js';

/** The form's items as the page builds them from an instrument's definition. */
function itemsOf(id: InstrumentId): FormItem[] {
  return INSTRUMENTS[id].items.map((item, index) => ({
    number: index + 1,
    crisis: item.crisisAt !== undefined,
    skip: item.skip ? { whenItem: item.skip.whenItem, equals: item.skip.equals } : null,
    optionalBlock: item.optionalBlock ?? null,
  }));
}

const itemNumbers = (steps: ReturnType<typeof stepsOf>) =>
  steps.map((s) => (s.kind === 'item' ? s.index + 1 : 'serves'));

describe('the screens of a form', () => {
  it('asks every item of a form without skip-outs, one per screen', () => {
    expect(itemNumbers(stepsOf(itemsOf('phq9'), [], null))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('skips the K10 follow-up items when the item before was answered "none of the time"', () => {
    const items = itemsOf('k10');
    const answers = Array<number | null>(10).fill(null);
    expect(itemNumbers(stepsOf(items, answers, null))).toContain(3);
    answers[1] = 1;
    answers[4] = 1;
    const steps = itemNumbers(stepsOf(items, answers, null));
    expect(steps).not.toContain(3);
    expect(steps).not.toContain(6);
    expect(steps).toHaveLength(8);
  });

  it('asks the CBI "do you serve the public" question first, and the client items only after a yes', () => {
    const items = itemsOf('cbi');
    const clientItems = items.filter((i) => i.optionalBlock === 'client').length;
    expect(clientItems).toBeGreaterThan(0);
    const withoutClients = stepsOf(items, [], false);
    const withClients = stepsOf(items, [], true);
    expect(withoutClients[0]).toEqual({ kind: 'serves' });
    expect(withClients).toHaveLength(withoutClients.length + clientItems);
  });

  it('stores an item that was not asked as unanswered, whatever was picked before the skip applied', () => {
    const items = itemsOf('k10');
    const answers = [3, 1, 4, 2, 2, 2, 2, 2, 2, 2];
    const stored = effectiveAnswers(items, answers, null);
    expect(stored[2]).toBeNull();
    expect(stored[0]).toBe(3);
    expect(stored).toHaveLength(10);
  });
});

describe('crisis answers', () => {
  it('start the crisis pathway at the definition’s threshold (PHQ-9 item 9 at "several days")', () => {
    expect(isCrisisAnswer('phq9', 8, 0)).toBe(false);
    expect(isCrisisAnswer('phq9', 8, 1)).toBe(true);
    expect(isCrisisAnswer('phq9', 8, null)).toBe(false);
    expect(isCrisisAnswer('phq9', 0, 3)).toBe(false);
  });

  it('are found anywhere in a set of answers, and never in a form without a crisis item', () => {
    expect(hasCrisisAnswer('srq20', [...Array(16).fill(0), 1, 0, 0, 0])).toBe(true);
    expect(hasCrisisAnswer('srq20', Array(20).fill(0))).toBe(false);
    expect(hasCrisisAnswer('k6', Array(6).fill(4))).toBe(false);
  });
});
