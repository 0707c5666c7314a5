import type { ChoiceOption, SurveyDefinition, Theme } from '../definition.js';
import { agree, freeText, option, rating, single, t } from './items.js';
import { onlyIn, pick, type Setting, type SurveyTemplate } from './template.js';

/**
 * After-hours contact and boundaries (docs/surveys.md#after-hours-contact-and-boundaries): how
 * often work reaches people outside their hours, whether they are expected to answer, whether they
 * can take leave and breaks, and how usual overtime is. Frequencies are single choices (counts
 * mean more to a unit than an index); attitudes are statements grouped in themes. For health
 * staff "working hours" are their shift, so the wording follows the roster.
 */

const THEMES: readonly Theme[] = [
  {
    id: 'disconnect',
    name: t('Lepas dari pekerjaan', 'Switching off'),
    description: t(
      'Apakah pegawai dapat mengabaikan pesan kerja di luar jam kerja tanpa rasa bersalah.',
      'Whether people can leave work messages until working hours without guilt.',
    ),
  },
  {
    id: 'rest',
    name: t('Cuti dan istirahat', 'Leave and breaks'),
    description: t(
      'Apakah cuti dan waktu istirahat dapat diambil dan benar-benar dipakai untuk beristirahat.',
      'Whether leave and breaks can be taken and are really restful.',
    ),
  },
  {
    id: 'overtime',
    name: t('Lembur', 'Overtime'),
    description: t(
      'Seberapa biasa lembur dan membawa pekerjaan pulang, dan apakah lembur diakui.',
      'How usual overtime and taking work home are, and whether overtime is recognised.',
    ),
  },
];

const FREQUENCY: readonly ChoiceOption[] = [
  option('never', t('Tidak pernah', 'Never')),
  option('monthly', t('Satu sampai tiga kali sebulan', 'One to three times a month')),
  option('weekly', t('Sekitar sekali seminggu', 'About once a week')),
  option('several-weekly', t('Beberapa kali seminggu', 'Several times a week')),
  option('daily', t('Hampir setiap hari', 'Almost every day')),
];

