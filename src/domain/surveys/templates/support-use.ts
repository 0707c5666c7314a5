import type { ChoiceOption, SurveyDefinition, Theme } from '../definition.js';
import { agree, freeText, multiple, option, single, t } from './items.js';
import { onlyIn, pick, type Setting, type SurveyTemplate } from './template.js';

/**
 * What support people would use (docs/surveys.md#support-people-would-use): which kinds of help
 * people would turn to, what holds them back, and when and how they could take part — so that an
 * agency spends its programme budget on what its people will actually use. Mostly choices, whose
 * results are counts per option; one small theme asks whether people know and can reach help.
 * The options follow the stepped-care path of docs/principles.md (principle 4).
 */

const THEMES: readonly Theme[] = [
  {
    id: 'access',
    name: t('Akses ke dukungan', 'Access to support'),
    description: t(
      'Apakah pegawai tahu ke mana mencari bantuan, dapat menjangkaunya, dan didorong untuk memakainya.',
      'Whether people know where to find help, can reach it and are encouraged to use it.',
    ),
  },
];

function supportOptions(setting: Setting): ChoiceOption[] {
  return [
    option(
      'counselling',
      t('Konseling dengan psikolog atau konselor instansi', 'Counselling with the agency’s psychologist or counsellor'),
    ),
    option(
      'eap',
      t(
        'Layanan konseling rahasia dari penyedia luar (EAP)',
        'Confidential counselling from an outside provider (EAP)',
      ),
    ),
    option(
      'puskesmas',
      pick(setting, {
        administration: t('Puskesmas atau dokter keluarga (BPJS)', 'A Puskesmas or family doctor (BPJS)'),
        // Staff of a Puskesmas or hospital would be seen by their own colleagues there.
        health: t(
          'Puskesmas atau dokter keluarga di luar tempat saya bekerja (BPJS)',
          'A Puskesmas or family doctor other than where I work (BPJS)',
        ),
      }),
    ),
    option('online', t('Layanan konsultasi daring (telepon, chat, atau aplikasi)', 'Online help (phone, chat or app)')),
    option('peer-group', t('Kelompok dukungan sesama pegawai', 'A peer support group of colleagues')),
    option('manager', t('Berbicara dengan atasan', 'Talking with my manager')),
    option('family-friends', t('Keluarga atau teman', 'Family or friends')),
    option(
      'spiritual',
      t('Pendamping rohani atau kegiatan keagamaan', 'A spiritual counsellor or religious activities'),
    ),
    option(
      'flexible-work',
      t(
        'Jam kerja fleksibel atau bekerja dari rumah sementara waktu',
        'Flexible hours or working from home for a while',
      ),
    ),
    option('training', t('Pelatihan mengelola stres', 'Training in managing stress')),
  ];
}

