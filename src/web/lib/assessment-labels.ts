import type { InstrumentId } from '../../domain/instruments/types.js';
import { i18n, type MessageKey, type TranslateFn } from '../i18n.js';

/** How the self-check page groups the instruments, by what they look at. */
export const INSTRUMENT_GROUPS: ReadonlyArray<{
  key: 'depression' | 'anxiety' | 'wellbeing' | 'distress' | 'stress' | 'burnout';
  ids: readonly InstrumentId[];
}> = [
  { key: 'depression', ids: ['phq2', 'phq9'] },
  { key: 'anxiety', ids: ['gad2', 'gad7'] },
  { key: 'wellbeing', ids: ['who5'] },
  { key: 'distress', ids: ['k6', 'k10', 'srq20'] },
  { key: 'stress', ids: ['pss10'] },
  { key: 'burnout', ids: ['cbi'] },
];

/** "Gejala depresi ringan": the band of a result in plain words, whatever the instrument. */
export function bandPhrase(t: TranslateFn, instrumentId: InstrumentId, band: string | null): string {
  if (band === null) return t('instrument_labels.cbi_title');
  if (band === 'incomplete') return t('instrument_labels.bands.incomplete');
  const key = `instrument_labels.bands.${instrumentId}.${band}`;
  return i18n.exists(key) ? t(key as MessageKey) : band;
}

export function absBandLabel(t: TranslateFn, band: string): string {
  const key = `instrument_labels.bands.k10_abs.${band}`;
  return i18n.exists(key) ? t(key as MessageKey) : band;
}

export function subscaleLabel(t: TranslateFn, name: string): string {
  const key = `assessments.cbi.subscales.${name}`;
  return i18n.exists(key) ? t(key as MessageKey) : name;
}

export function band4Label(t: TranslateFn, band4: string): string {
  const key = `assessments.cbi.band4.${band4}`;
  return i18n.exists(key) ? t(key as MessageKey) : band4;
}
