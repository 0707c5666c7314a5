import { YES_NO } from '../options.js';
import type { InstrumentDefinition } from '../types.js';

const QUESTIONS: Array<[string, string]> = [
  ['Apakah Anda sering menderita sakit kepala?', 'Do you often have headaches?'],
  ['Apakah Anda tidak nafsu makan?', 'Is your appetite poor?'],
  ['Apakah Anda sulit tidur?', 'Do you sleep badly?'],
  ['Apakah Anda mudah takut?', 'Are you easily frightened?'],
  ['Apakah tangan Anda gemetar?', 'Do your hands shake?'],
  ['Apakah Anda merasa tegang, cemas, atau khawatir?', 'Do you feel nervous, tense or worried?'],
  ['Apakah pencernaan Anda terganggu/buruk?', 'Is your digestion poor?'],
  ['Apakah Anda sulit untuk berpikir jernih?', 'Do you have trouble thinking clearly?'],
  ['Apakah Anda merasa tidak bahagia?', 'Do you feel unhappy?'],
  ['Apakah Anda menangis lebih sering?', 'Do you cry more than usual?'],
  [
    'Apakah Anda merasa sulit untuk menikmati kegiatan sehari-hari?',
    'Do you find it difficult to enjoy your daily activities?',
  ],
  ['Apakah Anda sulit untuk mengambil keputusan?', 'Do you find it difficult to make decisions?'],
  ['Apakah pekerjaan sehari-hari Anda terganggu?', 'Is your daily work suffering?'],
  [
    'Apakah Anda tidak mampu melakukan hal-hal yang bermanfaat dalam hidup?',
    'Are you unable to play a useful part in life?',
  ],
  ['Apakah Anda kehilangan minat pada berbagai hal?', 'Have you lost interest in things?'],
  ['Apakah Anda merasa tidak berharga?', 'Do you feel that you are a worthless person?'],
  ['Apakah Anda mempunyai pikiran untuk mengakhiri hidup?', 'Has the thought of ending your life been on your mind?'],
  ['Apakah Anda merasa lelah sepanjang waktu?', 'Do you feel tired all the time?'],
  ['Apakah Anda mengalami rasa tidak enak di perut?', 'Do you have uncomfortable feelings in your stomach?'],
  ['Apakah Anda mudah lelah?', 'Are you easily tired?'],
];

/**
 * SRQ-20 (WHO, Beusenberg & Orley 1994, WHO/MNH/PSF/94.8): count of "Ya", 0–20; ≥ 6 is above the
 * Indonesian cut-off for probable mental-emotional disorder (Kemenkes/Balitbangkes, Riskesdas;
 * Hartono 1995; Idaiani et al. 2014). Item 17 = Ya is a crisis answer (docs/instruments.md §4, §11).
 */
export const srq20: InstrumentDefinition = {
  id: 'srq20',
  version: '1',
  name: { id: 'Self-Reporting Questionnaire-20 (SRQ-20)', en: 'Self-Reporting Questionnaire-20 (SRQ-20)' },
  abbreviation: 'SRQ-20',
  measures: {
    id: 'Keluhan kesehatan jiwa yang umum dalam 30 hari terakhir. Kuesioner ini dipakai Kementerian Kesehatan dalam Riskesdas.',
    en: 'Common mental-health complaints over the last 30 days. The Ministry of Health uses it in its national health survey (Riskesdas).',
  },
  instructions: {
    id: 'Jawablah "Ya" atau "Tidak" sesuai keadaan Anda dalam 30 hari terakhir.',
    en: 'Answer "Yes" or "No" for how things have been for you over the last 30 days.',
  },
  recall: { id: '30 hari terakhir', en: 'the last 30 days' },
  minutes: 4,
  items: QUESTIONS.map(([id, en], i) => ({
    number: i + 1,
    text: { id, en },
    options: YES_NO,
    ...(i + 1 === 17 ? { crisisAt: 1 } : {}),
  })),
  scoring: 'sum',
  totalRange: { min: 0, max: 20 },
  bands: [
    { code: 'below_cutoff', min: 0, max: 5, label: { id: 'di bawah batas', en: 'below the cut-off' } },
    { code: 'above_cutoff', min: 6, max: 20, label: { id: 'di atas batas', en: 'above the cut-off' } },
  ],
  scoringNote: {
    id: 'Jumlah jawaban "Ya" (0–20). Enam atau lebih berarti di atas batas yang dipakai Kementerian Kesehatan, dan sebaiknya diperiksakan ke Puskesmas.',
    en: 'Number of "Yes" answers (0–20). Six or more is above the cut-off the Ministry of Health uses, and worth a visit to the Puskesmas.',
  },
  translation: {
    kind: 'published',
    source:
      'Rumusan Kementerian Kesehatan/Balitbangkes dalam Riskesdas (Idaiani dkk., J Indon Med Assoc 2014;64(4)). Pastikan kepada Kemenkes rumusan mana yang berlaku (docs/instruments.md §4, §14.4).',
  },
  source:
    'Beusenberg M, Orley J. A User’s Guide to the Self Reporting Questionnaire (SRQ). WHO/MNH/PSF/94.8, 1994. Cut-off 5/6: Hartono 1995; Riskesdas 2007, 2013, 2018.',
  licence:
    'Instrumen WHO; rumusan Kemenkes dipakai secara publik, tanpa biaya lisensi yang diketahui. / WHO instrument; Kemenkes wording in public use, no known licence fee.',
};
