import type { InstrumentDefinitionView, InstrumentSummary } from '../../../contracts/instruments.js';
import { INSTRUMENT_IDS, type InstrumentDefinition, type InstrumentId } from '../../../domain/instruments/types.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { Locale } from '../../../i18n/locales.js';

/** The metadata of one instrument in one language (docs/instruments.md §15, `GET /api/v1/instruments`). */
export function presentInstrumentSummary(d: InstrumentDefinition, locale: Locale): InstrumentSummary {
  return {
    id: d.id,
    version: d.version,
    abbreviation: d.abbreviation,
    name: d.name[locale],
    measures: d.measures[locale],
    recall: d.recall ? d.recall[locale] : null,
    minutes: d.minutes,
    itemCount: d.items.length,
    hasCrisisItems: d.items.some((i) => i.crisisAt !== undefined),
    bandsAreIndicative: d.bandsAreIndicative ?? false,
    translation: { kind: d.translation.kind, source: d.translation.source },
    source: d.source,
    licence: d.licence,
    loinc: d.loinc ? { panel: d.loinc.panel, ...(d.loinc.total ? { total: d.loinc.total } : {}) } : null,
  };
}

/** Everything a person needs to answer the form, in one language. */
export function presentInstrumentDefinition(d: InstrumentDefinition, locale: Locale): InstrumentDefinitionView {
  return {
    ...presentInstrumentSummary(d, locale),
    instructions: d.instructions[locale],
    scoringNote: d.scoringNote[locale],
    items: d.items.map((item) => ({
      number: item.number,
      text: item.text[locale],
      options: item.options.map((o) => ({
        value: o.value,
        label: o.label[locale],
        ...(o.loinc ? { loinc: o.loinc } : {}),
      })),
      reverse: item.reverse ?? false,
      subscale: item.subscale ?? null,
      required: item.required ?? false,
      crisis: item.crisisAt !== undefined,
      skip: item.skip ? { whenItem: item.skip.whenItem, equals: item.skip.equals } : null,
      optionalBlock: item.optionalBlock ?? null,
      loinc: item.loinc ?? null,
    })),
    bands: d.bands.map((b) => ({ code: b.code, min: b.min, max: b.max, label: b.label[locale] })),
    totalRange: d.totalRange ? { ...d.totalRange } : null,
  };
}

/** Every instrument, in the order of docs/instruments.md §15. */
export function presentInstrumentList(locale: Locale): InstrumentSummary[] {
  return INSTRUMENT_IDS.map((id: InstrumentId) => presentInstrumentSummary(INSTRUMENTS[id], locale));
}

/** The band in plain words (null when incomplete, and for the CBI, which has sub-scale bands only). */
export function bandLabelOf(d: InstrumentDefinition, band: string | null, locale: Locale): string | null {
  if (!band || band === 'incomplete' || d.scoring === 'cbi') return null;
  return d.bands.find((b) => b.code === band)?.label[locale] ?? null;
}
