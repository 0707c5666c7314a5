import type { SurveyDefinition, Theme } from '../definition.js';
import { agree, rating, t } from './items.js';
import { onlyIn, type Setting, type SurveyTemplate } from './template.js';

/**
 * Psychological safety and stigma (docs/surveys.md#psychological-safety-and-stigma): whether people
 * can speak up and admit mistakes without being punished, whether seeking help for their mental
 * health is safe for their career, and whether they trust that what they tell a counsellor or this
 * survey stays confidential. Written for Teduh; not a published psychological-safety scale.
 */

const THEMES: readonly Theme[] = [
  {
    id: 'speaking-up',
    name: t('Berani bersuara', 'Speaking up'),
    description: t(
      'Menyampaikan kekhawatiran, perbedaan pendapat, dan usulan tanpa takut dampak buruk.',
      'Raising concerns, disagreement and ideas without fear of harm.',
    ),
  },
  {
    id: 'mistakes',
    name: t('Menyikapi kesalahan', 'Handling mistakes'),
    description: t(
      'Apakah kesalahan diakui dan dipelajari, bukan dicari kambing hitamnya.',
      'Whether mistakes are admitted and learnt from rather than blamed on someone.',
    ),
  },
  {
    id: 'help-seeking',
    name: t('Mencari bantuan tanpa stigma', 'Seeking help without stigma'),
    description: t(
      'Apakah mencari bantuan untuk kesehatan mental aman bagi karier dan diterima oleh lingkungan kerja.',
      'Whether seeking help for one’s mental health is safe for one’s career and accepted at work.',
    ),
  },
  {
    id: 'confidentiality',
    name: t('Kepercayaan pada kerahasiaan', 'Trust in confidentiality'),
    description: t(
      'Kepercayaan bahwa konseling, data kesehatan, dan jawaban survei dijaga kerahasiaannya.',
      'Trust that counselling, health data and survey answers are kept confidential.',
    ),
  },
];

