import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LikertQuestion, ScaleQuestion, ScoredQuestion } from './definition.js';
import { isFavourable, rescaleMean, reversePoint, scoredValue, summariseScored, themeIndex } from './scoring.js';
import { rating, t } from './templates/items.js';

const label = (i: number) => t(`Titik ${i}`, `Point ${i}`);

const likertQuestion: fc.Arbitrary<LikertQuestion> = fc
  .record({ points: fc.constantFrom(5 as const, 7 as const), reverse: fc.boolean() })
  .map(({ points, reverse }) => ({
    id: 'q',
    kind: 'likert',
    text: t('Pernyataan', 'Statement'),
    required: true,
    points,
    labels: Array.from({ length: points }, (_, i) => label(i + 1)),
    themeId: 'theme',
    ...(reverse ? { reverse: true as const } : {}),
  }));
const scaleQuestion: ScaleQuestion = rating(
  'q',
  'theme',
  t('Nilai', 'Rating'),
  t('Rendah', 'Low'),
  t('Tinggi', 'High'),
);
const scoredQuestion: fc.Arbitrary<ScoredQuestion> = fc.oneof(likertQuestion, fc.constant(scaleQuestion));

const range = (q: ScoredQuestion): [number, number] => (q.kind === 'likert' ? [1, q.points] : [0, 10]);
const answer = (q: ScoredQuestion) => fc.integer({ min: range(q)[0], max: range(q)[1] });
const answers = (q: ScoredQuestion, length?: number) =>
  fc.array(
    fc.option(answer(q), { nil: null }),
    length === undefined ? { maxLength: 60 } : { minLength: length, maxLength: length },
  );
const questionWithAnswers = scoredQuestion.chain((q) => fc.tuple(fc.constant(q), answers(q)));

describe('scoring properties', () => {
  it('n is the number of non-null answers, and the distribution adds up to it', () => {
    fc.assert(
      fc.property(questionWithAnswers, ([q, values]) => {
        const s = summariseScored(q, values);
        expect(s.n).toBe(values.filter((v) => v !== null).length);
        expect(s.distribution.reduce((sum, d) => sum + d.count, 0)).toBe(s.n);
      }),
    );
  });

  it('the favourable share lies in [0, 1], and is null exactly when nobody answered', () => {
    fc.assert(
      fc.property(questionWithAnswers, ([q, values]) => {
        const { favourableShare, n } = summariseScored(q, values);
        if (n === 0) expect(favourableShare).toBeNull();
        else {
          expect(favourableShare).toBeGreaterThanOrEqual(0);
          expect(favourableShare).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('the mean stays on the question’s own scale', () => {
    fc.assert(
      fc.property(questionWithAnswers, ([q, values]) => {
        const { mean } = summariseScored(q, values);
        if (mean === null) return;
        const [min, max] = range(q);
        expect(mean).toBeGreaterThanOrEqual(min - 1e-9);
        expect(mean).toBeLessThanOrEqual(max + 1e-9);
      }),
    );
  });

  it('reversing twice is the identity', () => {
    fc.assert(
      fc.property(fc.constantFrom(5, 7), fc.integer({ min: 1, max: 7 }), (points, value) => {
        fc.pre(value <= points);
        expect(reversePoint(reversePoint(value, points), points)).toBe(value);
        const reversed = reversePoint(value, points);
        expect(reversed).toBeGreaterThanOrEqual(1);
        expect(reversed).toBeLessThanOrEqual(points);
      }),
    );
  });

  it('a reversed item mirrors its mean and swaps favourable for the opposite end', () => {
    fc.assert(
      fc.property(
        likertQuestion,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }),
        (q, raw) => {
          const values = raw.map((v) => Math.min(v, q.points));
          const plain = summariseScored({ ...q, reverse: undefined }, values);
          const reversed = summariseScored({ ...q, reverse: true }, values);
          expect(reversed.distribution).toEqual(plain.distribution);
          expect((reversed.mean as number) + (plain.mean as number)).toBeCloseTo(q.points + 1, 9);
          // Answers as mirrored points give the reversed item's share on the plain item.
          const mirrored = summariseScored(
            { ...q, reverse: undefined },
            values.map((v) => reversePoint(v, q.points)),
          );
          expect(reversed.favourableShare).toBe(mirrored.favourableShare);
        },
      ),
    );
  });

  it('the index of identical answers is that answer’s rescaled value, its share 1 or 0 as the answer is favourable', () => {
    fc.assert(
      fc.property(
        scoredQuestion.chain((q) => fc.tuple(fc.constant(q), answer(q))),
        fc.integer({ min: 1, max: 30 }),
        ([question, value], people) => {
          const index = themeIndex([{ question, answers: new Array<number>(people).fill(value) }]);
          expect(index.n).toBe(people);
          expect(index.score).toBeCloseTo(rescaleMean(question, scoredValue(question, value)), 9);
          expect(index.favourableShare).toBe(isFavourable(question, value) ? 1 : 0);
        },
      ),
    );
  });

  it('with everyone answering every item, the index is the plain average of its items', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }).chain((people) =>
          fc.array(
            scoredQuestion.chain((question) =>
              fc.array(answer(question), { minLength: people, maxLength: people }).map((values) => ({
                question,
                answers: values,
              })),
            ),
            { minLength: 1, maxLength: 5 },
          ),
        ),
        (items) => {
          const summaries = items.map(({ question, answers: values }) => summariseScored(question, values));
          const index = themeIndex(items);
          const scores = items.map(({ question }, i) => rescaleMean(question, summaries[i]?.mean as number));
          const shares = summaries.map((s) => s.favourableShare as number);
          expect(index.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 9);
          // Equal n per item, so pooling answers equals averaging the items' shares.
          expect(index.favourableShare).toBeCloseTo(shares.reduce((a, b) => a + b, 0) / shares.length, 9);
        },
      ),
    );
  });

  it('the theme score lies in 0–100, and its n never exceeds the respondents or the answers', () => {
    const theme = fc.integer({ min: 0, max: 25 }).chain((people) =>
      fc.array(
        scoredQuestion.chain((question) => answers(question, people).map((values) => ({ question, answers: values }))),
        { minLength: 1, maxLength: 4 },
      ),
    );
    fc.assert(
      fc.property(theme, (items) => {
        const index = themeIndex(items);
        expect(index.n).toBeLessThanOrEqual(items[0]?.answers.length ?? 0);
        expect(index.n).toBeLessThanOrEqual(index.answers);
        if (index.score === null) expect(index.answers).toBe(0);
        else {
          expect(index.score).toBeGreaterThanOrEqual(-1e-9);
          expect(index.score).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });
});
