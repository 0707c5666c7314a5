import type { SurveyDefinition, Theme } from '../definition.js';
import { agree, rating, t } from './items.js';
import { onlyIn, pick, type Setting, type SurveyTemplate } from './template.js';

/**
 * Burnout risk in a unit (docs/surveys.md#burnout-risk), along the three sides burnout is commonly
 * described by: exhaustion, distance from the work and the people it serves, and a sense of
 * reduced efficacy.
 *
 * These are climate items, not a diagnostic instrument: they are ORIGINAL wording written for
 * Teduh, not items of the proprietary Maslach Burnout Inventory or any other copyrighted
 * questionnaire, they have no cut-off, and their results describe a group, never a person. A
 * person who wants to check themselves uses the validated self-assessment (the CBI,
 * docs/instruments.md), which is private to them.
 */

const THEMES: readonly Theme[] = [
  {
    id: 'exhaustion',
    name: t('Kelelahan', 'Exhaustion'),
    description: t(
      'Tenaga yang terkuras oleh pekerjaan dan tidak pulih dengan istirahat.',
      'Energy drained by work that rest does not restore.',
    ),
  },
  {
    id: 'distance',
    name: t('Menjauh dari pekerjaan', 'Distance'),
    description: t(
      'Bekerja sekadar menggugurkan kewajiban, bersikap dingin, dan menarik diri.',
      'Going through the motions, growing cold and withdrawing.',
    ),
  },
  {
    id: 'efficacy',
    name: t('Rasa mampu', 'Efficacy'),
    description: t(
      'Keyakinan bahwa pekerjaan berhasil dan membawa perubahan.',
      'The sense that one’s work succeeds and makes a difference.',
    ),
  },
];

