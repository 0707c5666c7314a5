import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '../../src/domain/instruments/spec-examples.json' with { type: 'json' };
import { INSTRUMENTS } from '../../src/domain/instruments/catalog.js';
import { scoreAnswers } from '../../src/domain/instruments/scoring.js';
import { INSTRUMENT_IDS, type InstrumentId } from '../../src/domain/instruments/types.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/** Floats compare at 1e-4 (docs/instruments.md R0.3); every other value exactly. */
function expectSpecResult(actual: Record<string, unknown>, expected: Record<string, unknown>, label: string): void {
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'subscales' && value) {
      for (const [name, sub] of Object.entries(
        value as Record<string, { score: number; band: string; band4: string } | null>,
      )) {
        const got = (actual.subscales as Record<string, { score: number; band: string; band4: string } | null>)[name];
        if (sub === null) expect(got, `${label} ${name}`).toBeNull();
        else {
          expect(got?.score, `${label} ${name}`).toBeCloseTo(sub.score, 4);
          expect({ band: got?.band, band4: got?.band4 }, `${label} ${name}`).toEqual({
            band: sub.band,
            band4: sub.band4,
          });
        }
      }
    } else expect(actual[key], `${label} ${key}`).toEqual(value);
  }
}

let ipCounter = 0;
/** Each call from its own address, so the score route's per-address limit stays out of the way. */
function score(agent: Agent, id: string, answers: unknown, headers?: Record<string, string>) {
  ipCounter++;
  agent.ip = `198.51.100.${ipCounter % 250}`;
  return agent.post(`/api/v1/instruments/${id}/score`, { answers }, headers);
}

