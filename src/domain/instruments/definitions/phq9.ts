import { PHQ_FREQUENCY } from '../options.js';
import type { InstrumentDefinition, Item } from '../types.js';

/** The nine PHQ-9 items, shared with the PHQ-2 (items 1–2). LOINC item codes from docs/instruments.md §1. */
export const PHQ9_ITEMS: readonly Item[] = [
  {
    number: 1,
    loinc: '44250-9',
    text: {
      id: 'Kurang berminat atau bergairah dalam melakukan apa pun',
      en: 'Little interest or pleasure in doing things',
    },
  },
  {
    number: 2,
    loinc: '44255-8',
    text: { id: 'Merasa murung, sedih, atau putus asa', en: 'Feeling down, depressed, or hopeless' },
  },
  {
    number: 3,
    loinc: '44259-0',
    text: {
      id: 'Sulit tidur/mudah terbangun, atau terlalu banyak tidur',
      en: 'Trouble falling or staying asleep, or sleeping too much',
    },
  },
  {
    number: 4,
    loinc: '44254-1',
    text: { id: 'Merasa lelah atau kurang bertenaga', en: 'Feeling tired or having little energy' },
  },
  {
    number: 5,
    loinc: '44251-7',
    text: { id: 'Kurang nafsu makan atau terlalu banyak makan', en: 'Poor appetite or overeating' },
  },
  {
    number: 6,
    loinc: '44258-2',
    text: {
      id: 'Kurang percaya diri — atau merasa bahwa Anda adalah orang yang gagal atau telah mengecewakan diri sendiri atau keluarga',
      en: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    },
  },
  {
    number: 7,
    loinc: '44252-5',
    text: {
      id: 'Sulit berkonsentrasi pada sesuatu, misalnya membaca koran atau menonton televisi',
      en: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    },
  },
  {
    number: 8,
    loinc: '44253-3',
    text: {
      id: 'Bergerak atau berbicara sangat lambat sehingga orang lain memperhatikannya. Atau sebaliknya — merasa resah atau gelisah sehingga Anda lebih sering bergerak dari biasanya',
      en: 'Moving or speaking so slowly that other people could have noticed. Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    },
  },
  {
    number: 9,
    loinc: '44260-8',
    required: true,
    crisisAt: 1,
    text: {
      id: 'Merasa lebih baik mati atau ingin melukai diri sendiri dengan cara apa pun',
      en: 'Thoughts that you would be better off dead, or of hurting yourself in some way',
    },
  },
].map((item) => ({ ...item, options: PHQ_FREQUENCY }));

export const PHQ_INSTRUCTIONS = {
  id: 'Dalam 2 minggu terakhir, seberapa sering Anda terganggu oleh masalah-masalah berikut?',
  en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
};

export const PFIZER_LICENCE =
  'Hak cipta Pfizer Inc. "No permission required to reproduce, translate, display or distribute." / Copyright Pfizer Inc.; no permission required to reproduce, translate, display or distribute.';

export const PHQ_TRANSLATION = {
  kind: 'published' as const,
  source:
    'Terjemahan bahasa Indonesia PHQ-9 yang dipakai dalam validasi Dian, Effendy & Amin 2022 (Open Access Maced J Med Sci, doi 10.3889/oamjms.2022.9293). Cocokkan kata demi kata dengan berkas resmi Pfizer/phqscreeners sebelum dipakai secara luas (docs/instruments.md §14.4).',
};

/**
 * PHQ-9 (Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–13). Sum 0–27; bands at
 * 5/10/15/20; item 9 ≥ 1 is a crisis answer whatever the total (docs/instruments.md §1, §11).
 */
export const phq9: InstrumentDefinition = {
  id: 'phq9',
  version: '1',
  name: { id: 'Kuesioner Kesehatan Pasien-9 (PHQ-9)', en: 'Patient Health Questionnaire-9 (PHQ-9)' },
  abbreviation: 'PHQ-9',
  measures: {
    id: 'Gejala depresi selama dua minggu terakhir: suasana hati, minat, tidur, tenaga, dan pikiran tentang diri sendiri.',
    en: 'Symptoms of depression over the last two weeks: mood, interest, sleep, energy and thoughts about yourself.',
  },
  instructions: PHQ_INSTRUCTIONS,
  recall: { id: '2 minggu terakhir', en: 'the last 2 weeks' },
  minutes: 3,
  items: PHQ9_ITEMS,
  scoring: 'sum',
  totalRange: { min: 0, max: 27 },
  bands: [
    { code: 'minimal', min: 0, max: 4, label: { id: 'minimal', en: 'minimal' } },
    { code: 'mild', min: 5, max: 9, label: { id: 'ringan', en: 'mild' } },
    { code: 'moderate', min: 10, max: 14, label: { id: 'sedang', en: 'moderate' } },
    { code: 'moderately_severe', min: 15, max: 19, label: { id: 'cukup berat', en: 'moderately severe' } },
    { code: 'severe', min: 20, max: 27, label: { id: 'berat', en: 'severe' } },
  ],
  scoringNote: {
    id: 'Jumlah nilai sembilan butir (0–27). Skor 10 ke atas menunjukkan kemungkinan depresi yang perlu diperiksa lebih lanjut.',
    en: 'Sum of the nine items (0–27). A score of 10 or more suggests depression worth a closer look.',
  },
  translation: PHQ_TRANSLATION,
  source:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606–13.',
  licence: PFIZER_LICENCE,
  loinc: { panel: '44249-1', total: '44261-6' },
};
