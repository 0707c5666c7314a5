import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../instruments/catalog.js';
import { scoreAnswers } from '../instruments/scoring.js';
import { INSTRUMENT_IDS, type InstrumentId } from '../instruments/types.js';
import { CARE_STEPS, nextStepFor } from './next-step.js';

const scored = (id: InstrumentId, answers: Array<number | null>) => {
  const o = scoreAnswers(id, answers);
  if (!o.ok) throw new Error('invalid');
  return o.result;
};

describe('next step on the stepped-care path', () => {
  it('follows PHQ-9 severity, and puts a crisis answer first', () => {
    expect(nextStepFor(scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({
      crisis: false,
      step: 'self_care',
      followUp: null,
      urgentFollowUp: false,
    });
    expect(nextStepFor(scored('phq9', [2, 2, 2, 2, 2, 0, 0, 0, 0])).step).toBe('primary_care');
    expect(nextStepFor(scored('phq9', [3, 3, 3, 3, 3, 3, 2, 0, 0]))).toMatchObject({
      step: 'urgent',
      urgentFollowUp: true,
    });
    expect(nextStepFor(scored('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]))).toMatchObject({ crisis: true, step: 'self_care' });
  });

  it('sends a positive PHQ-2 or GAD-2 on to the full form', () => {
    expect(nextStepFor(scored('phq2', [2, 1])).followUp).toBe('phq9');
    expect(nextStepFor(scored('gad2', [2, 2])).followUp).toBe('gad7');
    expect(nextStepFor(scored('gad2', [1, 1])).followUp).toBeNull();
  });

  it('follows up a WHO-5 with a low item even when the total is adequate', () => {
    expect(nextStepFor(scored('who5', [5, 5, 5, 5, 1]))).toMatchObject({ step: 'self_care', followUp: 'phq9' });
    expect(nextStepFor(scored('who5', [1, 1, 1, 2, 2]))).toMatchObject({
      step: 'urgent',
      urgentFollowUp: true,
      followUp: 'phq9',
    });
  });

  it('points to the Puskesmas above the SRQ-20 cut-off', () => {
    expect(nextStepFor(scored('srq20', [...Array(6).fill(1), ...Array(14).fill(0)])).step).toBe('primary_care');
  });

  it('suggests no step for an incomplete form, but keeps the crisis flag', () => {
    expect(nextStepFor(scored('phq9', [null, null, null, null, null, null, null, null, 3]))).toEqual({
      crisis: true,
      step: null,
      followUp: null,
      urgentFollowUp: false,
    });
  });

  it('property: every complete result of every instrument gets a step on the path', () => {
    for (const id of INSTRUMENT_IDS) {
      const d = INSTRUMENTS[id];
      fc.assert(
        fc.property(fc.tuple(...d.items.map((i) => fc.constantFrom(...i.options.map((o) => o.value)))), (answers) => {
          expect(CARE_STEPS).toContain(nextStepFor(scored(id, answers)).step);
        }),
        { numRuns: 50 },
      );
    }
  });
});
