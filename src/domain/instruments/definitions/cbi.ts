import { CBI_DEGREE, CBI_FREQUENCY } from '../options.js';
import type { AnswerOption, InstrumentDefinition, Item, Text } from '../types.js';

type Row = [subscale: 'personal' | 'work' | 'client', scale: readonly AnswerOption[], text: Text, reverse?: true];

/**
 * Item order of the Kristensen et al. 2005 appendix as reproduced in PMC9358756 Table 1 (docs/instruments.md
 * §7). "Clients" are the public the civil servant serves: "masyarakat yang Anda layani".
 */
const ROWS: Row[] = [
  ['personal', CBI_FREQUENCY, { id: 'Seberapa sering Anda merasa lelah?', en: 'How often do you feel tired?' }],
  [
    'personal',
    CBI_FREQUENCY,
    { id: 'Seberapa sering Anda merasa letih secara fisik?', en: 'How often are you physically exhausted?' },
  ],
  [
    'personal',
    CBI_FREQUENCY,
    { id: 'Seberapa sering Anda merasa letih secara emosional?', en: 'How often are you emotionally exhausted?' },
  ],
  [
    'personal',
    CBI_FREQUENCY,
    {
      id: 'Seberapa sering Anda berpikir, "Saya tidak sanggup lagi"?',
      en: 'How often do you think: "I can’t take it anymore"?',
    },
  ],
  [
    'personal',
    CBI_FREQUENCY,
    { id: 'Seberapa sering Anda merasa kehabisan tenaga?', en: 'How often do you feel worn out?' },
  ],
  [
    'personal',
    CBI_FREQUENCY,
    {
      id: 'Seberapa sering Anda merasa lemah dan mudah sakit?',
      en: 'How often do you feel weak and susceptible to illness?',
    },
  ],
  [
    'work',
    CBI_DEGREE,
    { id: 'Apakah pekerjaan Anda melelahkan secara emosional?', en: 'Is your work emotionally exhausting?' },
  ],
  [
    'work',
    CBI_DEGREE,
    {
      id: 'Apakah Anda merasa jenuh dan habis tenaga karena pekerjaan Anda?',
      en: 'Do you feel burnt out because of your work?',
    },
  ],
  ['work', CBI_DEGREE, { id: 'Apakah pekerjaan Anda membuat Anda frustrasi?', en: 'Does your work frustrate you?' }],
  [
    'work',
    CBI_FREQUENCY,
    {
      id: 'Apakah Anda merasa kehabisan tenaga di akhir hari kerja?',
      en: 'Do you feel worn out at the end of the working day?',
    },
  ],
  [
    'work',
    CBI_FREQUENCY,
    {
      id: 'Apakah Anda sudah merasa letih di pagi hari saat memikirkan satu hari kerja lagi?',
      en: 'Are you exhausted in the morning at the thought of another day at work?',
    },
  ],
  [
    'work',
    CBI_FREQUENCY,
    {
      id: 'Apakah Anda merasa setiap jam kerja melelahkan bagi Anda?',
      en: 'Do you feel that every working hour is tiring for you?',
    },
  ],
  [
    'work',
    CBI_FREQUENCY,
    {
      id: 'Apakah Anda punya cukup tenaga untuk keluarga dan teman di waktu senggang?',
      en: 'Do you have enough energy for family and friends during leisure time?',
    },
    true,
  ],
  [
    'client',
    CBI_DEGREE,
    { id: 'Apakah Anda merasa sulit bekerja melayani masyarakat?', en: 'Do you find it hard to work with clients?' },
  ],
  [
    'client',
    CBI_DEGREE,
    {
      id: 'Apakah bekerja melayani masyarakat membuat Anda frustrasi?',
      en: 'Do you find it frustrating to work with clients?',
    },
  ],
  [
    'client',
    CBI_DEGREE,
    {
      id: 'Apakah bekerja melayani masyarakat menguras tenaga Anda?',
      en: 'Does it drain your energy to work with clients?',
    },
  ],
  [
    'client',
    CBI_DEGREE,
    {
      id: 'Apakah Anda merasa memberi lebih banyak daripada yang Anda terima saat melayani masyarakat?',
      en: 'Do you feel that you give more than you get back when you work with clients?',
    },
  ],
  [
    'client',
    CBI_FREQUENCY,
    { id: 'Apakah Anda lelah melayani masyarakat?', en: 'Are you tired of working with clients?' },
  ],
  [
    'client',
    CBI_FREQUENCY,
    {
      id: 'Apakah Anda kadang bertanya-tanya berapa lama lagi Anda sanggup terus melayani masyarakat?',
      en: 'Do you sometimes wonder how long you will be able to continue working with clients?',
    },
  ],
];

