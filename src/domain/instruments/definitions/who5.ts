import { WHO5_FREQUENCY } from '../options.js';
import type { InstrumentDefinition } from '../types.js';

/**
 * WHO-5 Well-Being Index (Psychiatric Centre North Zealand; Topp et al. 2015, Psychother Psychosom
 * 84:167–76). Raw sum 0–25, percentage = raw × 4; raw 0–7 likely depression, 8–12 poor well-being,
 * 13–25 adequate; any item at 0 or 1 recommends a PHQ-9 (docs/instruments.md §3). Higher is better.
 */
export const who5: InstrumentDefinition = {
  id: 'who5',
  version: '1',
  name: { id: 'Indeks Kesejahteraan WHO-5', en: 'WHO-5 Well-Being Index' },
  abbreviation: 'WHO-5',
  measures: {
    id: 'Kesejahteraan Anda selama dua minggu terakhir: keceriaan, ketenangan, tenaga, istirahat, dan minat. Semakin tinggi, semakin baik.',
    en: 'Your well-being over the last two weeks: cheerfulness, calm, energy, rest and interest. Higher is better.',
  },
  instructions: {
    id: 'Pilih jawaban yang paling mendekati perasaan Anda selama 2 minggu terakhir.',
    en: 'Choose the answer closest to how you have been feeling over the last 2 weeks.',
  },
  recall: { id: '2 minggu terakhir', en: 'the last 2 weeks' },
  minutes: 1,
  items: [
    { number: 1, text: { id: 'Saya merasa ceria dan bersemangat', en: 'I have felt cheerful and in good spirits' } },
    { number: 2, text: { id: 'Saya merasa tenang dan rileks', en: 'I have felt calm and relaxed' } },
    { number: 3, text: { id: 'Saya merasa aktif dan bergairah', en: 'I have felt active and vigorous' } },
    {
      number: 4,
      text: { id: 'Saya bangun dengan perasaan segar dan cukup istirahat', en: 'I woke up feeling fresh and rested' },
    },
    {
      number: 5,
      text: {
        id: 'Kehidupan sehari-hari saya dipenuhi hal-hal yang menarik bagi saya',
        en: 'My daily life has been filled with things that interest me',
      },
    },
  ].map((item) => ({ ...item, options: WHO5_FREQUENCY })),
  scoring: 'sum',
  totalRange: { min: 0, max: 25 },
  bands: [
    { code: 'likely_depression', min: 0, max: 7, label: { id: 'kemungkinan depresi', en: 'likely depression' } },
    { code: 'poor_wellbeing', min: 8, max: 12, label: { id: 'kesejahteraan rendah', en: 'poor well-being' } },
    { code: 'adequate', min: 13, max: 25, label: { id: 'memadai', en: 'adequate' } },
  ],
  scoringNote: {
    id: 'Jumlah nilai lima butir (0–25), dikali 4 menjadi persentase (0–100). Skor di bawah 13 (50%) berarti kesejahteraan rendah; jawaban 0 atau 1 pada butir mana pun juga layak ditindaklanjuti.',
    en: 'Sum of the five items (0–25), times 4 for a percentage (0–100). Below 13 (50%) means poor well-being; an answer of 0 or 1 on any item is also worth following up.',
  },
  translation: {
    kind: 'published',
    source:
      'Versi bahasa Indonesia yang divalidasi Latifa, Chang, Liem dkk. 2023 (JP3I 12(2), n = 1.084). Apakah berkas resmi bahasa Indonesia tersedia di situs WHO-5 belum dipastikan; cocokkan kata demi kata sebelum dipakai secara luas dan tandai setiap perubahan kata (docs/instruments.md §3).',
  },
  source:
    'Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom 2015;84:167–76. psykiatri-regionh.dk/who-5.',
  licence:
    'Bebas dipakai tanpa izin; tandai dengan jelas setiap perubahan kata. / Free to use without permission; mark any altered wording clearly.',
};
