import type { SurveyDefinition, Theme } from '../definition.js';
import { agree, freeText, option, single, t } from './items.js';
import { onlyIn, pick, type Setting, type SurveyTemplate } from './template.js';

/**
 * Sources of work pressure (docs/surveys.md#sources-of-work-pressure): ten areas of work that are
 * known to wear people down when they go wrong, asked as statements about the unit rather than about
 * the person's own health. The items are written for Teduh; they follow the usual areas of
 * work-stress risk assessment but copy no published questionnaire. A negatively worded item
 * (`reverse`) is favourable when people disagree with it.
 */

const THEMES: readonly Theme[] = [
  {
    id: 'demands',
    name: t('Tuntutan kerja', 'Demands'),
    description: t(
      'Banyak, cepat, dan ketatnya pekerjaan dibandingkan waktu yang tersedia.',
      'How much work there is, how fast and how tight, against the time available.',
    ),
  },
  {
    id: 'control',
    name: t('Kendali atas pekerjaan', 'Control'),
    description: t(
      'Seberapa jauh pegawai dapat menentukan cara, urutan, dan kecepatan kerjanya.',
      'How far people decide how, in what order and at what pace they work.',
    ),
  },
  {
    id: 'role-clarity',
    name: t('Kejelasan peran', 'Role clarity'),
    description: t(
      'Apakah tugas, tanggung jawab, dan target kinerja jelas dan sesuai kenyataan.',
      'Whether duties, responsibilities and performance targets are clear and match reality.',
    ),
  },
  {
    id: 'role-conflict',
    name: t('Konflik peran', 'Role conflict'),
    description: t(
      'Perintah yang saling bertentangan dan tugas di luar tugas pokok.',
      'Conflicting instructions and tasks outside one’s main duties.',
    ),
  },
  {
    id: 'manager-support',
    name: t('Dukungan atasan', 'Manager support'),
    description: t(
      'Masukan, perhatian, dan penghargaan dari atasan langsung.',
      'Feedback, attention and recognition from one’s direct manager.',
    ),
  },
  {
    id: 'colleague-support',
    name: t('Dukungan rekan kerja', 'Colleague support'),
    description: t('Bantuan dan sikap hormat di antara rekan kerja.', 'Help and respect among colleagues.'),
  },
  {
    id: 'relationships',
    name: t('Hubungan kerja', 'Relationships'),
    description: t(
      'Konflik yang tidak selesai, perilaku merendahkan, dan perundungan di unit kerja.',
      'Unresolved conflict, belittling behaviour and bullying in the unit.',
    ),
  },
  {
    id: 'change',
    name: t('Pengelolaan perubahan', 'Change'),
    description: t(
      'Bagaimana perubahan aturan, aplikasi, dan struktur dijelaskan dan dijalankan.',
      'How changes of rules, applications and structure are explained and carried out.',
    ),
  },
  {
    id: 'public-scrutiny',
    name: t('Sorotan publik dan pengaduan', 'Public scrutiny and complaints'),
    description: t(
      'Tekanan dari pihak yang dilayani, pengaduan, dan sorotan media sosial.',
      'Pressure from the people served, complaints and social-media scrutiny.',
    ),
  },
  {
    id: 'admin-load',
    name: t('Beban administrasi', 'Administrative load'),
    description: t(
      'Waktu yang tersita oleh pelaporan, pengisian aplikasi, dan data ganda.',
      'Time taken by reporting, filling in applications and duplicate data entry.',
    ),
  },
];