describe.skipIf(postgresSkipReason())('instruments and scoring over HTTP (docs/instruments.md §15)', () => {
  let t: TestApp;
  let anonymous: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    anonymous = t.anonymous();
  });
  afterAll(async () => t.close());

  it('lists every instrument with its metadata, in the language asked for', async () => {
    const id = await anonymous.get('/api/v1/instruments');
    expect(id.statusCode).toBe(200);
    const items = id.json().items as Array<Record<string, unknown>>;
    expect(items.map((i) => i.id)).toEqual([...INSTRUMENT_IDS]);
    expect(items.find((i) => i.id === 'phq9')).toMatchObject({
      abbreviation: 'PHQ-9',
      name: 'Kuesioner Kesehatan Pasien-9 (PHQ-9)',
      itemCount: 9,
      hasCrisisItems: true,
      loinc: { panel: '44249-1', total: '44261-6' },
      translation: { kind: 'published' },
    });
    expect(items.find((i) => i.id === 'cbi')).toMatchObject({
      hasCrisisItems: false,
      loinc: null,
      translation: { kind: 'careful_translation' },
    });
    const en = await anonymous.get('/api/v1/instruments?lang=en');
    expect(en.json().items[0].name).toBe('Patient Health Questionnaire-9 (PHQ-9)');
    const browser = await anonymous.get('/api/v1/instruments', { 'accept-language': 'en-US,en;q=0.9' });
    expect(browser.json().items[0].recall).toBe('the last 2 weeks');
  });

  it('gives one definition with items, options, LOINC codes, skip-outs and optional blocks', async () => {
    const phq9 = (await anonymous.get('/api/v1/instruments/phq9?lang=en')).json();
    expect(phq9.items).toHaveLength(9);
    expect(phq9.items[8]).toMatchObject({ number: 9, required: true, crisis: true, loinc: '44260-8' });
    expect(phq9.items[0].options[1]).toEqual({ value: 1, label: 'Several days', loinc: 'LA6569-3' });
    expect(phq9.bands.map((b: { code: string }) => b.code)).toEqual([
      'minimal',
      'mild',
      'moderate',
      'moderately_severe',
      'severe',
    ]);
    const k10 = (await anonymous.get('/api/v1/instruments/k10')).json();
    expect(k10.items[2].skip).toEqual({ whenItem: 2, equals: 1 });
    const cbi = (await anonymous.get('/api/v1/instruments/cbi')).json();
    expect(cbi.items[12]).toMatchObject({ reverse: true, subscale: 'work' });
    expect(cbi.items[13].optionalBlock).toBe('client');
    expect((await anonymous.get('/api/v1/instruments/bat')).statusCode).toBe(400);
  });

  it('reproduces every worked example of examples.json, with exactly the keys of §15', async () => {
    for (const [i, example] of examples.examples.entries()) {
      const res = await score(anonymous, example.instrument, example.answers);
      expect(res.statusCode, `example ${i}`).toBe(200);
      const body = res.json() as Record<string, unknown>;
      expect(body.instrumentId).toBe(example.instrument);
      expect(Object.keys(body).sort(), `example ${i} keys`).toEqual(
        ['instrumentId', ...Object.keys(example.expected)].sort(),
      );
      expectSpecResult(body, example.expected as Record<string, unknown>, `example ${i} (${example.note})`);
    }
  });

  it('answers exactly what the domain scorer says, in its key order, for any valid input', async () => {
    const valid = fc
      .constantFrom(...INSTRUMENT_IDS)
      .chain((id: InstrumentId) =>
        fc.tuple(
          fc.constant(id),
          fc.tuple(
            ...INSTRUMENTS[id].items.map((item) =>
              fc.oneof(
                { weight: 9, arbitrary: fc.constantFrom(...item.options.map((o) => o.value)) },
                { weight: item.required ? 0 : 1, arbitrary: fc.constant(null) },
              ),
            ),
          ),
        ),
      );
    await fc.assert(
      fc.asyncProperty(valid, async ([id, answers]) => {
        const outcome = scoreAnswers(id, answers);
        if (!outcome.ok) throw new Error('generated an invalid form');
        const res = await score(anonymous, id, answers);
        expect(res.statusCode).toBe(200);
        // Same values, same keys in the same order: the body is the domain result, untouched.
        expect(res.body).toBe(JSON.stringify(outcome.result));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a wrong length, naming the expected and received counts', async () => {
    const res = await score(anonymous, 'phq9', [0, 0, 0]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'answers_invalid',
      details: [
        { path: 'answers', code: 'answers.wrong_length', message: 'Kuesioner ini memiliki 9 butir; yang dikirim 3.' },
      ],
    });
  });

  it('refuses a value that is not an option, naming the item and the allowed values', async () => {
    const res = await score(anonymous, 'phq9', [0, 0, 4, 0, 0, 0, 0, 0, 0], { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      {
        path: 'answers.2',
        code: 'answers.not_an_option',
        message: 'The answer to item 3 is not one of the options (0, 1, 2, 3).',
      },
    ]);
    const text = await score(anonymous, 'gad7', [0, 'sering', 0, 0, 0, 0, 0]);
    expect(text.json().error.details).toEqual([
      {
        path: 'answers.1',
        code: 'answers.not_a_number',
        message: 'Jawaban butir 2 harus berupa angka pilihan jawaban.',
      },
    ]);
    // A reverse-scored item takes the value as printed, never a pre-reversed one outside the scale.
    const cbi = await score(anonymous, 'cbi', [...Array(12).fill(0), 110, ...Array(6).fill(0)]);
    expect(cbi.json().error.details[0]).toMatchObject({ path: 'answers.12', code: 'answers.not_an_option' });
  });

  it('never guesses a missing PHQ-9 item 9, but scores other gaps as incomplete with the crisis rule applied', async () => {
    const missing9 = await score(anonymous, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, null]);
    expect(missing9.statusCode).toBe(422);
    expect(missing9.json().error.details).toEqual([
      { path: 'answers.8', code: 'answers.required', message: 'Butir 9 wajib dijawab.' },
    ]);
    const gap = await score(anonymous, 'phq9', [null, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(gap.statusCode).toBe(200);
    expect(gap.json()).toEqual({ instrumentId: 'phq9', total: null, band: 'incomplete', crisis: true });
    const k10SkipOut = await score(anonymous, 'k10', [1, 1, null, 1, 1, null, 1, 1, 1, 1]);
    expect(k10SkipOut.json()).toMatchObject({ total: 10, band: 'low', bandAbs: 'low' });
  });

  it('stores nothing, not even for idempotent replay', async () => {
    const db = t.services.db.db;
    const count = async (
      table: 'assessment_results' | 'assessment_drafts' | 'idempotency_keys' | 'jobs' | 'audit_log',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await Promise.all([
      count('assessment_results'),
      count('assessment_drafts'),
      count('idempotency_keys'),
      count('jobs'),
      count('audit_log'),
    ]);
    const res = await score(anonymous, 'phq9', [3, 3, 3, 3, 3, 3, 3, 3, 3], { 'idempotency-key': 'preview-0001' });
    expect(res.json()).toMatchObject({ total: 27, band: 'severe', crisis: true });
    const after = await Promise.all([
      count('assessment_results'),
      count('assessment_drafts'),
      count('idempotency_keys'),
      count('jobs'),
      count('audit_log'),
    ]);
    expect(after).toEqual(before);
  });

  it('limits scoring to 60 requests a minute per address, answering 429 with Retry-After', async () => {
    const client = t.anonymous();
    client.ip = '192.0.2.77';
    const answers = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60; i++)
      expect((await client.post('/api/v1/instruments/gad7/score', { answers })).statusCode).toBe(200);
    const limited = await client.post('/api/v1/instruments/gad7/score', { answers });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('detik') });
    // Another address is not affected, and the window passes.
    const other = t.anonymous();
    other.ip = '192.0.2.78';
    expect((await other.post('/api/v1/instruments/gad7/score', { answers })).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await client.post('/api/v1/instruments/gad7/score', { answers })).statusCode).toBe(200);
    // Reading definitions is not limited.
    for (let i = 0; i < 3; i++) expect((await client.get('/api/v1/instruments/gad7')).statusCode).toBe(200);
  });
});
