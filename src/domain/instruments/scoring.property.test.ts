import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './catalog.js';
import { scoreAnswers } from './scoring.js';
import { INSTRUMENT_IDS, type InstrumentDefinition, type InstrumentId } from './types.js';

const completeAnswers = (d: InstrumentDefinition) =>
  fc.tuple(...d.items.map((item) => fc.constantFrom(...item.options.map((o) => o.value))));
const partialAnswers = (d: InstrumentDefinition) =>
  fc.tuple(
    ...d.items.map((item) =>
      item.required
        ? fc.constantFrom(...item.options.map((o) => o.value))
        : fc.option(fc.constantFrom(...item.options.map((o) => o.value)), { nil: null }),
    ),
  );

function result(id: InstrumentId, answers: Array<number | null>) {
  const outcome = scoreAnswers(id, answers);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.result;
}

/** The value an item contributes after reversal. */
function scored(d: InstrumentDefinition, index: number, value: number): number {
  const item = d.items[index];
  if (!item?.reverse) return value;
  const values = item.options.map((o) => o.value);
  return Math.max(...values) + Math.min(...values) - value;
}

const sumInstruments = INSTRUMENT_IDS.filter((id) => INSTRUMENTS[id].scoring === 'sum');

describe.each(sumInstruments)('%s properties', (id) => {
  const d = INSTRUMENTS[id];

  it('a complete form has a total within the published range and the band of that total', () => {
    fc.assert(
      fc.property(completeAnswers(d), (answers) => {
        const r = result(id, answers);
        expect(r.total).not.toBeNull();
        const total = r.total as number;
        expect(total).toBeGreaterThanOrEqual(d.totalRange?.min as number);
        expect(total).toBeLessThanOrEqual(d.totalRange?.max as number);
        const band = d.bands.find((b) => total >= b.min && total <= b.max);
        expect(r.band).toBe(band?.code);
      }),
    );
  });

  it('raising any item’s scored value never lowers the total (monotone after reversal)', () => {
    fc.assert(
      fc.property(completeAnswers(d), fc.nat(d.items.length - 1), (answers, index) => {
        const item = d.items[index];
        if (!item) return;
        const before = result(id, answers).total as number;
        for (const option of item.options) {
          const changed = [...answers];
          changed[index] = option.value;
          const after = result(id, changed).total as number;
          const delta = scored(d, index, option.value) - scored(d, index, answers[index] as number);
          expect(after - before).toBe(delta);
        }
      }),
    );
  });

  it('is in crisis exactly when a crisis item is answered at or above its trigger', () => {
    fc.assert(
      fc.property(partialAnswers(d), (answers) => {
        const expected = d.items.some(
          (item, i) => item.crisisAt !== undefined && answers[i] !== null && (answers[i] as number) >= item.crisisAt,
        );
        expect(result(id, answers).crisis).toBe(expected);
      }),
    );
  });

  it('an unanswered (non-skippable) item makes the form incomplete, never a guessed total', () => {
    fc.assert(
      fc.property(completeAnswers(d), fc.nat(d.items.length - 1), (answers, index) => {
        const item = d.items[index];
        if (!item || item.required || item.skip) return;
        const missing: Array<number | null> = [...answers];
        missing[index] = null;
        const r = result(id, missing);
        expect(r.total).toBeNull();
        expect(r.band).toBe('incomplete');
      }),
    );
  });
});

describe('cbi properties', () => {
  const d = INSTRUMENTS.cbi;
  it('each sub-scale is a mean within 0–100, monotone in every scored value, and never a crisis', () => {
    fc.assert(
      fc.property(completeAnswers(d), fc.nat(d.items.length - 1), (answers, index) => {
        const r = result('cbi', answers);
        expect(r.crisis).toBe(false);
        for (const sub of Object.values(r.subscales ?? {})) {
          expect(sub?.score).toBeGreaterThanOrEqual(0);
          expect(sub?.score).toBeLessThanOrEqual(100);
          expect(sub?.band).toBe((sub?.score as number) >= 50 ? 'high' : 'low');
        }
        const item = d.items[index];
        if (!item) return;
        const subscale = item.subscale as string;
        const raised = [...answers];
        raised[index] = item.reverse ? 0 : 100;
        expect(result('cbi', raised).subscales?.[subscale]?.score).toBeGreaterThanOrEqual(
          r.subscales?.[subscale]?.score as number,
        );
      }),
    );
  });
});
