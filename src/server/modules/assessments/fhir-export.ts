import crypto from 'node:crypto';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type {
  Answer,
  InstrumentDefinition,
  InstrumentId,
  Item,
  ScoreResult,
} from '../../../domain/instruments/types.js';
import type { Locale } from '../../../i18n/locales.js';
import { bandLabelOf } from '../instruments/index.js';
import type { ResultRow } from './assessments.repository.js';

/**
 * FHIR R4 export of a person's own results (UU PDP Art. 13 portability): one
 * Questionnaire per instrument version used, and per result a QuestionnaireResponse and an
 * Observation derived from it, with LOINC codes where docs/instruments.md gives them. The person appears
 * only as a display name: no NIP, email or other identifier leaves in the file.
 */

type Resource = Record<string, unknown> & { resourceType: string };
export interface FhirBundle {
  [key: string]: unknown;
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: Array<{ [key: string]: unknown; fullUrl: string; resource: Resource }>;
}

export interface ExportedResult {
  row: ResultRow;
  result: ScoreResult;
  answers: Answer[];
}

const CANONICAL_BASE = 'https://teduh.id/fhir/Questionnaire';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const SURVEY = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
};
const DATA_ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

/**
 * LOINC's own wording (its Long Common Name, as published at loinc.org for each code) for the codes
 * docs/instruments.md lists, so that a receiving system's validator finds the display it expects.
 * A Coding carries LOINC's words; the person's own language travels beside it as a FHIR
 * translation extension and in `text`. A code missing here gets no display rather than ours.
 */
export const LOINC_DISPLAY: Readonly<Record<string, string>> = {
  // Panels
  '44249-1': 'PHQ-9 quick depression assessment panel [Reported.PHQ]',
  '55757-9': 'Patient Health Questionnaire 2 item (PHQ-2) [Reported]',
  '69737-5': 'Generalized anxiety disorder 7 item (GAD-7)',
  // Totals
  '44261-6': 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
  '55758-7': 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]',
  '70274-6': 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  // Answers (LOINC answer list LL358-3, and GAD-7 item 2's LA18938-3)
  'LA6568-5': 'Not at all',
  'LA6569-3': 'Several days',
  'LA6570-1': 'More than half the days',
  'LA6571-9': 'Nearly every day',
  'LA18938-3': 'More days than not',
};

/** A LOINC Coding: LOINC's display, and the person's wording as a translation when it differs. */
function loincCoding(code: string, label: string | undefined, locale: Locale): Record<string, unknown> {
  const display = LOINC_DISPLAY[code];
  return {
    system: LOINC,
    code,
    ...(display ? { display } : {}),
    ...(label && label !== display
      ? {
          _display: {
            extension: [
              {
                url: TRANSLATION,
                extension: [
                  { url: 'lang', valueCode: locale },
                  { url: 'content', valueString: label },
                ],
              },
            ],
          },
        }
      : {}),
  };
}

/** docs/instruments.md R0.5: every result says it is a screening indication, not a diagnosis. */
const NOT_A_DIAGNOSIS: Record<Locale, string> = {
  id: 'Hasil skrining, bukan diagnosis. Skor dihitung menurut aturan instrumen yang dikutip pada kuesionernya.',
  en: 'A screening result, not a diagnosis. Scored by the rules of the instrument cited in its questionnaire.',
};
const TOTAL_SCORE: Record<Locale, string> = { id: 'skor total', en: 'total score' };
const SUBSCALE_NAMES: Record<Locale, Record<string, string>> = {
  id: {
    personal: 'Kelelahan pribadi',
    work: 'Kelelahan karena pekerjaan',
    client: 'Kelelahan karena melayani masyarakat',
  },
  en: { personal: 'Personal burnout', work: 'Work-related burnout', client: 'Client-related burnout' },
};

const urn = () => `urn:uuid:${crypto.randomUUID()}`;

/** The canonical URL of an instrument version, e.g. https://teduh.id/fhir/Questionnaire/phq9|1. */
export function questionnaireCanonical(id: InstrumentId, version: string): string {
  return `${CANONICAL_BASE}/${id}|${version}`;
}

/** Items whose every option has a LOINC answer are coded choices; the others are plain integers. */
function isCoded(item: Item): boolean {
  return item.options.every((o) => o.loinc);
}

function coding(item: Item, value: number, locale: Locale) {
  const option = item.options.find((o) => o.value === value);
  return loincCoding(option?.loinc ?? '', option?.label[locale], locale);
}