function build(setting: Setting): SurveyDefinition {
  return {
    themes: THEMES,
    sections: [
      {
        id: 'workload',
        title: t('Beban dan kendali kerja', 'Workload and control'),
        intro: t(
          'Pikirkan pekerjaan Anda selama tiga bulan terakhir. Tidak ada jawaban benar atau salah.',
          'Think of your work over the last three months. There are no right or wrong answers.',
        ),
        questions: [
          agree(
            'dem-time',
            'demands',
            pick(setting, {
              administration: t(
                'Saya punya cukup waktu untuk menyelesaikan pekerjaan saya dalam jam kerja.',
                'I have enough time to finish my work within working hours.',
              ),
              health: t(
                'Saya punya cukup waktu untuk menyelesaikan pekerjaan saya dalam jadwal dinas.',
                'I have enough time to finish my work within my shift.',
              ),
            }),
          ),
          agree(
            'dem-deadlines',
            'demands',
            t(
              'Saya sering harus mengejar tenggat waktu yang tidak realistis.',
              'I often have to chase unrealistic deadlines.',
            ),
            { reverse: true },
          ),
          agree(
            'dem-pace',
            'demands',
            t(
              'Saya harus bekerja dengan sangat cepat hampir sepanjang hari.',
              'I have to work very fast for most of the day.',
            ),
            { reverse: true },
          ),
          ...onlyIn(
            setting,
            'school',
            agree(
              'sch-class-size',
              'demands',
              t(
                'Jumlah siswa di kelas saya memungkinkan saya memperhatikan setiap siswa.',
                'The number of pupils in my classes lets me give each of them attention.',
              ),
            ),
          ),
          ...onlyIn(
            setting,
            'health',
            agree(
              'hlt-staffing',
              'demands',
              t(
                'Jumlah tenaga pada shift saya cukup untuk melayani pasien dengan aman.',
                'There are enough staff on my shift to care for patients safely.',
              ),
            ),
          ),
          agree(
            'ctl-how',
            'control',
            t(
              'Saya dapat menentukan sendiri cara menyelesaikan pekerjaan saya.',
              'I can decide for myself how to do my work.',
            ),
          ),
          agree(
            'ctl-pace',
            'control',
            t(
              'Saya dapat mengatur urutan dan kecepatan kerja saya sendiri.',
              'I can set the order and pace of my own work.',
            ),
          ),
          agree(
            'ctl-say',
            'control',
            t(
              'Pendapat saya diperhitungkan ketika pembagian tugas di unit saya diputuskan.',
              'My views are taken into account when work in my unit is allocated.',
            ),
          ),
          agree(
            'adm-time',
            'admin-load',
            pick(setting, {
              administration: t(
                'Pelaporan, SPJ, dan pengisian e-Kinerja menyita waktu yang seharusnya untuk tugas utama saya.',
                'Reporting, expense accountability (SPJ) and e-Kinerja entries take time that should go to my main duties.',
              ),
              school: t(
                'Pengisian Dapodik, e-Kinerja, dan laporan ke dinas menyita waktu yang seharusnya untuk mengajar dan mendampingi siswa.',
                'Dapodik, e-Kinerja and reports to the education office take time that should go to teaching and supporting pupils.',
              ),
              health: t(
                'Administrasi klaim BPJS, rekam medis, dan laporan ke dinas kesehatan menyita waktu yang seharusnya untuk pasien.',
                'BPJS claims, medical records and reports to the health office take time that should go to patients.',
              ),
            }),
            { reverse: true },
          ),
          agree(
            'adm-duplicate',
            'admin-load',
            t(
              'Saya harus memasukkan data yang sama ke beberapa aplikasi atau format laporan.',
              'I have to enter the same data into several applications or report formats.',
            ),
            { reverse: true },
          ),
          agree(
            'adm-systems',
            'admin-load',
            t(
              'Aplikasi yang saya gunakan untuk pelaporan berjalan lancar dan memudahkan pekerjaan saya.',
              'The applications I use for reporting work smoothly and make my job easier.',
            ),
          ),
        ],
      },
      {
        id: 'role',
        title: t('Peran dan perubahan', 'Role and change'),
        questions: [
          agree(
            'rcl-duties',
            'role-clarity',
            t(
              'Saya tahu dengan jelas apa tugas dan tanggung jawab saya.',
              'I know clearly what my duties and responsibilities are.',
            ),
          ),
          agree(
            'rcl-targets',
            'role-clarity',
            t(
              'Target kinerja saya (SKP) jelas dan sesuai dengan pekerjaan yang benar-benar saya lakukan.',
              'My performance targets (SKP) are clear and match the work I actually do.',
            ),
          ),
          agree(
            'rcf-instructions',
            'role-conflict',
            t(
              'Saya menerima perintah atau permintaan yang saling bertentangan dari pihak yang berbeda.',
              'I receive conflicting instructions or requests from different people.',
            ),
            { reverse: true },
          ),
          agree(
            'rcf-outside',
            'role-conflict',
            t(
              'Saya sering diminta mengerjakan tugas di luar tugas pokok saya.',
              'I am often asked to do tasks outside my main duties.',
            ),
            { reverse: true },
          ),
          ...onlyIn(
            setting,
            'administration',
            agree(
              'gov-procedure',
              'role-conflict',
              t(
                'Saya mendapat tekanan untuk memenuhi permintaan yang tidak sesuai prosedur.',
                'I come under pressure to meet requests that do not follow procedure.',
              ),
              { reverse: true },
            ),
          ),
          agree(
            'chg-consulted',
            'change',
            t(
              'Pegawai diajak berdiskusi sebelum ada perubahan yang memengaruhi pekerjaan mereka.',
              'Staff are consulted before changes that affect their work.',
            ),
          ),
          agree(
            'chg-explained',
            'change',
            t(
              'Ketika ada perubahan aturan, aplikasi, atau struktur, saya mendapat penjelasan dan waktu yang cukup untuk menyesuaikan diri.',
              'When rules, applications or structures change, I get enough explanation and time to adjust.',
            ),
          ),
          agree(
            'chg-frequency',
            'change',
            t(
              'Kebijakan dan aplikasi di tempat kerja saya terlalu sering berubah sehingga sulit diikuti.',
              'Policies and applications at my workplace change too often to keep up with.',
            ),
            { reverse: true },
          ),
          ...onlyIn(
            setting,
            'school',
            agree(
              'sch-curriculum',
              'change',
              t(
                'Saya mendapat pelatihan dan pendampingan yang cukup untuk menerapkan perubahan kurikulum.',
                'I get enough training and support to put curriculum changes into practice.',
              ),
            ),
          ),
        ],
      },
      {
        id: 'support',
        title: t('Dukungan dan hubungan kerja', 'Support and relationships'),
        questions: [
          agree(
            'mgr-feedback',
            'manager-support',
            t(
              'Atasan saya memberi masukan yang membantu tentang pekerjaan saya.',
              'My manager gives me helpful feedback on my work.',
            ),
          ),
          agree(
            'mgr-talk',
            'manager-support',
            t(
              'Saya dapat membicarakan masalah pekerjaan yang membebani saya dengan atasan saya.',
              'I can talk to my manager about work problems that weigh on me.',
            ),
          ),
          agree(
            'mgr-recognition',
            'manager-support',
            t(
              'Atasan saya menghargai usaha saya, tidak hanya hasilnya.',
              'My manager values my effort, not only the results.',
            ),
          ),
          agree(
            'col-help',
            'colleague-support',
            t(
              'Rekan kerja saya bersedia membantu ketika pekerjaan saya menumpuk.',
              'My colleagues are willing to help when my work piles up.',
            ),
          ),
          agree(
            'col-respect',
            'colleague-support',
            t('Rekan kerja saya memperlakukan saya dengan hormat.', 'My colleagues treat me with respect.'),
          ),
          agree(
            'rel-conflict',
            'relationships',
            t(
              'Ada ketegangan atau konflik antarpegawai di unit saya yang dibiarkan berlarut-larut.',
              'There is friction or conflict between staff in my unit that is left to drag on.',
            ),
            { reverse: true },
          ),
          agree(
            'rel-bullying',
            'relationships',
            t(
              'Di unit saya, perilaku merendahkan atau perundungan tidak dibiarkan.',
              'In my unit, belittling behaviour and bullying are not tolerated.',
            ),
          ),
        ],
      },
      {
        id: 'public',
        title: pick(setting, {
          administration: t('Pelayanan kepada masyarakat', 'Serving the public'),
          school: t('Siswa dan orang tua', 'Pupils and parents'),
          health: t('Pasien dan keluarganya', 'Patients and their families'),
        }),
        questions: [
          agree(
            'pub-pressure',
            'public-scrutiny',
            pick(setting, {
              administration: t(
                'Tuntutan dan keluhan masyarakat yang kami layani membuat saya tertekan.',
                'Demands and complaints from the public we serve put me under pressure.',
              ),
              school: t(
                'Tuntutan dan keluhan orang tua atau wali siswa membuat saya tertekan.',
                'Demands and complaints from parents and guardians put me under pressure.',
              ),
              health: t(
                'Tuntutan dan keluhan pasien serta keluarganya membuat saya tertekan.',
                'Demands and complaints from patients and their families put me under pressure.',
              ),
            }),
            { reverse: true },
          ),
          agree(
            'pub-fairness',
            'public-scrutiny',
            pick(setting, {
              administration: t(
                'Jika ada pengaduan masyarakat tentang pekerjaan saya, saya yakin instansi akan menanganinya dengan adil dan mendengar penjelasan saya.',
                'If a member of the public complains about my work, I trust my agency to handle it fairly and hear my side.',
              ),
              school: t(
                'Jika ada pengaduan orang tua atau masyarakat tentang pekerjaan saya, saya yakin sekolah dan dinas pendidikan akan menanganinya dengan adil dan mendengar penjelasan saya.',
                'If parents or the public complain about my work, I trust my school and the education office to handle it fairly and hear my side.',
              ),
              health: t(
                'Jika ada pengaduan pasien atau keluarganya tentang pekerjaan saya, saya yakin fasilitas kesehatan tempat saya bekerja akan menanganinya dengan adil dan mendengar penjelasan saya.',
                'If a patient or their family complains about my work, I trust my health facility to handle it fairly and hear my side.',
              ),
            }),
          ),
          agree(
            'pub-social-media',
            'public-scrutiny',
            t(
              'Saya khawatir pekerjaan saya dipersoalkan atau menjadi viral di media sosial.',
              'I worry that my work will be attacked or go viral on social media.',
            ),
            { reverse: true },
          ),
          single(
            'pub-abuse',
            pick(setting, {
              administration: t(
                'Dalam enam bulan terakhir, seberapa sering Anda menerima kata-kata kasar, ancaman, atau kekerasan dari orang yang Anda layani?',
                'In the last six months, how often have you faced abusive words, threats or violence from people you serve?',
              ),
              school: t(
                'Dalam enam bulan terakhir, seberapa sering Anda menerima kata-kata kasar, ancaman, atau kekerasan dari siswa atau orang tua?',
                'In the last six months, how often have you faced abusive words, threats or violence from pupils or parents?',
              ),
              health: t(
                'Dalam enam bulan terakhir, seberapa sering Anda menerima kata-kata kasar, ancaman, atau kekerasan dari pasien atau keluarganya?',
                'In the last six months, how often have you faced abusive words, threats or violence from patients or their families?',
              ),
            }),
            [
              option('never', t('Tidak pernah', 'Never')),
              option('once-twice', t('Sekali atau dua kali', 'Once or twice')),
              option('several', t('Beberapa kali', 'Several times')),
              option('often', t('Sering', 'Often')),
            ],
          ),
          freeText(
            'wp-one-change',
            t(
              'Apa satu perubahan yang paling dapat mengurangi tekanan kerja di unit Anda?',
              'What one change would most reduce work pressure in your unit?',
            ),
          ),
        ],
      },
    ],
  };
}

export const workPressureTemplate: SurveyTemplate<'work-pressure'> = {
  id: 'work-pressure',
  name: t('Sumber tekanan kerja', 'Sources of work pressure'),
  summary: t(
    'Sepuluh sumber tekanan kerja — dari tuntutan dan kendali hingga pengaduan dan beban administrasi — untuk menentukan apa yang perlu dibenahi lebih dulu.',
    'Ten sources of work pressure — from demands and control to complaints and administrative load — to decide what to fix first.',
  ),
  minutes: 8,
  variants: ['school', 'health'],
  build,
};
