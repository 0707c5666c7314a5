import type { InstrumentDefinition } from '../types.js';
import { GAD7_ITEMS, GAD_TRANSLATION } from './gad7.js';
import { TWO_ITEM_SCREEN_BANDS } from './phq2.js';
import { PFIZER_LICENCE, PHQ_INSTRUCTIONS } from './phq9.js';

/**
 * GAD-2 (Kroenke et al. 2007, Ann Intern Med 146:317–25): GAD-7 items 1–2, sum 0–6, ≥ 3 positive
 * (docs/instruments.md §2 ⚠️). A positive result leads on to the full GAD-7. The LOINC code of the GAD-2 total
 * was not verified, so none is given.
 */
export const gad2: InstrumentDefinition = {
  id: 'gad2',
  version: '1',
  name: { id: 'Gangguan Kecemasan Umum-2 (GAD-2)', en: 'Generalized Anxiety Disorder-2 (GAD-2)' },
  abbreviation: 'GAD-2',
  measures: {
    id: 'Dua pertanyaan singkat tentang rasa cemas dan khawatir, untuk melihat apakah GAD-7 yang lengkap perlu diisi.',
    en: 'Two short questions on anxiety and worry, to see whether the full GAD-7 is worth taking.',
  },
  instructions: PHQ_INSTRUCTIONS,
  recall: { id: '2 minggu terakhir', en: 'the last 2 weeks' },
  minutes: 1,
  items: GAD7_ITEMS.slice(0, 2),
  scoring: 'sum',
  totalRange: { min: 0, max: 6 },
  bands: TWO_ITEM_SCREEN_BANDS,
  scoringNote: {
    id: 'Jumlah nilai dua butir (0–6). Skor 3 ke atas berarti sebaiknya mengisi GAD-7 lengkap.',
    en: 'Sum of the two items (0–6). A score of 3 or more means the full GAD-7 is worth taking.',
  },
  translation: GAD_TRANSLATION,
  source:
    'Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146:317–25.',
  licence: PFIZER_LICENCE,
};
