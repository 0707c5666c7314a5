import type { AnswerOption } from './types.js';

/**
 * Answer scales shared by several instruments. Labels are kept word for word with the source
 * named in each definition; do not edit them (docs/instruments.md: response labels are never edited).
 */

/** PHQ and GAD frequency scale, 0–3, with the LOINC answers of docs/instruments.md §1. */
export const PHQ_FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: { id: 'Tidak pernah', en: 'Not at all' }, loinc: 'LA6568-5' },
  { value: 1, label: { id: 'Beberapa hari', en: 'Several days' }, loinc: 'LA6569-3' },
  {
    value: 2,
    label: { id: 'Lebih dari separuh waktu yang dimaksud', en: 'More than half the days' },
    loinc: 'LA6570-1',
  },
  { value: 3, label: { id: 'Hampir setiap hari', en: 'Nearly every day' }, loinc: 'LA6571-9' },
];

/** GAD-7 item 2 uses LA18938-3 "More days than not" for value 2 in the LOINC answer list (docs/instruments.md §2). */
export const GAD_ITEM2_FREQUENCY: readonly AnswerOption[] = PHQ_FREQUENCY.map((o) =>
  o.value === 2 ? { ...o, loinc: 'LA18938-3' } : o,
);

/** WHO-5, 5 = all of the time … 0 = at no time (docs/instruments.md §3). */
export const WHO5_FREQUENCY: readonly AnswerOption[] = [
  { value: 5, label: { id: 'Sepanjang waktu', en: 'All of the time' } },
  { value: 4, label: { id: 'Sebagian besar waktu', en: 'Most of the time' } },
  { value: 3, label: { id: 'Lebih dari separuh waktu', en: 'More than half of the time' } },
  { value: 2, label: { id: 'Kurang dari separuh waktu', en: 'Less than half of the time' } },
  { value: 1, label: { id: 'Kadang-kadang', en: 'Some of the time' } },
  { value: 0, label: { id: 'Tidak pernah', en: 'At no time' } },
];

/** SRQ-20: 1 = Ya, 0 = Tidak (docs/instruments.md §4). */
export const YES_NO: readonly AnswerOption[] = [
  { value: 1, label: { id: 'Ya', en: 'Yes' } },
  { value: 0, label: { id: 'Tidak', en: 'No' } },
];

/** K10, Australian coding 1–5 (docs/instruments.md §5). */
export const K10_FREQUENCY: readonly AnswerOption[] = [
  { value: 1, label: { id: 'Tidak pernah', en: 'None of the time' } },
  { value: 2, label: { id: 'Jarang', en: 'A little of the time' } },
  { value: 3, label: { id: 'Kadang-kadang', en: 'Some of the time' } },
  { value: 4, label: { id: 'Sering', en: 'Most of the time' } },
  { value: 5, label: { id: 'Selalu', en: 'All of the time' } },
];

/** K6, US/NHIS coding 0–4 (docs/instruments.md §5): the K10 labels, one lower. */
export const K6_FREQUENCY: readonly AnswerOption[] = K10_FREQUENCY.map((o) => ({ ...o, value: o.value - 1 }));

/** PSS-10, 0 = never … 4 = very often (docs/instruments.md §6). */
export const PSS_FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: { id: 'Tidak pernah', en: 'Never' } },
  { value: 1, label: { id: 'Hampir tidak pernah', en: 'Almost never' } },
  { value: 2, label: { id: 'Kadang-kadang', en: 'Sometimes' } },
  { value: 3, label: { id: 'Cukup sering', en: 'Fairly often' } },
  { value: 4, label: { id: 'Sangat sering', en: 'Very often' } },
];

/** CBI frequency set: Always 100 … Never/almost never 0 (docs/instruments.md §7). */
export const CBI_FREQUENCY: readonly AnswerOption[] = [
  { value: 100, label: { id: 'Selalu', en: 'Always' } },
  { value: 75, label: { id: 'Sering', en: 'Often' } },
  { value: 50, label: { id: 'Kadang-kadang', en: 'Sometimes' } },
  { value: 25, label: { id: 'Jarang', en: 'Seldom' } },
  { value: 0, label: { id: 'Tidak pernah/hampir tidak pernah', en: 'Never/almost never' } },
];

/** CBI degree set: To a very high degree 100 … To a very low degree 0 (docs/instruments.md §7). */
export const CBI_DEGREE: readonly AnswerOption[] = [
  { value: 100, label: { id: 'Sangat tinggi', en: 'To a very high degree' } },
  { value: 75, label: { id: 'Tinggi', en: 'To a high degree' } },
  { value: 50, label: { id: 'Sedang', en: 'Somewhat' } },
  { value: 25, label: { id: 'Rendah', en: 'To a low degree' } },
  { value: 0, label: { id: 'Sangat rendah', en: 'To a very low degree' } },
];
