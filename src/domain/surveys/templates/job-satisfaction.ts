import type { SurveyDefinition, Theme } from '../definition.js';
import { agree, freeText, rating, t } from './items.js';
import { onlyIn, pick, type Setting, type SurveyTemplate } from './template.js';

/**
 * Job satisfaction (docs/surveys.md#job-satisfaction): overall satisfaction on 0–10, and the three
 * things it is usually made of — meaning, growth and recognition, working conditions — as
 * statements. Written for Teduh; not a published satisfaction scale.
 */

const THEMES: readonly Theme[] = [
  {
    id: 'overall',
    name: t('Kepuasan secara keseluruhan', 'Overall satisfaction'),
    description: t(
      'Seberapa puas pegawai dengan pekerjaannya dan apakah mereka akan menyarankan instansinya sebagai tempat kerja.',
      'How satisfied people are with their job and whether they would recommend the agency as a place to work.',
    ),
  },
  {
    id: 'meaning',
    name: t('Makna pekerjaan', 'Meaning'),
    description: t(
      'Apakah pekerjaan terasa bermanfaat, membanggakan, dan memakai kemampuan pegawai.',
      'Whether the work feels useful and worth being proud of, and uses people’s abilities.',
    ),
  },
  {
    id: 'growth',
    name: t('Pengembangan dan penghargaan', 'Growth and recognition'),
    description: t(
      'Pengembangan kompetensi, jalur karier, dan penilaian kinerja yang adil.',
      'Skills development, career paths and fair performance appraisal.',
    ),
  },
  {
    id: 'conditions',
    name: t('Kondisi kerja', 'Working conditions'),
    description: t(
      'Sarana, ruang kerja, penghasilan, dan waktu untuk kehidupan pribadi.',
      'Equipment, workspace, pay and time for private life.',
    ),
  },
];

