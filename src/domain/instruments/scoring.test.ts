import { describe, expect, it } from 'vitest';
import examples from './spec-examples.json' with { type: 'json' };
import { scoreAnswers } from './scoring.js';
import type { InstrumentId, ScoreResult } from './types.js';

/** Floats in results compare at 1e-4 (docs/instruments.md R0.3). */
function expectResult(actual: ScoreResult, expected: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'subscales' && value) {
      for (const [name, sub] of Object.entries(
        value as Record<string, { score: number; band: string; band4: string } | null>,
      )) {
        const got = actual.subscales?.[name];
        if (sub === null) expect(got, name).toBeNull();
        else {
          expect(got?.score, name).toBeCloseTo(sub.score, 4);
          expect(got?.band, name).toBe(sub.band);
          expect(got?.band4, name).toBe(sub.band4);
        }
      }
    } else {
      expect((actual as unknown as Record<string, unknown>)[key], key).toEqual(value);
    }
  }
}

const score = (id: InstrumentId, answers: unknown) => {
  const outcome = scoreAnswers(id, answers);
  if (!outcome.ok) throw new Error(`unexpected problems: ${JSON.stringify(outcome.problems)}`);
  return outcome.result;
};

describe('docs/instruments.md worked examples (spec-examples.json)', () => {
  it.each(examples.examples.map((e) => [`${e.instrument}: ${e.note}`, e] as const))('%s', (_name, example) => {
    expectResult(score(example.instrument as InstrumentId, example.answers), example.expected);
  });
});

/** Answers with the given total spread over items, for sum scales with 0-based options of width `max`. */
function withTotal(items: number, max: number, total: number, min = 0): number[] {
  const answers = Array(items).fill(min) as number[];
  let left = total - items * min;
  for (let i = 0; i < items && left > 0; i++) {
    const add = Math.min(max - min, left);
    answers[i] = min + add;
    left -= add;
  }
  return answers;
}

describe('band edges (lower edge belongs to the higher band)', () => {
  const cases: Array<[InstrumentId, number, number, number, Array<[number, string]>]> = [
    [
      'phq9',
      9,
      3,
      0,
      [
        [4, 'minimal'],
        [5, 'mild'],
        [9, 'mild'],
        [10, 'moderate'],
        [14, 'moderate'],
        [15, 'moderately_severe'],
        [19, 'moderately_severe'],
        [20, 'severe'],
        [27, 'severe'],
      ],
    ],
    [
      'phq2',
      2,
      3,
      0,
      [
        [0, 'negative'],
        [2, 'negative'],
        [3, 'positive'],
        [6, 'positive'],
      ],
    ],
    [
      'gad7',
      7,
      3,
      0,
      [
        [0, 'minimal'],
        [4, 'minimal'],
        [5, 'mild'],
        [9, 'mild'],
        [10, 'moderate'],
        [14, 'moderate'],
        [15, 'severe'],
        [21, 'severe'],
      ],
    ],
    [
      'gad2',
      2,
      3,
      0,
      [
        [2, 'negative'],
        [3, 'positive'],
      ],
    ],
    [
      'who5',
      5,
      5,
      0,
      [
        [7, 'likely_depression'],
        [8, 'poor_wellbeing'],
        [12, 'poor_wellbeing'],
        [13, 'adequate'],
        [25, 'adequate'],
      ],
    ],
    [
      'srq20',
      20,
      1,
      0,
      [
        [5, 'below_cutoff'],
        [6, 'above_cutoff'],
        [20, 'above_cutoff'],
      ],
    ],
    [
      'k10',
      10,
      5,
      1,
      [
        [19, 'low'],
        [20, 'mild'],
        [24, 'mild'],
        [25, 'moderate'],
        [29, 'moderate'],
        [30, 'severe'],
        [50, 'severe'],
      ],
    ],
    [
      'k6',
      6,
      4,
      0,
      [
        [7, 'low'],
        [8, 'moderate'],
        [12, 'moderate'],
        [13, 'serious'],
        [24, 'serious'],
      ],
    ],
  ];
  for (const [id, items, max, min, edges] of cases) {
    it.each(edges)(`${id} total %i → %s`, (total, band) => {
      // Keep the crisis items at their lowest so only the band is under test.
      const answers = withTotal(items, max, total, min);
      const result = score(id, answers);
      expect(result.total).toBe(total);
      expect(result.band).toBe(band);
    });
  }

  it('K10 population bands (ABS)', () => {
    for (const [total, band] of [
      [10, 'low'],
      [15, 'low'],
      [16, 'moderate'],
      [21, 'moderate'],
      [22, 'high'],
      [29, 'high'],
      [30, 'very_high'],
      [50, 'very_high'],
    ] as const) {
      expect(score('k10', withTotal(10, 5, total, 1)).bandAbs).toBe(band);
    }
  });

  it('PSS-10 edges with the reversed items counted', () => {
    // Reversed items answered 4 contribute 0; the rest carry the total.
    const at = (total: number) => {
      const answers = [0, 0, 0, 4, 4, 0, 4, 4, 0, 0];
      const forward = [0, 1, 2, 5, 8, 9];
      const reversed = [3, 4, 6, 7];
      let left = total;
      for (const i of forward) {
        answers[i] = Math.min(4, left);
        left -= answers[i] as number;
      }
      // Past 24 the reversed items carry the rest: answering 3 instead of 4 adds one point.
      for (const i of reversed) {
        const add = Math.min(4, left);
        answers[i] = 4 - add;
        left -= add;
      }
      return score('pss10', answers);
    };
    expect([13, 14, 26, 27].map((t) => [at(t).total, at(t).band])).toEqual([
      [13, 'low'],
      [14, 'moderate'],
      [26, 'moderate'],
      [27, 'high'],
    ]);
  });

  it('WHO-5 percentage is raw × 4', () => {
    expect(score('who5', [3, 3, 3, 2, 2]).percent).toBe(52);
    expect(score('who5', [3, 3, 3, 2, 2]).band).toBe('adequate');
  });
});