function build(setting: Setting): SurveyDefinition {
  // Person-neutral, so that it reads right both in questions (Anda) and in statements (saya).
  const outsideHours = pick(setting, {
    administration: t('di luar jam kerja', 'outside working hours'),
    health: t('di luar jadwal dinas', 'outside rostered hours'),
  });
  return {
    themes: THEMES,
    sections: [
      {
        id: 'contact',
        title: t(`Pesan dan telepon ${outsideHours.id}`, `Messages and calls ${outsideHours.en}`),
        intro: t(
          'Pikirkan sebulan terakhir. Pesan termasuk WhatsApp, grup kantor, email, dan telepon.',
          'Think of the last month. Messages include WhatsApp, office groups, email and calls.',
        ),
        questions: [
          single(
            'ah-messages',
            t(
              `Seberapa sering Anda menerima pesan atau telepon urusan pekerjaan ${outsideHours.id}?`,
              `How often do you get work messages or calls ${outsideHours.en}?`,
            ),
            FREQUENCY,
          ),
          single(
            'ah-days-off',
            t(
              'Seberapa sering Anda menerima pesan atau telepon urusan pekerjaan pada hari libur atau saat cuti?',
              'How often do you get work messages or calls on days off or while on leave?',
            ),
            FREQUENCY,
          ),
          agree(
            'dsc-reply-at-once',
            'disconnect',
            t(
              `Saya merasa harus segera membalas pesan pekerjaan meskipun ${outsideHours.id}.`,
              `I feel I must answer work messages at once, even ${outsideHours.en}.`,
            ),
            { reverse: true },
          ),
          agree(
            'dsc-next-day',
            'disconnect',
            pick(setting, {
              administration: t(
                'Di unit saya, wajar jika pesan yang masuk di luar jam kerja baru dibalas pada hari kerja berikutnya.',
                'In my unit it is accepted that messages sent outside working hours are answered on the next working day.',
              ),
              health: t(
                'Di unit saya, wajar jika pesan yang masuk di luar jadwal dinas baru dibalas saat saya kembali bertugas.',
                'In my unit it is accepted that messages sent outside rostered hours are answered when I am next on duty.',
              ),
            }),
          ),
          agree(
            'dsc-manager',
            'disconnect',
            t(
              `Atasan saya menghormati waktu istirahat saya dan hanya menghubungi saya ${outsideHours.id} untuk urusan yang benar-benar mendesak.`,
              `My manager respects my rest and contacts me ${outsideHours.en} only for truly urgent matters.`,
            ),
          ),
          agree(
            'dsc-urgent-agreed',
            'disconnect',
            t(
              'Unit saya punya kesepakatan yang jelas tentang apa yang termasuk urusan mendesak.',
              'My unit has a clear agreement on what counts as urgent.',
            ),
          ),
          agree(
            'dsc-private-number',
            'disconnect',
            pick(setting, {
              administration: t(
                'Masyarakat atau pihak luar menghubungi nomor pribadi saya untuk urusan layanan di luar jam kerja.',
                'Members of the public or outside parties contact my personal number about services outside working hours.',
              ),
              school: t(
                'Orang tua atau wali siswa menghubungi nomor pribadi saya di luar jam sekolah.',
                'Parents or guardians contact my personal number outside school hours.',
              ),
              health: t(
                'Pasien atau keluarganya menghubungi nomor pribadi saya di luar jadwal dinas.',
                'Patients or their families contact my personal number outside rostered hours.',
              ),
            }),
            { reverse: true },
          ),
          rating(
            'dsc-switch-off',
            'disconnect',
            t(
              'Seberapa mudah bagi Anda untuk benar-benar lepas dari urusan pekerjaan setelah selesai bekerja?',
              'How easy is it for you to really switch off from work once your working day is over?',
            ),
            t('Sangat sulit', 'Very hard'),
            t('Sangat mudah', 'Very easy'),
          ),
        ],
      },
      {
        id: 'leave-and-overtime',
        title: t('Cuti, istirahat, dan lembur', 'Leave, breaks and overtime'),
        questions: [
          agree(
            'rst-leave',
            'rest',
            t('Saya dapat mengambil cuti tahunan saat saya membutuhkannya.', 'I can take annual leave when I need it.'),
          ),
          agree(
            'rst-leave-guilt',
            'rest',
            t(
              'Saya merasa sungkan kepada rekan kerja atau atasan jika mengambil cuti.',
              'I feel awkward towards colleagues or my manager when I take leave.',
            ),
            { reverse: true },
          ),
          agree(
            'rst-breaks',
            'rest',
            pick(setting, {
              administration: t(
                'Saya dapat mengambil waktu istirahat siang dengan layak.',
                'I can take a proper lunch break.',
              ),
              school: t(
                'Saya dapat beristirahat dengan layak di sela jam mengajar.',
                'I can take proper breaks between lessons.',
              ),
              health: t(
                'Saya dapat beristirahat dengan layak selama shift.',
                'I can take proper breaks during my shift.',
              ),
            }),
          ),
          single(
            'ovt-hours',
            pick(setting, {
              administration: t(
                'Dalam minggu kerja biasa, berapa jam Anda bekerja melebihi jam kerja resmi, termasuk pekerjaan yang dibawa pulang?',
                'In an ordinary week, how many hours do you work beyond your official hours, including work taken home?',
              ),
              health: t(
                'Dalam minggu kerja biasa, berapa jam Anda bekerja melebihi jadwal dinas, termasuk pekerjaan yang dibawa pulang?',
                'In an ordinary week, how many hours do you work beyond your rostered shifts, including work taken home?',
              ),
            }),
            [
              option('none', t('Tidak ada', 'None')),
              option('under-2', t('Kurang dari 2 jam', 'Less than 2 hours')),
              option('2-5', t('2 sampai 5 jam', '2 to 5 hours')),
              option('5-10', t('Lebih dari 5 sampai 10 jam', 'More than 5, up to 10 hours')),
              option('over-10', t('Lebih dari 10 jam', 'More than 10 hours')),
            ],
          ),
          agree(
            'ovt-usual',
            'overtime',
            t('Lembur sudah menjadi hal biasa di unit saya.', 'Overtime has become normal in my unit.'),
            { reverse: true },
          ),
          agree(
            'ovt-recognised',
            'overtime',
            t(
              'Lembur yang saya lakukan tercatat dan diakui, misalnya dengan surat perintah lembur atau waktu pengganti.',
              'The overtime I do is recorded and recognised, for example by an overtime order or time off in lieu.',
            ),
          ),
          agree(
            'ovt-take-home',
            'overtime',
            pick(setting, {
              administration: t(
                'Saya sering membawa pulang pekerjaan kantor untuk diselesaikan di rumah.',
                'I often take office work home to finish.',
              ),
              school: t(
                'Saya sering menyelesaikan koreksi, administrasi, atau persiapan mengajar di rumah.',
                'I often finish marking, paperwork or lesson preparation at home.',
              ),
              health: t(
                'Saya sering menyelesaikan laporan atau administrasi pelayanan di rumah.',
                'I often finish reports or care paperwork at home.',
              ),
            }),
            { reverse: true },
          ),
          ...onlyIn(
            setting,
            'health',
            agree(
              'hlt-on-call',
              'overtime',
              t(
                'Tugas jaga dan panggilan di luar jadwal dinas dibagi secara adil di unit saya.',
                'On-call duty and call-outs outside the roster are shared fairly in my unit.',
              ),
            ),
          ),
          freeText(
            'ah-agreement',
            t(
              'Kesepakatan apa tentang pesan dan lembur yang akan membantu unit Anda?',
              'What agreement about messages and overtime would help your unit?',
            ),
          ),
        ],
      },
    ],
  };
}

export const afterHoursTemplate: SurveyTemplate<'after-hours'> = {
  id: 'after-hours',
  name: t('Kontak di luar jam kerja dan batas kerja', 'After-hours contact and boundaries'),
  summary: t(
    'Pesan di luar jam kerja, harapan untuk segera membalas, cuti dan istirahat, serta lembur.',
    'Messages outside working hours, the expectation to answer, leave and breaks, and overtime.',
  ),
  minutes: 5,
  variants: ['school', 'health'],
  build,
};