function build(setting: Setting): SurveyDefinition {
  return {
    themes: THEMES,
    sections: [
      {
        id: 'overall',
        title: t('Secara keseluruhan', 'Overall'),
        questions: [
          rating(
            'sat-overall',
            'overall',
            t(
              'Secara keseluruhan, seberapa puas Anda dengan pekerjaan Anda saat ini?',
              'Overall, how satisfied are you with your job at the moment?',
            ),
            t('Sama sekali tidak puas', 'Not at all satisfied'),
            t('Sangat puas', 'Completely satisfied'),
          ),
          rating(
            'sat-recommend',
            'overall',
            pick(setting, {
              administration: t(
                'Seberapa besar kemungkinan Anda menyarankan instansi ini sebagai tempat kerja kepada kenalan Anda?',
                'How likely are you to recommend this agency to someone you know as a place to work?',
              ),
              school: t(
                'Seberapa besar kemungkinan Anda menyarankan sekolah ini sebagai tempat kerja kepada kenalan Anda?',
                'How likely are you to recommend this school to someone you know as a place to work?',
              ),
              health: t(
                'Seberapa besar kemungkinan Anda menyarankan fasilitas kesehatan ini sebagai tempat kerja kepada kenalan Anda?',
                'How likely are you to recommend this health facility to someone you know as a place to work?',
              ),
            }),
            t('Sama sekali tidak mungkin', 'Not at all likely'),
            t('Sangat mungkin', 'Extremely likely'),
          ),
        ],
      },
      {
        id: 'work-itself',
        title: t('Pekerjaan Anda', 'Your work'),
        questions: [
          agree(
            'mng-useful',
            'meaning',
            pick(setting, {
              administration: t('Pekerjaan saya bermanfaat bagi masyarakat.', 'My work benefits the public.'),
              school: t('Pekerjaan saya bermanfaat bagi siswa saya.', 'My work benefits my pupils.'),
              health: t('Pekerjaan saya bermanfaat bagi pasien.', 'My work benefits patients.'),
            }),
          ),
          agree(
            'mng-proud',
            'meaning',
            t('Saya bangga dengan tempat saya bekerja.', 'I am proud of the place where I work.'),
          ),
          agree(
            'mng-skills',
            'meaning',
            t('Pekerjaan saya memanfaatkan kemampuan saya dengan baik.', 'My work makes good use of my abilities.'),
          ),
          agree(
            'mng-standard',
            'meaning',
            pick(setting, {
              administration: t(
                'Saya dapat melayani masyarakat sesuai standar yang saya yakini baik.',
                'I can serve the public to a standard I believe in.',
              ),
              school: t(
                'Saya dapat mengajar sesuai standar yang saya yakini baik.',
                'I can teach to a standard I believe in.',
              ),
              health: t(
                'Saya dapat merawat pasien sesuai standar yang saya yakini baik.',
                'I can care for patients to a standard I believe in.',
              ),
            }),
          ),
          agree(
            'grw-learning',
            'growth',
            t(
              'Saya mendapat kesempatan pengembangan kompetensi yang sesuai dengan kebutuhan saya.',
              'I get opportunities to develop my skills that fit what I need.',
            ),
          ),
          agree(
            'grw-career',
            'growth',
            t(
              'Saya melihat jenjang karier yang jelas bagi saya di tempat kerja ini.',
              'I can see a clear career path for myself here.',
            ),
          ),
          agree(
            'grw-recognition',
            'growth',
            t(
              'Kinerja yang baik di unit saya diakui dan dihargai.',
              'Good work in my unit is noticed and appreciated.',
            ),
          ),
          agree(
            'grw-appraisal',
            'growth',
            t(
              'Penilaian kinerja (SKP) di unit saya dilakukan secara adil.',
              'Performance appraisal (SKP) in my unit is fair.',
            ),
          ),
        ],
      },
      {
        id: 'conditions',
        title: t('Kondisi kerja', 'Working conditions'),
        questions: [
          agree(
            'cnd-equipment',
            'conditions',
            t(
              'Saya memiliki peralatan dan sarana yang saya perlukan untuk bekerja dengan baik.',
              'I have the equipment and facilities I need to do my job well.',
            ),
          ),
          agree(
            'cnd-workspace',
            'conditions',
            t('Ruang kerja saya nyaman, bersih, dan aman.', 'My workspace is comfortable, clean and safe.'),
          ),
          agree(
            'cnd-pay',
            'conditions',
            t(
              'Penghasilan saya (gaji dan tunjangan) sepadan dengan tanggung jawab saya.',
              'My pay (salary and allowances) matches my responsibilities.',
            ),
          ),
          agree(
            'cnd-private-life',
            'conditions',
            t(
              'Pekerjaan saya menyisakan cukup waktu untuk keluarga dan kehidupan pribadi.',
              'My job leaves enough time for family and private life.',
            ),
          ),
          ...onlyIn(
            setting,
            'school',
            agree(
              'sch-lesson-prep',
              'conditions',
              t(
                'Saya punya cukup waktu untuk menyiapkan pembelajaran dengan baik.',
                'I have enough time to prepare my lessons well.',
              ),
            ),
          ),
          ...onlyIn(
            setting,
            'health',
            agree(
              'hlt-safe-at-work',
              'conditions',
              t(
                'Saya terlindungi dengan baik dari risiko penularan penyakit dan kekerasan saat bertugas.',
                'I am well protected against infection and violence while on duty.',
              ),
            ),
          ),
          freeText(
            'sat-one-change',
            t(
              'Apa satu hal yang paling dapat meningkatkan kepuasan kerja Anda?',
              'What one thing would most improve your job satisfaction?',
            ),
          ),
        ],
      },
    ],
  };
}

export const jobSatisfactionTemplate: SurveyTemplate<'job-satisfaction'> = {
  id: 'job-satisfaction',
  name: t('Kepuasan kerja', 'Job satisfaction'),
  summary: t(
    'Kepuasan kerja secara keseluruhan beserta makna pekerjaan, pengembangan dan penghargaan, serta kondisi kerja.',
    'Overall job satisfaction with meaning, growth and recognition, and working conditions.',
  ),
  minutes: 4,
  variants: ['school', 'health'],
  build,
};