const ITEMS: readonly Item[] = ROWS.map(([subscale, options, text, reverse], i) => ({
  number: i + 1,
  text,
  options,
  subscale,
  ...(reverse ? { reverse: true } : {}),
  // The client scale is asked only of people who serve the public directly (docs/instruments.md §7).
  ...(subscale === 'client' ? { optionalBlock: 'client' } : {}),
}));

/**
 * Copenhagen Burnout Inventory (Kristensen, Borritz, Villadsen & Christensen 2005, Work & Stress
 * 19:192–207). Three sub-scales, each the mean of its answered items (0–100) when at least 3 are
 * answered; item 13 reversed (100 − value); ≥ 50 "high" (band4: < 50 low, 50–74 moderate, 75–99
 * high, 100 severe). There is no total CBI score (docs/instruments.md §7).
 */
export const cbi: InstrumentDefinition = {
  id: 'cbi',
  version: '1',
  name: { id: 'Inventori Kelelahan Kerja Kopenhagen (CBI)', en: 'Copenhagen Burnout Inventory (CBI)' },
  abbreviation: 'CBI',
  measures: {
    id: 'Kelelahan (burnout) pribadi dan karena pekerjaan — dan, bila Anda melayani masyarakat secara langsung, karena pelayanan itu.',
    en: 'Personal and work-related burnout — and, if you serve the public directly, burnout from that service.',
  },
  instructions: {
    id: 'Pilih jawaban yang paling sesuai dengan keadaan Anda akhir-akhir ini.',
    en: 'Choose the answer that best fits how things have been for you lately.',
  },
  recall: null,
  minutes: 5,
  items: ITEMS,
  scoring: 'cbi',
  totalRange: null,
  bands: [
    { code: 'low', min: 0, max: 50, label: { id: 'rendah', en: 'low' } },
    { code: 'high', min: 50, max: 100, label: { id: 'tinggi', en: 'high' } },
  ],
  scoringNote: {
    id: 'Tiap bagian (pribadi, pekerjaan, pelayanan masyarakat) adalah rata-rata jawaban pada bagian itu (0–100); 50 ke atas berarti kelelahan tinggi. Tidak ada skor total.',
    en: 'Each part (personal, work, serving the public) is the mean of its answers (0–100); 50 or more means high burnout. There is no total score.',
  },
  translation: {
    kind: 'careful_translation',
    source:
      'Terjemahan cermat tim Teduh; belum ada CBI berbahasa Indonesia yang tervalidasi. Perlu terjemahan maju–mundur dan uji coba sebelum dipakai luas (docs/instruments.md §7, §14.3).',
  },
  source:
    'Kristensen TS, Borritz M, Villadsen E, Christensen KB. The Copenhagen Burnout Inventory: a new tool for the assessment of burnout. Work & Stress 2005;19:192–207.',
  licence: 'Domain publik (Javanshir dkk. 2019, Health Promot Perspect 9:137). / Public domain.',
};

export const CBI_SUBSCALES = ['personal', 'work', 'client'] as const;
export type CbiSubscale = (typeof CBI_SUBSCALES)[number];