function build(setting: Setting): SurveyDefinition {
  return {
    themes: THEMES,
    sections: [
      {
        id: 'energy',
        title: t('Tenaga dan pemulihan', 'Energy and recovery'),
        intro: t(
          'Pikirkan bulan terakhir. Survei ini menggambarkan kondisi unit kerja, bukan menilai diri Anda.',
          'Think of the last month. This survey describes the unit, it does not assess you.',
        ),
        questions: [
          rating(
            'exh-energy',
            'exhaustion',
            t(
              'Dalam sebulan terakhir, seberapa besar tenaga yang Anda miliki untuk pekerjaan?',
              'In the last month, how much energy have you had for your work?',
            ),
            t('Sama sekali tidak ada', 'None at all'),
            t('Penuh tenaga', 'Full of energy'),
          ),
          agree(
            'exh-drained',
            'exhaustion',
            t(
              'Di akhir hari kerja, tenaga saya sudah habis terkuras.',
              'By the end of the working day my energy is completely used up.',
            ),
            { reverse: true },
          ),
          agree(
            'exh-recovery',
            'exhaustion',
            pick(setting, {
              administration: t(
                'Akhir pekan dan hari libur cukup untuk memulihkan tenaga saya.',
                'Weekends and days off are enough for me to recover.',
              ),
              // Shift work has days off, not weekends.
              health: t(
                'Hari libur saya cukup untuk memulihkan tenaga saya.',
                'My days off are enough for me to recover.',
              ),
            }),
          ),
          agree(
            'exh-sleep',
            'exhaustion',
            t(
              'Urusan pekerjaan membuat saya sulit tidur atau beristirahat.',
              'Work matters make it hard for me to sleep or rest.',
            ),
            { reverse: true },
          ),
          agree(
            'exh-sustainable',
            'exhaustion',
            t(
              'Saya dapat bekerja dengan ritme seperti sekarang dalam jangka panjang tanpa mengorbankan kesehatan.',
              'I could keep working at the present pace for a long time without harming my health.',
            ),
          ),
          agree(
            'exh-emotional',
            'exhaustion',
            pick(setting, {
              administration: t(
                'Menghadapi keluhan dan tuntutan masyarakat menguras emosi saya.',
                'Dealing with complaints and demands from the public drains me emotionally.',
              ),
              school: t(
                'Menangani masalah perilaku siswa dan tuntutan orang tua menguras emosi saya.',
                'Handling pupils’ behaviour problems and parents’ demands drains me emotionally.',
              ),
              health: t(
                'Menghadapi penderitaan pasien dan kecemasan keluarganya menguras emosi saya.',
                'Facing patients’ suffering and their families’ anxiety drains me emotionally.',
              ),
            }),
            { reverse: true },
          ),
          ...onlyIn(
            setting,
            'school',
            agree(
              'sch-holiday-rest',
              'exhaustion',
              t(
                'Saya benar-benar dapat beristirahat saat libur sekolah, tanpa tugas administrasi yang menumpuk.',
                'I can really rest during school holidays, without administrative tasks piling up.',
              ),
            ),
          ),
          ...onlyIn(
            setting,
            'health',
            agree(
              'hlt-shift-recovery',
              'exhaustion',
              t(
                'Jeda antara shift saya cukup untuk memulihkan tenaga.',
                'The break between my shifts is long enough to recover.',
              ),
            ),
          ),
        ],
      },
      {
        id: 'engagement',
        title: t('Keterlibatan dan rasa mampu', 'Engagement and efficacy'),
        questions: [
          agree(
            'dis-motions',
            'distance',
            t(
              'Belakangan ini saya bekerja sekadar untuk menggugurkan kewajiban.',
              'Lately I have been just going through the motions at work.',
            ),
            { reverse: true },
          ),
          agree(
            'dis-cold',
            'distance',
            pick(setting, {
              administration: t(
                'Saya mulai bersikap dingin atau tidak sabar terhadap masyarakat yang saya layani.',
                'I have started to be cold or impatient with the public I serve.',
              ),
              school: t(
                'Saya mulai bersikap dingin atau tidak sabar terhadap siswa.',
                'I have started to be cold or impatient with pupils.',
              ),
              health: t(
                'Saya mulai bersikap dingin atau tidak sabar terhadap pasien.',
                'I have started to be cold or impatient with patients.',
              ),
            }),
            { reverse: true },
          ),
          agree(
            'dis-withdraw',
            'distance',
            t(
              'Dibandingkan dulu, saya lebih banyak menarik diri dari rekan kerja.',
              'I keep more to myself at work than I used to.',
            ),
            { reverse: true },
          ),
          agree(
            'dis-purpose',
            'distance',
            t('Saya masih melihat arti dari pekerjaan yang saya lakukan.', 'I still see the point of the work I do.'),
          ),
          agree(
            'eff-solve',
            'efficacy',
            t(
              'Saya mampu mengatasi masalah yang muncul dalam pekerjaan saya.',
              'I can deal with the problems that come up in my work.',
            ),
          ),
          agree(
            'eff-difference',
            'efficacy',
            pick(setting, {
              administration: t(
                'Pekerjaan saya membawa perubahan nyata bagi masyarakat.',
                'My work makes a real difference to the public.',
              ),
              school: t(
                'Pekerjaan saya membawa perubahan nyata bagi siswa.',
                'My work makes a real difference to pupils.',
              ),
              health: t(
                'Pekerjaan saya membawa perubahan nyata bagi pasien.',
                'My work makes a real difference to patients.',
              ),
            }),
          ),
          agree(
            'eff-achievement',
            'efficacy',
            t(
              'Dalam sebulan terakhir, ada hasil kerja yang membuat saya puas.',
              'In the last month I achieved something at work that I was pleased with.',
            ),
          ),
          agree(
            'eff-confidence',
            'efficacy',
            t(
              'Saya yakin dengan kemampuan saya menjalankan tugas-tugas saya.',
              'I am confident in my ability to carry out my duties.',
            ),
          ),
        ],
      },
    ],
  };
}

export const burnoutRiskTemplate: SurveyTemplate<'burnout-risk'> = {
  id: 'burnout-risk',
  name: t('Risiko kelelahan kerja (burnout)', 'Burnout risk'),
  summary: t(
    'Tanda-tanda risiko burnout di unit kerja: kelelahan, menjauh dari pekerjaan, dan berkurangnya rasa mampu. Bukan alat diagnosis.',
    'Signs of burnout risk in a unit: exhaustion, distance from the work and reduced efficacy. Not a diagnostic tool.',
  ),
  minutes: 4,
  variants: ['school', 'health'],
  build,
};
