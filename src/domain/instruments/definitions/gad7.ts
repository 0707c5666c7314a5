import { GAD_ITEM2_FREQUENCY, PHQ_FREQUENCY } from '../options.js';
import type { InstrumentDefinition, Item } from '../types.js';
import { PFIZER_LICENCE, PHQ_INSTRUCTIONS } from './phq9.js';

/** The seven GAD-7 items, shared with the GAD-2 (items 1–2). LOINC item codes from docs/instruments.md §2. */
export const GAD7_ITEMS: readonly Item[] = [
  {
    number: 1,
    loinc: '69725-0',
    text: { id: 'Merasa gelisah, cemas atau amat tegang', en: 'Feeling nervous, anxious, or on edge' },
  },
  {
    number: 2,
    loinc: '68509-9',
    text: {
      id: 'Tidak mampu menghentikan atau mengendalikan rasa khawatir',
      en: 'Not being able to stop or control worrying',
    },
  },
  {
    number: 3,
    loinc: '69733-4',
    text: { id: 'Terlalu mengkhawatirkan berbagai hal', en: 'Worrying too much about different things' },
  },
  { number: 4, loinc: '69734-2', text: { id: 'Sulit untuk santai', en: 'Trouble relaxing' } },
  {
    number: 5,
    loinc: '69735-9',
    text: { id: 'Sangat gelisah sehingga sulit untuk duduk diam', en: "Being so restless that it's hard to sit still" },
  },
  {
    number: 6,
    loinc: '69689-8',
    text: { id: 'Menjadi mudah jengkel atau lekas marah', en: 'Becoming easily annoyed or irritable' },
  },
  {
    number: 7,
    loinc: '69736-7',
    text: {
      id: 'Merasa takut seolah-olah sesuatu yang mengerikan mungkin terjadi',
      en: 'Feeling afraid as if something awful might happen',
    },
  },
].map((item) => ({ ...item, options: item.number === 2 ? GAD_ITEM2_FREQUENCY : PHQ_FREQUENCY }));

export const GAD_TRANSLATION = {
  kind: 'published' as const,
  source:
    'Terjemahan bahasa Indonesia GAD-7 yang diadaptasi dengan langkah WHO oleh Budikayanti dkk. 2019 (Behav Neurol, doi 10.1155/2019/5902610). Cocokkan kata demi kata dengan berkas resmi Pfizer sebelum dipakai secara luas (docs/instruments.md §14.4).',
};

/**
 * GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166:1092–7). Sum 0–21; bands at
 * 5/10/15 (docs/instruments.md §2). No self-harm item.
 */
export const gad7: InstrumentDefinition = {
  id: 'gad7',
  version: '1',
  name: { id: 'Gangguan Kecemasan Umum-7 (GAD-7)', en: 'Generalized Anxiety Disorder-7 (GAD-7)' },
  abbreviation: 'GAD-7',
  measures: {
    id: 'Gejala kecemasan selama dua minggu terakhir: rasa khawatir, tegang, dan gelisah.',
    en: 'Symptoms of anxiety over the last two weeks: worry, tension and restlessness.',
  },
  instructions: PHQ_INSTRUCTIONS,
  recall: { id: '2 minggu terakhir', en: 'the last 2 weeks' },
  minutes: 2,
  items: GAD7_ITEMS,
  scoring: 'sum',
  totalRange: { min: 0, max: 21 },
  bands: [
    { code: 'minimal', min: 0, max: 4, label: { id: 'minimal', en: 'minimal' } },
    { code: 'mild', min: 5, max: 9, label: { id: 'ringan', en: 'mild' } },
    { code: 'moderate', min: 10, max: 14, label: { id: 'sedang', en: 'moderate' } },
    { code: 'severe', min: 15, max: 21, label: { id: 'berat', en: 'severe' } },
  ],
  scoringNote: {
    id: 'Jumlah nilai tujuh butir (0–21). Skor 10 ke atas sebaiknya diperiksa lebih lanjut oleh tenaga kesehatan.',
    en: 'Sum of the seven items (0–21). A score of 10 or more is worth a closer look by a health professional.',
  },
  translation: GAD_TRANSLATION,
  source:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–7.',
  licence: PFIZER_LICENCE,
  loinc: { panel: '69737-5', total: '70274-6' },
};
