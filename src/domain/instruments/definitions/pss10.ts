import { PSS_FREQUENCY } from '../options.js';
import type { InstrumentDefinition, Text } from '../types.js';

const QUESTIONS: Array<[Text, { reverse?: true }]> = [
  [
    {
      id: 'merasa kesal karena sesuatu yang terjadi secara tak terduga?',
      en: 'been upset because of something that happened unexpectedly?',
    },
    {},
  ],
  [
    {
      id: 'merasa tidak mampu mengendalikan hal-hal penting dalam hidup Anda?',
      en: 'felt that you were unable to control the important things in your life?',
    },
    {},
  ],
  [{ id: 'merasa gugup dan tertekan ("stres")?', en: 'felt nervous and "stressed"?' }, {}],
  [
    {
      id: 'merasa yakin akan kemampuan Anda menangani masalah pribadi?',
      en: 'felt confident about your ability to handle your personal problems?',
    },
    { reverse: true },
  ],
  [
    { id: 'merasa segala sesuatu berjalan sesuai keinginan Anda?', en: 'felt that things were going your way?' },
    { reverse: true },
  ],
  [
    {
      id: 'merasa tidak sanggup menyelesaikan semua hal yang harus Anda kerjakan?',
      en: 'found that you could not cope with all the things that you had to do?',
    },
    {},
  ],
  [
    { id: 'mampu mengendalikan rasa jengkel dalam hidup Anda?', en: 'been able to control irritations in your life?' },
    { reverse: true },
  ],
  [{ id: 'merasa bahwa Anda menguasai keadaan?', en: 'felt that you were on top of things?' }, { reverse: true }],
  [
    {
      id: 'marah karena hal-hal yang berada di luar kendali Anda?',
      en: 'been angered because of things that were outside of your control?',
    },
    {},
  ],
  [
    {
      id: 'merasa kesulitan menumpuk begitu tinggi sehingga Anda tidak dapat mengatasinya?',
      en: 'felt difficulties were piling up so high that you could not overcome them?',
    },
    {},
  ],
];

/**
 * Perceived Stress Scale, 10 items (Cohen, Kamarck & Mermelstein 1983; Cohen's CMU scoring page).
 * Items 4, 5, 7 and 8 are positively worded and reversed (4 − value), so all "never" gives 16.
 * Total 0–40. Cohen publishes no cut-offs: 0–13 low, 14–26 moderate, 27–40 high are heuristic
 * ("indikasi") bands from secondary literature (docs/instruments.md §6 ⚠️). Sub-scales: helplessness (1, 2, 3,
 * 6, 9, 10) and self-efficacy (4, 5, 7, 8).
 */
export const pss10: InstrumentDefinition = {
  id: 'pss10',
  version: '1',
  name: { id: 'Skala Stres yang Dirasakan (PSS-10)', en: 'Perceived Stress Scale (PSS-10)' },
  abbreviation: 'PSS-10',
  measures: {
    id: 'Seberapa tidak terduga, tidak terkendali, dan berat hidup Anda terasa dalam sebulan terakhir.',
    en: 'How unpredictable, uncontrollable and overloaded your life has felt over the last month.',
  },
  instructions: { id: 'Dalam sebulan terakhir, seberapa sering Anda …', en: 'In the last month, how often have you …' },
  recall: { id: 'sebulan terakhir', en: 'the last month' },
  minutes: 3,
  items: QUESTIONS.map(([text, flags], i) => ({
    number: i + 1,
    text,
    options: PSS_FREQUENCY,
    subscale: flags.reverse ? 'self_efficacy' : 'helplessness',
    ...flags,
  })),
  scoring: 'sum',
  totalRange: { min: 0, max: 40 },
  bands: [
    { code: 'low', min: 0, max: 13, label: { id: 'indikasi stres rendah', en: 'low stress (indicative)' } },
    { code: 'moderate', min: 14, max: 26, label: { id: 'indikasi stres sedang', en: 'moderate stress (indicative)' } },
    { code: 'high', min: 27, max: 40, label: { id: 'indikasi stres tinggi', en: 'high stress (indicative)' } },
  ],
  bandsAreIndicative: true,
  scoringNote: {
    id: 'Jumlah nilai sepuluh butir (0–40); butir 4, 5, 7, dan 8 dihitung terbalik. Penyusunnya tidak menetapkan batas klinis: kelompok rendah/sedang/tinggi hanyalah indikasi untuk membandingkan dari waktu ke waktu.',
    en: 'Sum of the ten items (0–40); items 4, 5, 7 and 8 are reversed. Its author sets no clinical cut-offs: the low/moderate/high groups are only an indication, best used to compare over time.',
  },
  translation: {
    kind: 'careful_translation',
    source:
      'Terjemahan cermat tim Teduh. Versi Indonesia yang diuji psikometrinya (JP3I 13(2) 2024, doi 10.15408/jp3i.v13i2.35482) belum kami baca butir demi butir (docs/instruments.md §6).',
  },
  source:
    'Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav 1983;24:385–96. Cohen S, "PSS Scoring", Carnegie Mellon University.',
  licence:
    'Bebas untuk riset dan pendidikan; untuk layanan pemerintah mintalah konfirmasi tertulis dari laboratorium Cohen (CMU). / Free for research and education; ask the Cohen lab (CMU) for written confirmation for a government service.',
};
