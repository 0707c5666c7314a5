import { K6_FREQUENCY } from '../options.js';
import type { InstrumentDefinition } from '../types.js';
import { K10_FEELINGS, KESSLER_INSTRUCTIONS, KESSLER_TRANSLATION } from './k10.js';

/** K6 items are K10 items 2, 4, 5, 8, 9 and 10 (docs/instruments.md §5 ⚠️: Kessler 2002 design). */
const K6_FROM_K10 = [2, 4, 5, 8, 9, 10];

/**
 * Kessler K6 (Kessler et al. 2003, Arch Gen Psychiatry 60:184), US/NHIS coding 0–4, total 0–24:
 * 0–7 low, 8–12 moderate, ≥ 13 serious psychological distress. No skip-outs, no crisis item.
 */
export const k6: InstrumentDefinition = {
  id: 'k6',
  version: '1',
  name: { id: 'Skala Distres Psikologis Kessler (K6)', en: 'Kessler Psychological Distress Scale (K6)' },
  abbreviation: 'K6',
  measures: {
    id: 'Versi singkat K10: tekanan psikologis dalam empat minggu terakhir, dengan enam pertanyaan.',
    en: 'The short form of the K10: psychological distress over the last four weeks, in six questions.',
  },
  instructions: KESSLER_INSTRUCTIONS,
  recall: { id: '4 minggu terakhir', en: 'the past 4 weeks' },
  minutes: 2,
  items: K6_FROM_K10.map((k10Number, i) => ({
    number: i + 1,
    text: K10_FEELINGS[k10Number - 1] as { id: string; en: string },
    options: K6_FREQUENCY,
  })),
  scoring: 'sum',
  totalRange: { min: 0, max: 24 },
  bands: [
    { code: 'low', min: 0, max: 7, label: { id: 'rendah', en: 'low' } },
    { code: 'moderate', min: 8, max: 12, label: { id: 'sedang', en: 'moderate' } },
    { code: 'serious', min: 13, max: 24, label: { id: 'distres berat', en: 'serious distress' } },
  ],
  scoringNote: {
    id: 'Jumlah nilai enam butir (0–24). Skor 13 ke atas menunjukkan tekanan psikologis berat.',
    en: 'Sum of the six items (0–24). A score of 13 or more indicates serious psychological distress.',
  },
  translation: KESSLER_TRANSLATION,
  source:
    'Kessler RC et al. Screening for serious mental illness in the general population. Arch Gen Psychiatry 2003;60:184–9.',
  licence: 'Domain publik; sebutkan Kessler dkk. / Public domain; cite Kessler et al.',
};
