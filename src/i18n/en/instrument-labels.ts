import type { instrument_labels as indonesian } from '../id/instrument-labels.js';
import type { Translation } from '../shape.js';

/** The questionnaires' everyday names and what each result means: the home, self-check, results and shared results. */
export const instrument_labels: Translation<typeof indonesian> = {
  everyday: {
    phq2: 'Your mood over the last two weeks, short version',
    phq9: 'Your mood over the last two weeks',
    gad2: 'Anxiety over the last two weeks, short version',
    gad7: 'Anxiety and worry over the last two weeks',
    who5: 'How well you have been over the last two weeks',
    k6: 'Psychological strain over the last four weeks, short version',
    k10: 'Psychological strain over the last four weeks',
    srq20: 'Bodily and emotional complaints over the last month',
    pss10: 'How stressed you have felt over the last month',
    cbi: 'Exhaustion from work',
  },
  bands: {
    incomplete: 'Not scored: some questions were not answered',
    phq9: {
      minimal: 'Minimal symptoms of depression',
      mild: 'Mild symptoms of depression',
      moderate: 'Moderate symptoms of depression',
      moderately_severe: 'Moderately severe symptoms of depression',
      severe: 'Severe symptoms of depression',
    },
    phq2: {
      negative: 'No sign of depression',
      positive: 'Signs of depression worth a closer look',
    },
    gad7: {
      minimal: 'Minimal symptoms of anxiety',
      mild: 'Mild symptoms of anxiety',
      moderate: 'Moderate symptoms of anxiety',
      severe: 'Severe symptoms of anxiety',
    },
    gad2: {
      negative: 'No sign of anxiety',
      positive: 'Signs of anxiety worth a closer look',
    },
    who5: {
      adequate: 'Your well-being is good enough',
      poor_wellbeing: 'Your well-being is low at the moment',
      likely_depression: 'Your well-being is very low; depression is possible',
    },
    srq20: {
      below_cutoff: 'No sign of a mental-emotional problem',
      above_cutoff: 'Signs of a mental-emotional problem worth checking',
    },
    k10: {
      low: 'Low psychological distress',
      mild: 'Mild psychological distress',
      moderate: 'Moderate psychological distress',
      severe: 'Severe psychological distress',
    },
    k10_abs: {
      low: 'low',
      moderate: 'moderate',
      high: 'high',
      very_high: 'very high',
    },
    k6: {
      low: 'Low psychological distress',
      moderate: 'Moderate psychological distress',
      serious: 'Serious psychological distress',
    },
    pss10: {
      low: 'Indication of low stress',
      moderate: 'Indication of moderate stress',
      high: 'Indication of high stress',
    },
    cbi: {
      low: 'Low burnout',
      moderate: 'Moderate burnout',
      high: 'High burnout',
      severe: 'Very high burnout',
    },
  },
  cbi_title: 'Burnout result',
};
