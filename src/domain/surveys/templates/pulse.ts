import type { SurveyDefinition, Theme } from '../definition.js';
import { agree, rating, t } from './items.js';
import { pick, type Setting, type SurveyTemplate } from './template.js';

/**
 * The five-question pulse (docs/surveys.md#five-question-pulse): one question for each key theme,
 * short enough to repeat every month or two and to watch the trend between the longer surveys.
 * Each question is its own theme so that the pulse reports five indices; all are required because
 * a pulse with gaps cannot be compared from wave to wave.
 */

const THEMES: readonly Theme[] = [
  {
    id: 'workload',
    name: t('Beban kerja', 'Workload'),
    description: t('Apakah beban kerja masih dapat dikelola.', 'Whether the workload is manageable.'),
  },
  {
    id: 'support',
    name: t('Dukungan', 'Support'),
    description: t('Dukungan dari atasan dan rekan kerja.', 'Support from the manager and colleagues.'),
  },
  {
    id: 'safety',
    name: t('Rasa aman untuk bersuara', 'Safety to speak up'),
    description: t(
      'Apakah masalah dan kekhawatiran dapat disampaikan dengan aman.',
      'Whether problems and concerns can be raised safely.',
    ),
  },
  {
    id: 'rest',
    name: t('Istirahat', 'Rest'),
    description: t('Istirahat yang cukup di luar jam kerja.', 'Enough rest outside working hours.'),
  },
  {
    id: 'energy',
    name: t('Energi', 'Energy'),
    description: t('Energi dan semangat untuk bekerja.', 'Energy and drive for work.'),
  },
];

function build(setting: Setting): SurveyDefinition {
  return {
    themes: THEMES,
    sections: [
      {
        id: 'pulse',
        title: t('Dua minggu terakhir', 'The last two weeks'),
        intro: t(
          'Lima pertanyaan singkat tentang dua minggu terakhir.',
          'Five short questions about the last two weeks.',
        ),
        questions: [
          agree(
            'pls-workload',
            'workload',
            t('Beban kerja saya masih dapat saya kelola.', 'My workload has been manageable.'),
          ),
          agree(
            'pls-support',
            'support',
            t(
              'Saya mendapat dukungan yang saya butuhkan dari atasan dan rekan kerja.',
              'I have had the support I need from my manager and colleagues.',
            ),
          ),
          agree(
            'pls-speak-up',
            'safety',
            t(
              'Saya merasa aman menyampaikan masalah atau kekhawatiran di unit saya.',
              'I have felt safe raising problems or concerns in my unit.',
            ),
          ),
          agree(
            'pls-rest',
            'rest',
            pick(setting, {
              administration: t(
                'Saya dapat beristirahat dengan cukup di luar jam kerja.',
                'I have been able to rest enough outside working hours.',
              ),
              health: t(
                'Saya dapat beristirahat dengan cukup di luar jadwal dinas.',
                'I have been able to rest enough outside rostered hours.',
              ),
            }),
          ),
          rating(
            'pls-energy',
            'energy',
            t('Bagaimana energi dan semangat Anda untuk bekerja?', 'How have your energy and drive for work been?'),
            t('Sangat rendah', 'Very low'),
            t('Sangat tinggi', 'Very high'),
          ),
        ],
      },
    ],
  };
}

export const pulseTemplate: SurveyTemplate<'pulse'> = {
  id: 'pulse',
  name: t('Survei pulse lima pertanyaan', 'Five-question pulse'),
  summary: t(
    'Lima pertanyaan singkat — beban kerja, dukungan, rasa aman, istirahat, dan energi — untuk dipantau secara rutin.',
    'Five short questions — workload, support, safety, rest and energy — to follow over time.',
  ),
  minutes: 1,
  variants: ['health'],
  build,
};
