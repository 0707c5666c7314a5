import { K10_FREQUENCY } from '../options.js';
import type { InstrumentDefinition, Item, Text } from '../types.js';

/** The ten K10 feelings; the K6 uses items 2, 4, 5, 8, 9 and 10 (docs/instruments.md §5). */
export const K10_FEELINGS: ReadonlyArray<Text> = [
  { id: 'lelah tanpa alasan yang jelas?', en: 'tired out for no good reason?' },
  { id: 'gugup?', en: 'nervous?' },
  {
    id: 'sangat gugup sehingga tidak ada yang dapat menenangkan Anda?',
    en: 'so nervous that nothing could calm you down?',
  },
  { id: 'putus asa?', en: 'hopeless?' },
  { id: 'gelisah atau resah?', en: 'restless or fidgety?' },
  { id: 'sangat gelisah sehingga Anda tidak dapat duduk diam?', en: 'so restless that you could not sit still?' },
  { id: 'tertekan atau murung?', en: 'depressed?' },
  { id: 'bahwa segala sesuatu terasa berat untuk dilakukan?', en: 'that everything was an effort?' },
  { id: 'sangat sedih sehingga tidak ada yang dapat menghibur Anda?', en: 'so sad that nothing could cheer you up?' },
  { id: 'tidak berharga?', en: 'worthless?' },
];

export const KESSLER_INSTRUCTIONS: Text = {
  id: 'Dalam 4 minggu terakhir, seberapa sering Anda merasa …',
  en: 'In the past 4 weeks, about how often did you feel …',
};

export const KESSLER_TRANSLATION = {
  kind: 'careful_translation' as const,
  source:
    'Terjemahan cermat tim Teduh dari rumusan asli Kessler. Versi Indonesia yang divalidasi (Tran, Kaligis, Wiguna dkk. 2019, pada remaja) belum kami baca butir demi butir; validasi pada orang dewasa Indonesia belum ditemukan (docs/instruments.md §5).',
};

const K10_ITEMS: readonly Item[] = K10_FEELINGS.map((text, i) => ({
  number: i + 1,
  text,
  options: K10_FREQUENCY,
  // Skip-outs of the original K10: item 3 follows item 2, item 6 follows item 5; a skipped item scores 1.
  ...(i + 1 === 3 ? { skip: { whenItem: 2, equals: 1, scoreAs: 1 } } : {}),
  ...(i + 1 === 6 ? { skip: { whenItem: 5, equals: 1, scoreAs: 1 } } : {}),
}));

/**
 * Kessler Psychological Distress Scale K10 (Kessler et al. 2002, Psychol Med 32:959), Australian
 * coding 1–5, total 10–50. Individual bands (Andrews & Slade 2001): 10–19 low, 20–24 mild,
 * 25–29 moderate, 30–50 severe; population bands (ABS 4817.0.55.001) in `bandAbs`: 10–15 low,
 * 16–21 moderate, 22–29 high, 30–50 very high. No self-harm item: never a crisis.
 */
export const k10: InstrumentDefinition = {
  id: 'k10',
  version: '1',
  name: { id: 'Skala Distres Psikologis Kessler (K10)', en: 'Kessler Psychological Distress Scale (K10)' },
  abbreviation: 'K10',
  measures: {
    id: 'Tingkat tekanan psikologis (distres) dalam empat minggu terakhir: rasa cemas, gelisah, sedih, dan lelah.',
    en: 'Psychological distress over the last four weeks: anxiety, restlessness, sadness and fatigue.',
  },
  instructions: KESSLER_INSTRUCTIONS,
  recall: { id: '4 minggu terakhir', en: 'the past 4 weeks' },
  minutes: 3,
  items: K10_ITEMS,
  scoring: 'sum',
  totalRange: { min: 10, max: 50 },
  bands: [
    { code: 'low', min: 10, max: 19, label: { id: 'rendah', en: 'low' } },
    { code: 'mild', min: 20, max: 24, label: { id: 'ringan', en: 'mild' } },
    { code: 'moderate', min: 25, max: 29, label: { id: 'sedang', en: 'moderate' } },
    { code: 'severe', min: 30, max: 50, label: { id: 'berat', en: 'severe' } },
  ],
  scoringNote: {
    id: 'Jumlah nilai sepuluh butir (10–50). Jika Anda menjawab "Tidak pernah" pada butir 2 atau 5, butir berikutnya dilewati dan dihitung 1.',
    en: 'Sum of the ten items (10–50). If you answer "None of the time" to item 2 or 5, the next item is skipped and counts as 1.',
  },
  translation: KESSLER_TRANSLATION,
  source:
    'Kessler RC et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32:959–76. Andrews G, Slade T. Aust N Z J Public Health 2001;25:494–7. ABS 4817.0.55.001.',
  licence: 'Domain publik; sebutkan Kessler dkk. / Public domain; cite Kessler et al.',
};

/** Population (ABS) bands of the K10, reported beside the individual band. */
export const K10_ABS_BANDS = [
  { code: 'low', min: 10, max: 15 },
  { code: 'moderate', min: 16, max: 21 },
  { code: 'high', min: 22, max: 29 },
  { code: 'very_high', min: 30, max: 50 },
] as const;
