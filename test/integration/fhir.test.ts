import { Fhir } from 'fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHQ9_CRISIS, PHQ9_MODERATELY_SEVERE, submitAssessment } from '../support/assessments.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

interface Entry {
  fullUrl: string;
  resource: Record<string, unknown> & { resourceType: string };
}
type Item = {
  linkId: string;
  text: string;
  type?: string;
  required?: boolean;
  code?: Array<{ code: string }>;
  answerOption?: Array<Record<string, unknown>>;
  answer?: Array<Record<string, unknown>>;
};

const LOINC = 'http://loinc.org';

/**
 * The `fhir` validator tests a required choice element with `!!value`, so a valid
 * `answerOption.valueInteger: 0` (WHO-5 "at no time", K6 "none of the time") reads to it as missing.
 * Only that exact case is forgiven: the element must really hold the integer 0.
 */
function isZeroChoiceFalsePositive(
  bundle: unknown,
  m: { location?: string; resourceId?: string; message?: string },
): boolean {
  if (m.message !== 'Missing property' || !m.location?.endsWith('.value[x]') || !m.resourceId) return false;
  const walk = (root: unknown, path: string) =>
    [...path.matchAll(/(\w+)(?:\[(\d+)\])?/g)].reduce<unknown>((node, [, key, index]) => {
      const next = (node as Record<string, unknown> | undefined)?.[key as string];
      return index === undefined ? next : (next as unknown[] | undefined)?.[Number(index)];
    }, root);
  const resource = walk({ Bundle: bundle }, m.resourceId);
  const element = walk(resource, m.location.replace(/^\w+\./, '').replace(/\.value\[x\]$/, '')) as
    Record<string, unknown> | undefined;
  return element?.valueInteger === 0;
}