function build(setting: Setting): SurveyDefinition {
  return {
    themes: THEMES,
    sections: [
      {
        id: 'voice',
        title: t('Bersuara dan kesalahan', 'Speaking up and mistakes'),
        questions: [
          rating(
            'psy-overall',
            'speaking-up',
            t(
              'Seberapa aman rasanya bagi Anda untuk berbicara terbuka di unit kerja Anda?',
              'How safe do you feel to speak openly in your unit?',
            ),
            t('Sama sekali tidak aman', 'Not safe at all'),
            t('Sangat aman', 'Completely safe'),
          ),
          agree(
            'spk-concerns',
            'speaking-up',
            t(
              'Saya dapat menyampaikan kekhawatiran tentang pekerjaan kepada atasan tanpa takut akan dampak buruk.',
              'I can raise concerns about work with my manager without fear of consequences.',
            ),
          ),
          agree(
            'spk-disagree',
            'speaking-up',
            t(
              'Di unit saya, berbeda pendapat dengan atasan dianggap wajar.',
              'In my unit it is normal to disagree with the manager.',
            ),
          ),
          agree(
            'spk-ideas',
            'speaking-up',
            t(
              'Usulan pegawai di unit saya ditanggapi dengan serius, apa pun jabatan atau golongannya.',
              'Ideas from staff in my unit are taken seriously, whatever their position or grade.',
            ),
          ),
          agree(
            'spk-silence',
            'speaking-up',
            t(
              'Orang di unit saya lebih memilih diam daripada menyampaikan masalah.',
              'People in my unit would rather keep quiet than raise a problem.',
            ),
            { reverse: true },
          ),
          ...onlyIn(
            setting,
            'administration',
            agree(
              'gov-whistleblowing',
              'speaking-up',
              t(
                'Saya tahu cara melaporkan dugaan pelanggaran dan yakin pelapornya dilindungi.',
                'I know how to report suspected wrongdoing and trust that whoever reports it is protected.',
              ),
            ),
          ),
          ...onlyIn(
            setting,
            'school',
            agree(
              'sch-staff-meeting',
              'speaking-up',
              t(
                'Saya dapat menyampaikan pendapat dalam rapat dewan guru tanpa takut akan dampaknya.',
                'I can say what I think in staff meetings without fear of the consequences.',
              ),
            ),
          ),
          agree(
            'mis-admit',
            'mistakes',
            t(
              'Jika saya melakukan kesalahan, saya dapat mengakuinya tanpa dipermalukan.',
              'If I make a mistake, I can admit it without being humiliated.',
            ),
          ),
          agree(
            'mis-learn',
            'mistakes',
            t(
              'Di unit saya, kesalahan dibahas untuk dipelajari, bukan untuk mencari siapa yang salah.',
              'In my unit, mistakes are discussed to learn from them, not to find someone to blame.',
            ),
          ),
          agree(
            'mis-blame',
            'mistakes',
            t(
              'Pegawai yang melakukan kesalahan di unit saya disalahkan di depan orang lain.',
              'People in my unit who make a mistake are blamed in front of others.',
            ),
            { reverse: true },
          ),
          ...onlyIn(
            setting,
            'health',
            agree(
              'hlt-incident-report',
              'mistakes',
              t(
                'Saya dapat melaporkan insiden keselamatan pasien tanpa takut dihukum.',
                'I can report a patient-safety incident without fear of punishment.',
              ),
            ),
          ),
        ],
      },
      {
        id: 'help',
        title: t('Mencari bantuan dan kerahasiaan', 'Seeking help and confidentiality'),
        questions: [
          agree(
            'hlp-career',
            'help-seeking',
            t(
              'Saya yakin mencari bantuan untuk masalah kesehatan mental tidak akan merugikan karier saya.',
              'I am confident that seeking help for a mental-health problem would not harm my career.',
            ),
          ),
          agree(
            'hlp-seen-as-weak',
            'help-seeking',
            t(
              'Di tempat kerja saya, pegawai yang menemui psikolog atau konselor dianggap lemah.',
              'At my workplace, people who see a psychologist or counsellor are seen as weak.',
            ),
            { reverse: true },
          ),
          agree(
            'hlp-tell-manager',
            'help-seeking',
            t(
              'Jika sedang mengalami masalah kesehatan mental, saya akan merasa nyaman memberi tahu atasan saya.',
              'If I had a mental-health problem, I would feel comfortable telling my manager.',
            ),
          ),
          agree(
            'hlp-treated-normally',
            'help-seeking',
            t(
              'Rekan kerja di unit saya akan bersikap wajar kepada pegawai yang sedang menjalani pengobatan untuk kesehatan mentalnya.',
              'Colleagues in my unit would treat someone having mental-health treatment just as before.',
            ),
          ),
          agree(
            'cnf-counselling',
            'confidentiality',
            t(
              'Saya percaya isi konseling tidak akan diketahui atasan atau bagian kepegawaian tanpa izin saya.',
              'I trust that what I say in counselling will not reach my manager or HR without my consent.',
            ),
          ),
          agree(
            'cnf-gossip',
            'confidentiality',
            t(
              'Masalah pribadi pegawai sering menjadi bahan gunjingan di unit saya.',
              'People’s private problems are often gossiped about in my unit.',
            ),
            { reverse: true },
          ),
          agree(
            'cnf-health-data',
            'confidentiality',
            t(
              'Saya percaya tempat kerja saya menjaga data kesehatan pegawai dengan baik.',
              'I trust my workplace to look after staff health data properly.',
            ),
          ),
          agree(
            'cnf-survey',
            'confidentiality',
            t(
              'Saya percaya jawaban saya dalam survei ini tidak dapat ditelusuri kembali kepada saya.',
              'I trust that my answers to this survey cannot be traced back to me.',
            ),
          ),
        ],
      },
    ],
  };
}

export const psychologicalSafetyTemplate: SurveyTemplate<'psychological-safety'> = {
  id: 'psychological-safety',
  name: t('Rasa aman psikologis dan stigma', 'Psychological safety and stigma'),
  summary: t(
    'Berani bersuara, menyikapi kesalahan, mencari bantuan tanpa takut kariernya terganggu, dan kepercayaan pada kerahasiaan.',
    'Speaking up, handling mistakes, seeking help without fear for one’s career, and trust in confidentiality.',
  ),
  minutes: 5,
  variants: ['school', 'health'],
  build,
};