function build(setting: Setting): SurveyDefinition {
  const options = supportOptions(setting);
  return {
    themes: THEMES,
    sections: [
      {
        id: 'choices',
        title: t('Bantuan yang akan Anda gunakan', 'Help you would use'),
        intro: t(
          'Jawaban Anda membantu instansi memilih layanan dukungan yang benar-benar akan dipakai.',
          'Your answers help the agency choose support that people will actually use.',
        ),
        questions: [
          multiple(
            'sup-would-use',
            t(
              'Jika Anda sedang menghadapi tekanan berat, bantuan mana saja yang akan Anda gunakan? Pilih semua yang sesuai.',
              'If you were under heavy strain, which kinds of help would you use? Choose all that apply.',
            ),
            [
              ...options,
              option('none', t('Saya tidak akan menggunakan bantuan apa pun', 'I would not use any of these')),
            ],
          ),
          single(
            'sup-first',
            t(
              'Jika harus memilih satu, ke mana Anda akan mencari bantuan lebih dulu?',
              'If you had to choose one, where would you turn first?',
            ),
            options,
          ),
          multiple(
            'sup-barriers',
            t(
              'Apa yang membuat Anda ragu menggunakan layanan dukungan? Pilih paling banyak tiga.',
              'What makes you hesitate to use support services? Choose up to three.',
            ),
            [
              option(
                'confidentiality',
                t('Khawatir kerahasiaannya tidak terjaga', 'Worry that it will not stay confidential'),
              ),
              option(
                'career',
                t(
                  'Khawatir berpengaruh pada karier atau penilaian kinerja',
                  'Worry about my career or performance appraisal',
                ),
              ),
              option('seen-as-weak', t('Malu atau takut dianggap lemah', 'Embarrassment or fear of looking weak')),
              option('no-time', t('Tidak ada waktu di sela pekerjaan', 'No time around my work')),
              option('cost', t('Biaya', 'Cost')),
              option('distance', t('Tempat layanan jauh', 'The service is too far away')),
              option('unknown', t('Tidak tahu layanan apa yang tersedia', 'I do not know what is available')),
              option('not-needed', t('Merasa tidak membutuhkannya', 'I do not feel I need it')),
            ],
            { maxChoices: 3, required: false },
          ),
          single(
            'sup-format',
            t('Bentuk konseling mana yang paling nyaman bagi Anda?', 'Which form of counselling would suit you best?'),
            [
              option('in-person', t('Tatap muka', 'In person')),
              option('video', t('Panggilan video', 'Video call')),
              option('phone', t('Telepon', 'Phone call')),
              option('chat', t('Pesan tertulis (chat)', 'Written chat')),
              option('not-sure', t('Belum tahu', 'Not sure')),
            ],
          ),
          single(
            'sup-timing',
            t(
              'Kapan Anda paling mungkin dapat mengikuti konseling atau kegiatan dukungan?',
              'When could you most easily attend counselling or a support activity?',
            ),
            [
              option(
                'working-hours',
                pick(setting, {
                  administration: t('Pada jam kerja', 'During working hours'),
                  school: t('Pada jam sekolah, di luar jam mengajar', 'During school hours, outside my lessons'),
                  health: t('Pada jadwal dinas saya', 'During my shift'),
                }),
              ),
              option('after-work', t('Segera setelah selesai bekerja', 'Straight after work')),
              option('weekend', t('Akhir pekan', 'At the weekend')),
              option('any', t('Kapan saja', 'Any time')),
            ],
          ),
          multiple(
            'sup-topics',
            t(
              'Topik pelatihan atau kegiatan apa yang paling Anda butuhkan? Pilih paling banyak tiga.',
              'Which training or activity topics do you need most? Choose up to three.',
            ),
            [
              option('stress', t('Mengelola stres', 'Managing stress')),
              option('time', t('Mengatur waktu dan prioritas', 'Managing time and priorities')),
              option('conflict', t('Komunikasi dan menyelesaikan konflik', 'Communication and resolving conflict')),
              option(
                'difficult-public',
                pick(setting, {
                  administration: t('Menghadapi masyarakat yang sulit', 'Dealing with difficult members of the public'),
                  school: t('Menghadapi siswa dan orang tua yang sulit', 'Dealing with difficult pupils and parents'),
                  health: t(
                    'Menghadapi pasien dan keluarga yang sulit',
                    'Dealing with difficult patients and families',
                  ),
                }),
              ),
              option('finances', t('Mengelola keuangan keluarga', 'Managing family finances')),
              option('sleep', t('Tidur dan pemulihan', 'Sleep and recovery')),
              option('family', t('Pengasuhan dan keluarga', 'Parenting and family')),
              option('mental-health', t('Mengenali masalah kesehatan mental', 'Recognising mental-health problems')),
            ],
            { maxChoices: 3 },
          ),
          ...onlyIn(
            setting,
            'school',
            multiple(
              'sch-pupil-support',
              t(
                'Dukungan apa yang Anda perlukan untuk mendampingi siswa yang sedang mengalami masalah? Pilih semua yang sesuai.',
                'What support do you need to help pupils who are struggling? Choose all that apply.',
              ),
              [
                option(
                  'counsellor',
                  t('Jumlah guru BK atau konselor sekolah yang memadai', 'Enough guidance counsellors (guru BK)'),
                ),
                option('training', t('Pelatihan kesehatan mental siswa', 'Training in pupils’ mental health')),
                option(
                  'referral',
                  t(
                    'Jalur rujukan yang jelas ke Puskesmas atau psikolog',
                    'A clear referral path to a Puskesmas or psychologist',
                  ),
                ),
                option('time', t('Waktu khusus di luar jam mengajar', 'Set time outside my lessons')),
              ],
            ),
          ),
          ...onlyIn(
            setting,
            'health',
            single(
              'hlt-debriefing',
              t(
                'Setelah kejadian berat, seperti pasien meninggal atau kekerasan dari keluarga pasien, apakah Anda ingin ada sesi berbagi bersama tim?',
                'After a hard event, such as a patient’s death or violence from a patient’s family, would you want a team debriefing?',
              ),
              [option('yes', t('Ya', 'Yes')), option('maybe', t('Mungkin', 'Maybe')), option('no', t('Tidak', 'No'))],
            ),
          ),
        ],
      },
      {
        id: 'access',
        title: t('Akses ke dukungan', 'Access to support'),
        questions: [
          agree(
            'acc-know-where',
            'access',
            t(
              'Saya tahu ke mana harus mencari bantuan jika mengalami masalah kesehatan mental.',
              'I know where to get help if I have a mental-health problem.',
            ),
          ),
          agree(
            'acc-reachable',
            'access',
            t(
              'Layanan dukungan yang tersedia mudah saya jangkau dari segi waktu, tempat, dan biaya.',
              'The support on offer is easy for me to reach in time, place and cost.',
            ),
          ),
          agree(
            'acc-work-time',
            'access',
            t(
              'Saya diizinkan memakai jam kerja untuk mengikuti konseling.',
              'I am allowed to use working time to attend counselling.',
            ),
          ),
          agree(
            'acc-manager',
            'access',
            t(
              'Atasan saya mendorong pegawai yang sedang kesulitan untuk mencari bantuan.',
              'My manager encourages people who are struggling to seek help.',
            ),
          ),
          freeText(
            'sup-other',
            t(
              'Dukungan lain apa yang Anda harapkan dari tempat kerja Anda?',
              'What other support would you like from your workplace?',
            ),
          ),
        ],
      },
    ],
  };
}

export const supportUseTemplate: SurveyTemplate<'support-use'> = {
  id: 'support-use',
  name: t('Dukungan yang akan digunakan', 'Support people would use'),
  summary: t(
    'Bantuan apa yang akan dipakai pegawai, apa yang membuat mereka ragu, serta kapan dan dalam bentuk apa.',
    'What help people would use, what holds them back, and when and in what form.',
  ),
  minutes: 4,
  variants: ['school', 'health'],
  build,
};