describe.skipIf(postgresSkipReason())('FHIR R4 export of my results', () => {
  let t: TestApp;
  let me: SignedIn;
  let bundle: { resourceType: string; type: string; timestamp: string; entry: Entry[] };
  let contentType: string;
  const ofType = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type);

  beforeAll(async () => {
    t = await createTestApp();
    me = await loginAs(t, 'employee');
    const submissions: Array<[string, unknown[], Record<string, unknown>?]> = [
      ['phq9', PHQ9_MODERATELY_SEVERE],
      ['phq9', PHQ9_CRISIS],
      ['gad7', [0, 2, 1, 0, 3, 1, 0]],
      ['who5', [3, 2, 1, 4, 5]],
      ['k10', [2, 1, null, 3, 1, null, 2, 2, 2, 2]],
      ['cbi', [...Array(13).fill(75), ...Array(6).fill(null)], { servesPublic: false }],
      ['phq9', [null, 0, 0, 0, 0, 0, 0, 0, 0]],
    ];
    for (const [id, answers, extra] of submissions) {
      t.clock.advance(60_000);
      const res = await submitAssessment(me.agent, id, answers, extra);
      if (res.statusCode !== 201) throw new Error(res.body);
    }
    // Someone else's result never appears in my export.
    const other = await loginAs(t, 'employee', { agencyId: me.person.agencyId });
    await submitAssessment(other.agent, 'srq20', Array(20).fill(1));
    const res = await me.agent.get('/api/v1/me/assessments/fhir');
    expect(res.statusCode).toBe(200);
    contentType = String(res.headers['content-type']);
    bundle = res.json();
  });
  afterAll(async () => t.close());

  it('is a valid FHIR R4 collection Bundle served as application/fhir+json', () => {
    expect(contentType).toMatch(/^application\/fhir\+json/);
    const outcome = new Fhir().validate(bundle, { errorOnUnexpected: true });
    const errors = outcome.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal');
    expect(errors.filter((m) => !isZeroChoiceFalsePositive(bundle, m))).toEqual([]);
    // The validator does catch real faults: a Questionnaire without its required status.
    const broken = structuredClone(bundle);
    delete (broken.entry[0] as Entry).resource.status;
    expect(new Fhir().validate(broken).messages).toContainEqual(
      expect.objectContaining({ severity: 'error', location: 'Questionnaire.status' }),
    );
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: expect.any(String) });
    for (const e of bundle.entry) expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(new Set(bundle.entry.map((e) => e.fullUrl)).size).toBe(bundle.entry.length);
  });

  it('has one Questionnaire per instrument used, with canonical URL, items and LOINC answers', () => {
    const questionnaires = ofType('Questionnaire').map((e) => e.resource);
    expect(questionnaires.map((q) => `${q.url}|${q.version}`).sort()).toEqual(
      ['cbi', 'gad7', 'k10', 'phq9', 'who5'].map((id) => `https://teduh.id/fhir/Questionnaire/${id}|1`),
    );
    const phq9 = questionnaires.find((q) => q.url === 'https://teduh.id/fhir/Questionnaire/phq9') as unknown as Record<
      string,
      unknown
    > & { item: Item[] };
    expect(phq9).toMatchObject({ status: 'active', language: 'id', code: [{ system: LOINC, code: '44249-1' }] });
    expect(phq9.item).toHaveLength(9);
    expect(phq9.item[8]).toMatchObject({
      linkId: '9',
      type: 'choice',
      required: true,
      code: [{ system: LOINC, code: '44260-8' }],
      text: expect.stringContaining('lebih baik mati'),
    });
    expect(phq9.item[0]?.answerOption?.[2]).toMatchObject({
      // LOINC's wording in the Coding, the person's language beside it.
      valueCoding: {
        system: LOINC,
        code: 'LA6570-1',
        display: 'More than half the days',
        _display: {
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/translation',
              extension: [
                { url: 'lang', valueCode: 'id' },
                { url: 'content', valueString: 'Lebih dari separuh waktu yang dimaksud' },
              ],
            },
          ],
        },
      },
    });
    const who5 = questionnaires.find((q) => q.url === 'https://teduh.id/fhir/Questionnaire/who5') as unknown as {
      item: Item[];
    };
    expect(who5.item[0]).toMatchObject({ linkId: '1', type: 'integer' });
    expect(who5.item[0]?.answerOption?.map((o) => o.valueInteger)).toEqual([5, 4, 3, 2, 1, 0]);
    const k10 = questionnaires.find((q) => q.url === 'https://teduh.id/fhir/Questionnaire/k10') as unknown as {
      item: Item[];
    };
    expect(k10.item[2]?.required).toBe(false);
  });

  it('has a completed QuestionnaireResponse per result, pointing at its Questionnaire', () => {
    const responses = ofType('QuestionnaireResponse').map((e) => e.resource);
    expect(responses).toHaveLength(7);
    for (const r of responses) {
      expect(r).toMatchObject({
        status: 'completed',
        authored: expect.any(String),
        subject: { display: me.person.fullName },
      });
      expect(String(r.questionnaire)).toMatch(/^https:\/\/teduh\.id\/fhir\/Questionnaire\/[a-z0-9]+\|1$/);
    }
    const phq9 = responses.find((r) => String(r.questionnaire).includes('/phq9|')) as unknown as { item: Item[] };
    expect(phq9.item.map((i) => i.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(phq9.item[0]?.answer).toEqual([
      {
        valueCoding: {
          system: LOINC,
          code: 'LA6571-9',
          display: 'Nearly every day',
          _display: {
            extension: [
              {
                url: 'http://hl7.org/fhir/StructureDefinition/translation',
                extension: [
                  { url: 'lang', valueCode: 'id' },
                  { url: 'content', valueString: 'Hampir setiap hari' },
                ],
              },
            ],
          },
        },
      },
    ]);
    const k10 = responses.find((r) => String(r.questionnaire).includes('/k10|')) as unknown as { item: Item[] };
    // The skipped items were not asked, so they are not answered.
    expect(k10.item.map((i) => i.linkId)).toEqual(['1', '2', '4', '5', '7', '8', '9', '10']);
    expect(k10.item[0]?.answer).toEqual([{ valueInteger: 2 }]);
    const cbi = responses.find((r) => String(r.questionnaire).includes('/cbi|')) as unknown as { item: Item[] };
    expect(cbi.item).toHaveLength(13);
  });

  it('has a final survey Observation per result, coded with LOINC where docs/instruments.md gives a code, derived from its response', () => {
    const observations = ofType('Observation').map((e) => e.resource);
    expect(observations).toHaveLength(7);
    const urls = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource.resourceType]));
    for (const o of observations) {
      expect(o).toMatchObject({
        status: 'final',
        category: [{ coding: [{ code: 'survey' }] }],
        subject: { display: me.person.fullName },
        effectiveDateTime: expect.any(String),
      });
      const ref = (o.derivedFrom as Array<{ reference: string }>)[0]?.reference as string;
      expect(urls.get(ref)).toBe('QuestionnaireResponse');
    }
    const phq9 = observations.filter(
      (o) => (o.code as { coding?: Array<{ code: string }> }).coding?.[0]?.code === '44261-6',
    );
    expect(phq9.map((o) => o.valueInteger ?? 'incomplete').sort()).toEqual([17, 4, 'incomplete']);
    expect(phq9.find((o) => o.valueInteger === 17)?.interpretation).toEqual([{ text: 'cukup berat' }]);
    // LOINC's own wording in the Coding; our words in the text.
    expect(phq9[0]?.code).toEqual({
      coding: [
        {
          system: LOINC,
          code: '44261-6',
          display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
        },
      ],
      text: 'PHQ-9 skor total',
    });
    expect(
      observations.find((o) => (o.code as { coding?: Array<{ code: string }> }).coding?.[0]?.code === '70274-6')
        ?.valueInteger,
    ).toBe(7);
    const who5 = observations.find((o) => (o.code as { text: string }).text.startsWith('WHO-5')) as Record<
      string,
      unknown
    >;
    expect(who5).toMatchObject({ valueInteger: 15, code: { text: 'WHO-5 skor total' } });
    expect(who5.code).not.toHaveProperty('coding');
    const cbi = observations.find((o) => (o.code as { text: string }).text === 'CBI') as unknown as {
      component: Array<Record<string, unknown>>;
      valueInteger?: number;
    };
    expect(cbi.valueInteger).toBeUndefined();
    expect(cbi.component).toHaveLength(3);
    expect(cbi.component[0]).toMatchObject({
      code: { text: 'Kelelahan pribadi' },
      valueQuantity: { value: 75, system: 'http://unitsofmeasure.org', code: '{score}' },
      interpretation: [{ text: 'tinggi' }],
    });
    expect(cbi.component[2]).toMatchObject({ dataAbsentReason: { coding: [{ code: 'not-asked' }] } });
    const incomplete = observations.find((o) => o.dataAbsentReason) as Record<string, unknown>;
    expect(incomplete).toMatchObject({ dataAbsentReason: { text: 'incomplete' } });
    expect(incomplete).not.toHaveProperty('valueInteger');
  });

  it('names the person by display name only, and carries nobody else', () => {
    const json = JSON.stringify(bundle);
    expect(json).not.toContain(me.person.email);
    expect(json).not.toContain(me.person.id);
    if (me.person.nip) expect(json).not.toContain(me.person.nip);
    expect(json).not.toContain('/srq20|');
    expect(json).not.toMatch(/"identifier"/);
  });

  it('is empty for a person with no results, and refused to anyone signed out', async () => {
    const fresh = await loginAs(t, 'employee');
    const res = await fresh.agent.get('/api/v1/me/assessments/fhir');
    expect(res.json()).toMatchObject({ resourceType: 'Bundle', type: 'collection', entry: [] });
    expect(new Fhir().validate(res.json()).valid).toBe(true);
    expect((await t.anonymous().get('/api/v1/me/assessments/fhir')).statusCode).toBe(401);
  });
});