describe('reverse-scored items', () => {
  it('PSS-10 items 4, 5, 7, 8 score 4 − value', () => {
    const base = Array(10).fill(2) as number[];
    for (const item of [4, 5, 7, 8]) {
      const higher = [...base];
      higher[item - 1] = 4;
      expect(score('pss10', higher).total).toBe(18);
    }
    for (const item of [1, 2, 3, 6, 9, 10]) {
      const higher = [...base];
      higher[item - 1] = 4;
      expect(score('pss10', higher).total).toBe(22);
    }
  });

  it('CBI item 13 scores 100 − value and only in the work scale', () => {
    const all50 = Array(19).fill(50) as number[];
    const item13 = [...all50];
    item13[12] = 100;
    const r = score('cbi', item13);
    expect(r.subscales?.work?.score).toBeCloseTo(300 / 7, 4);
    expect(r.subscales?.personal?.score).toBe(50);
  });
});

describe('crisis (docs/instruments.md §11)', () => {
  it('PHQ-9 item 9 at any value above 0, whatever the total', () => {
    for (const v of [1, 2, 3]) expect(score('phq9', [0, 0, 0, 0, 0, 0, 0, 0, v]).crisis).toBe(true);
    expect(score('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).crisis).toBe(false);
  });

  it('SRQ-20 item 17 = Ya only', () => {
    const yes17 = Array(20).fill(0) as number[];
    yes17[16] = 1;
    expect(score('srq20', yes17).crisis).toBe(true);
    const allButSeventeen = Array(20).fill(1) as number[];
    allButSeventeen[16] = 0;
    expect(score('srq20', allButSeventeen)).toMatchObject({ crisis: false, total: 19, band: 'above_cutoff' });
  });

  it('still runs on an incomplete form', () => {
    expect(score('phq9', [null, null, null, null, null, null, null, null, 2])).toEqual({
      instrumentId: 'phq9',
      total: null,
      band: 'incomplete',
      crisis: true,
    });
    const partial = Array(20).fill(null) as Array<number | null>;
    partial[16] = 1;
    expect(score('srq20', partial)).toMatchObject({ total: null, band: 'incomplete', crisis: true });
  });

  it('is never set by instruments without a self-harm item', () => {
    const max: Record<string, number[]> = {
      phq2: [3, 3],
      gad7: Array(7).fill(3),
      gad2: [3, 3],
      who5: Array(5).fill(0),
      k10: Array(10).fill(5),
      k6: Array(6).fill(4),
      pss10: Array(10).fill(4),
      cbi: Array(19).fill(100),
    };
    for (const [id, answers] of Object.entries(max)) expect(score(id as InstrumentId, answers).crisis, id).toBe(false);
  });
});

describe('missing answers (R0.2: no prorating)', () => {
  it('makes a sum scale incomplete', () => {
    expect(score('gad7', [3, 3, 3, null, 3, 3, 3])).toEqual({
      instrumentId: 'gad7',
      total: null,
      band: 'incomplete',
      crisis: false,
    });
    expect(score('who5', [5, 5, null, 5, 0])).toEqual({
      instrumentId: 'who5',
      total: null,
      band: 'incomplete',
      crisis: false,
      percent: null,
      flags: { anyItem0Or1: true },
    });
    expect(score('k10', [2, 2, 2, 2, 2, 2, 2, 2, 2, null])).toMatchObject({
      total: null,
      band: 'incomplete',
      bandAbs: null,
    });
  });

  it('refuses to leave out PHQ-9 item 9', () => {
    expect(scoreAnswers('phq9', [0, 0, 0, 0, 0, 0, 0, 0, null])).toEqual({
      ok: false,
      problems: [{ item: 9, code: 'required', params: {} }],
    });
  });

  it('scores a CBI scale from 3 or more answered items and leaves it null below that', () => {
    const answers = Array(19).fill(null) as Array<number | null>;
    answers[0] = 100;
    answers[1] = 50;
    answers[2] = 0; // personal: 3 answered → mean 50
    answers[6] = 100;
    answers[7] = 100; // work: 2 answered → null
    const r = score('cbi', answers);
    expect(r.subscales).toEqual({ personal: { score: 50, band: 'high', band4: 'moderate' }, work: null, client: null });
    expect(r).toMatchObject({ total: null, band: null, crisis: false });
  });

  it('leaves the CBI client scale out for people who do not serve the public', () => {
    const answers = [...Array(13).fill(25), ...Array(6).fill(null)] as Array<number | null>;
    const r = score('cbi', answers);
    expect(r.subscales?.client).toBeNull();
    expect(r.subscales?.personal).toEqual({ score: 25, band: 'low', band4: 'low' });
  });
});

describe('K10 skip-outs', () => {
  it('scores item 3 as 1 when item 2 is "none of the time" and item 3 is skipped', () => {
    const answers = [3, 1, null, 3, 3, 3, 3, 3, 3, 3];
    expect(score('k10', answers)).toMatchObject({ total: 3 + 1 + 1 + 3 * 7, band: 'moderate' });
  });

  it('scores item 6 as 1 when item 5 is "none of the time"', () => {
    expect(score('k10', [2, 2, 2, 2, 1, null, 2, 2, 2, 2])).toMatchObject({
      total: 18,
      band: 'low',
      bandAbs: 'moderate',
    });
  });

  it('does not skip when the trigger was answered otherwise, or not at all', () => {
    expect(score('k10', [2, 2, null, 2, 2, 2, 2, 2, 2, 2]).band).toBe('incomplete');
    expect(score('k10', [2, null, null, 2, 2, 2, 2, 2, 2, 2]).band).toBe('incomplete');
  });
});

describe('invalid answers are refused, naming the item', () => {
  it.each([
    ['phq9', [0, 0, 0], [{ item: null, code: 'wrong_length', params: { expected: 9, received: 3 } }]],
    ['phq9', 'semua nol', [{ item: null, code: 'not_a_list', params: { expected: 9 } }]],
    ['phq9', [0, 0, 4, 0, 0, 0, 0, 0, 0], [{ item: 3, code: 'not_an_option', params: { allowed: [0, 1, 2, 3] } }]],
    ['phq9', [0, 0, 0, 0, -1, 0, 0, 0, 0], [{ item: 5, code: 'not_an_option', params: { allowed: [0, 1, 2, 3] } }]],
    ['phq9', [0, 0, 0, 0, 0, 1.5, 0, 0, 0], [{ item: 6, code: 'not_an_option', params: { allowed: [0, 1, 2, 3] } }]],
    ['gad7', [0, '1', 0, 0, 0, 0, 0], [{ item: 2, code: 'not_a_number', params: {} }]],
    ['who5', [6, 0, 0, 0, 0], [{ item: 1, code: 'not_an_option', params: { allowed: [5, 4, 3, 2, 1, 0] } }]],
    ['k10', [0, 1, 1, 1, 1, 1, 1, 1, 1, 1], [{ item: 1, code: 'not_an_option', params: { allowed: [1, 2, 3, 4, 5] } }]],
    ['k6', [5, 0, 0, 0, 0, 0], [{ item: 1, code: 'not_an_option', params: { allowed: [0, 1, 2, 3, 4] } }]],
    ['srq20', [...Array(19).fill(0), 2], [{ item: 20, code: 'not_an_option', params: { allowed: [1, 0] } }]],
    [
      'cbi',
      [...Array(18).fill(50), 60],
      [{ item: 19, code: 'not_an_option', params: { allowed: [100, 75, 50, 25, 0] } }],
    ],
  ] as const)('%s %j', (id, answers, problems) => {
    expect(scoreAnswers(id, answers)).toEqual({ ok: false, problems });
  });
});
