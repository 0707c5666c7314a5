import type { InstrumentDefinition } from '../types.js';
import { PFIZER_LICENCE, PHQ9_ITEMS, PHQ_INSTRUCTIONS, PHQ_TRANSLATION } from './phq9.js';

/** PHQ-2 and GAD-2 alike: 0–6, positive from 3 (docs/instruments.md §1 and §2), which means "take the full form". */
export const TWO_ITEM_SCREEN_BANDS: InstrumentDefinition['bands'] = [
  { code: 'negative', min: 0, max: 2, label: { id: 'negatif', en: 'negative' } },
  { code: 'positive', min: 3, max: 6, label: { id: 'positif', en: 'positive' } },
];

/**
 * PHQ-2 (Kroenke, Spitzer & Williams 2003, Med Care 41:1284–92): PHQ-9 items 1–2, sum 0–6,
 * ≥ 3 positive (docs/instruments.md §1: use 3, not Arroll's 2). No self-harm item, so never a crisis; a positive
 * result leads on to the full PHQ-9.
 */
export const phq2: InstrumentDefinition = {
  id: 'phq2',
  version: '1',
  name: { id: 'Kuesioner Kesehatan Pasien-2 (PHQ-2)', en: 'Patient Health Questionnaire-2 (PHQ-2)' },
  abbreviation: 'PHQ-2',
  measures: {
    id: 'Dua pertanyaan singkat tentang minat dan suasana hati, untuk melihat apakah PHQ-9 yang lengkap perlu diisi.',
    en: 'Two short questions on interest and mood, to see whether the full PHQ-9 is worth taking.',
  },
  instructions: PHQ_INSTRUCTIONS,
  recall: { id: '2 minggu terakhir', en: 'the last 2 weeks' },
  minutes: 1,
  items: PHQ9_ITEMS.slice(0, 2).map(({ required: _required, crisisAt: _crisisAt, ...item }) => item),
  scoring: 'sum',
  totalRange: { min: 0, max: 6 },
  bands: TWO_ITEM_SCREEN_BANDS,
  scoringNote: {
    id: 'Jumlah nilai dua butir (0–6). Skor 3 ke atas berarti sebaiknya mengisi PHQ-9 lengkap.',
    en: 'Sum of the two items (0–6). A score of 3 or more means the full PHQ-9 is worth taking.',
  },
  translation: PHQ_TRANSLATION,
  source:
    'Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item depression screener. Med Care 2003;41:1284–92.',
  licence: PFIZER_LICENCE,
  loinc: { panel: '55757-9', total: '55758-7' },
};