function questionnaire(d: InstrumentDefinition, version: string, locale: Locale): Resource {
  return {
    resourceType: 'Questionnaire',
    language: locale,
    url: `${CANONICAL_BASE}/${d.id}`,
    version,
    name: d.abbreviation.replace(/[^A-Za-z0-9]/g, ''),
    title: d.name[locale],
    status: 'active',
    description: `${d.measures[locale]} ${d.scoringNote[locale]}`,
    copyright: d.licence,
    ...(d.loinc ? { code: [loincCoding(d.loinc.panel, undefined, locale)] } : {}),
    item: d.items.map((item) => ({
      linkId: String(item.number),
      ...(item.loinc ? { code: [{ system: LOINC, code: item.loinc }] } : {}),
      text: item.text[locale],
      type: isCoded(item) ? 'choice' : 'integer',
      // Forced response (docs/instruments.md R0.2), except the CBI client scale and the K10 skip-outs.
      required: !item.optionalBlock && !item.skip,
      answerOption: item.options.map((o) =>
        isCoded(item)
          ? {
              valueCoding: {
                extension: [{ url: ORDINAL_VALUE, valueDecimal: o.value }],
                ...coding(item, o.value, locale),
              },
            }
          : { valueInteger: o.value },
      ),
    })),
  };
}

function questionnaireResponse(
  d: InstrumentDefinition,
  e: ExportedResult,
  subject: { display: string },
  locale: Locale,
): Resource {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaireCanonical(d.id, e.row.instrument_version),
    status: 'completed',
    subject,
    authored: e.row.created_at,
    // Unanswered items (K10 skip-outs, a CBI client scale not asked) are left out.
    item: d.items.flatMap((item, i) => {
      const value = e.answers[i] ?? null;
      if (value === null) return [];
      return [
        {
          linkId: String(item.number),
          text: item.text[locale],
          answer: [isCoded(item) ? { valueCoding: coding(item, value, locale) } : { valueInteger: value }],
        },
      ];
    }),
  };
}

function observation(
  d: InstrumentDefinition,
  e: ExportedResult,
  subject: { display: string },
  responseUrl: string,
  locale: Locale,
): Resource {
  const { result } = e;
  const title = `${d.abbreviation} ${TOTAL_SCORE[locale]}`;
  const band = bandLabelOf(d, result.band, locale);
  const value: Record<string, unknown> = {};
  if (d.scoring === 'cbi') {
    value.component = Object.entries(result.subscales ?? {}).map(([name, s]) => ({
      code: { text: SUBSCALE_NAMES[locale][name] ?? name },
      ...(s
        ? {
            valueQuantity: { value: s.score, unit: 'score', system: UCUM, code: '{score}' },
            interpretation: [{ text: d.bands.find((b) => b.code === s.band)?.label[locale] ?? s.band }],
          }
        : { dataAbsentReason: { coding: [{ system: DATA_ABSENT, code: 'not-asked' }] } }),
    }));
  } else if (result.total === null) {
    value.dataAbsentReason = { coding: [{ system: DATA_ABSENT, code: 'unknown' }], text: 'incomplete' };
  } else {
    value.valueInteger = result.total;
    if (result.percent !== undefined && result.percent !== null) {
      value.component = [
        {
          code: { text: `${d.abbreviation} %` },
          valueQuantity: { value: result.percent, unit: '%', system: UCUM, code: '%' },
        },
      ];
    }
  }
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [SURVEY],
    code: d.loinc?.total
      ? { coding: [loincCoding(d.loinc.total, undefined, locale)], text: title }
      : { text: d.scoring === 'cbi' ? d.abbreviation : title },
    subject,
    effectiveDateTime: e.row.created_at,
    issued: e.row.created_at,
    ...value,
    ...(band ? { interpretation: [{ text: band }] } : {}),
    note: [{ text: NOT_A_DIAGNOSIS[locale] }],
    derivedFrom: [{ reference: responseUrl }],
  };
}

/** Builds the Bundle (type collection); every fullUrl is a urn:uuid, references point at them. */
export function buildFhirBundle(input: {
  displayName: string;
  locale: Locale;
  now: string;
  results: ExportedResult[];
}): FhirBundle {
  const { locale } = input;
  const subject = { display: input.displayName };
  const entry: FhirBundle['entry'] = [];
  const questionnaires = new Set<string>();
  for (const e of input.results) {
    const d = INSTRUMENTS[e.row.instrument_id as InstrumentId];
    const canonical = questionnaireCanonical(d.id, e.row.instrument_version);
    if (!questionnaires.has(canonical)) {
      questionnaires.add(canonical);
      entry.push({ fullUrl: urn(), resource: questionnaire(d, e.row.instrument_version, locale) });
    }
  }
  for (const e of input.results) {
    const d = INSTRUMENTS[e.row.instrument_id as InstrumentId];
    const responseUrl = urn();
    entry.push({ fullUrl: responseUrl, resource: questionnaireResponse(d, e, subject, locale) });
    entry.push({ fullUrl: urn(), resource: observation(d, e, subject, responseUrl, locale) });
  }
  return { resourceType: 'Bundle', type: 'collection', timestamp: input.now, entry };
}
