import { EAP_EMAIL_DOMAIN, EAP_POSITION, type AgencyBlueprint, type PositionSpec } from './blueprint.js';

/**
 * A regency government (pemerintah kabupaten) in the Special Region of Yogyakarta, all in WIB.
 * The Sekretariat Daerah sits at the top of the tree because it coordinates the regional
 * offices (OPD) for the Bupati; the staff and every name below it are invented.
 */
const ADMIN: PositionSpec[] = [
  { title: 'Analis Kebijakan', weight: 3 },
  { title: 'Pengadministrasi Umum', weight: 2 },
  { title: 'Pranata Komputer', weight: 1 },
  { title: 'Arsiparis', weight: 1 },
];

const PUSKESMAS: PositionSpec[] = [
  { title: 'Dokter', weight: 2, titleBefore: 'dr.' },
  { title: 'Perawat', weight: 4, titleAfter: 'S.Kep., Ns.' },
  { title: 'Bidan', weight: 3, gender: 'female', titleAfter: 'A.Md.Keb.' },
  { title: 'Apoteker', weight: 1, titleAfter: 'S.Farm., Apt.' },
  { title: 'Pranata Laboratorium Kesehatan', weight: 1 },
  { title: 'Nutrisionis', weight: 1 },
  { title: 'Sanitarian', weight: 1 },
  { title: 'Perekam Medis', weight: 1 },
];

const SCHOOL: PositionSpec[] = [
  { title: 'Guru Matematika', weight: 2, titleAfter: 'S.Pd.' },
  { title: 'Guru Bahasa Indonesia', weight: 2, titleAfter: 'S.Pd.' },
  { title: 'Guru Ilmu Pengetahuan Alam', weight: 2, titleAfter: 'S.Pd.' },
  { title: 'Guru Ilmu Pengetahuan Sosial', weight: 1, titleAfter: 'S.Pd.' },
  { title: 'Guru Bahasa Inggris', weight: 1, titleAfter: 'S.Pd.' },
  { title: 'Guru Bimbingan dan Konseling', weight: 1, titleAfter: 'S.Pd.' },
  { title: 'Guru Pendidikan Jasmani', weight: 1, titleAfter: 'S.Pd.' },
  { title: 'Pustakawan', weight: 1 },
];

const PRIMARY_SCHOOL: PositionSpec[] = [
  { title: 'Guru Kelas', weight: 6, titleAfter: 'S.Pd.' },
  { title: 'Guru Pendidikan Agama Islam', weight: 1, titleAfter: 'S.Pd.I.' },
  { title: 'Guru Pendidikan Jasmani', weight: 1, titleAfter: 'S.Pd.' },
];

const KECAMATAN: PositionSpec[] = [
  { title: 'Analis Kebijakan', weight: 2 },
  { title: 'Pengadministrasi Umum', weight: 2 },
  { title: 'Pengelola Layanan Kependudukan', weight: 2 },
  { title: 'Penyuluh Sosial', weight: 1 },
];

const JAVA = 'Asia/Jakarta' as const;

export const SLEMAN: AgencyBlueprint = {
  key: 'sleman',
  seed: 0x51e3a,
  name: 'Pemerintah Kabupaten Sleman',
  shortName: 'Pemkab Sleman',
  kind: 'pemerintah_kabupaten',
  timeZone: JAVA,
  emailDomain: 'demo.slemankab.go.id',
  names: [
    ['javanese', 75],
    ['sundanese', 6],
    ['chinese_indonesian', 5],
    ['minang', 4],
    ['batak', 4],
    ['balinese', 3],
    ['bugis', 3],
  ],
  units: [
    { code: 'SETDA', name: 'Sekretariat Daerah', parentCode: null, timeZone: JAVA, headTitle: 'Sekretaris Daerah', staff: 6, positions: ADMIN },
    {
      code: 'SETDA-TAPEM', name: 'Bagian Tata Pemerintahan', parentCode: 'SETDA', timeZone: JAVA,
      headTitle: 'Kepala Bagian Tata Pemerintahan', staff: 6, positions: ADMIN,
    },
    {
      code: 'SETDA-ORG', name: 'Bagian Organisasi', parentCode: 'SETDA', timeZone: JAVA, headTitle: 'Kepala Bagian Organisasi', staff: 5,
      positions: [{ title: 'Analis Jabatan', weight: 2 }, { title: 'Analis Tata Laksana', weight: 2 }, { title: 'Analis Kebijakan', weight: 1 }],
    },
    {
      code: 'SETDA-HUK', name: 'Bagian Hukum', parentCode: 'SETDA', timeZone: JAVA, headTitle: 'Kepala Bagian Hukum', staff: 5,
      positions: [
        { title: 'Perancang Peraturan Perundang-undangan', weight: 2, titleAfter: 'S.H.' },
        { title: 'Analis Hukum', weight: 2, titleAfter: 'S.H.' },
        { title: 'Pengadministrasi Umum', weight: 1 },
      ],
    },
    {
      code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', parentCode: 'SETDA', timeZone: JAVA,
      headTitle: 'Kepala BKPSDM', staff: 9,
      positions: [
        { title: 'Analis Sumber Daya Manusia Aparatur', weight: 3 },
        { title: 'Asesor Sumber Daya Manusia Aparatur', weight: 1 },
        { title: 'Pranata Komputer', weight: 1 },
        { title: 'Arsiparis', weight: 1 },
      ],
    },
    {
      code: 'BKPSDM-BANGKOM', name: 'Bidang Pengembangan Kompetensi', parentCode: 'BKPSDM', timeZone: JAVA,
      headTitle: 'Kepala Bidang Pengembangan Kompetensi', staff: 5,
      positions: [{ title: 'Analis Sumber Daya Manusia Aparatur', weight: 2 }, { title: 'Widyaiswara', weight: 1 }, { title: 'Pengadministrasi Umum', weight: 1 }],
    },
    {
      code: 'DINKES', name: 'Dinas Kesehatan', parentCode: 'SETDA', timeZone: JAVA, headTitle: 'Kepala Dinas Kesehatan', headTitleBefore: 'dr.',
      staff: 9, femaleShare: 0.6,
      positions: [
        { title: 'Administrator Kesehatan', weight: 2 },
        { title: 'Epidemiolog Kesehatan', weight: 2 },
        { title: 'Penyuluh Kesehatan Masyarakat', weight: 2 },
        { title: 'Pranata Komputer', weight: 1 },
      ],
    },
    {
      code: 'PKM-DEPOK1', name: 'UPT Puskesmas Depok I', parentCode: 'DINKES', timeZone: JAVA, headTitle: 'Kepala UPT Puskesmas Depok I',
      staff: 14, positions: PUSKESMAS, pppkShare: 0.25, femaleShare: 0.7,
    },
    {
      code: 'PKM-GAMPING1', name: 'UPT Puskesmas Gamping I', parentCode: 'DINKES', timeZone: JAVA, headTitle: 'Kepala UPT Puskesmas Gamping I',
      headTitleBefore: 'dr.', staff: 13, positions: PUSKESMAS, pppkShare: 0.25, femaleShare: 0.7,
    },
    {
      code: 'PKM-NGAGLIK1', name: 'UPT Puskesmas Ngaglik I', parentCode: 'DINKES', timeZone: JAVA, headTitle: 'Kepala UPT Puskesmas Ngaglik I',
      headTitleBefore: 'dr.', staff: 12, positions: PUSKESMAS, pppkShare: 0.25, femaleShare: 0.7,
    },
    {
      code: 'DISDIK', name: 'Dinas Pendidikan', parentCode: 'SETDA', timeZone: JAVA, headTitle: 'Kepala Dinas Pendidikan', staff: 7,
      positions: [{ title: 'Pengawas Sekolah', weight: 2 }, { title: 'Penilik', weight: 1 }, { title: 'Analis Kebijakan', weight: 2 }, { title: 'Pranata Komputer', weight: 1 }],
    },
    {
      code: 'SMPN1-SLEMAN', name: 'SMP Negeri 1 Sleman', parentCode: 'DISDIK', timeZone: JAVA, headTitle: 'Kepala SMP Negeri 1 Sleman',
      staff: 16, positions: SCHOOL, pppkShare: 0.4, femaleShare: 0.65,
    },
    {
      code: 'SDN-TRIDADI1', name: 'SD Negeri Tridadi 1', parentCode: 'DISDIK', timeZone: JAVA, headTitle: 'Kepala SD Negeri Tridadi 1',
      staff: 10, positions: PRIMARY_SCHOOL, pppkShare: 0.45, femaleShare: 0.7,
    },
    {
      code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', parentCode: 'SETDA', timeZone: JAVA,
      headTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil', staff: 10,
      positions: [
        { title: 'Administrator Database Kependudukan', weight: 3 },
        { title: 'Pengelola Layanan Kependudukan', weight: 3 },
        { title: 'Pranata Komputer', weight: 1 },
        { title: 'Analis Kebijakan', weight: 1 },
      ],
    },
    {
      code: 'DPUPKP', name: 'Dinas Pekerjaan Umum, Perumahan dan Kawasan Permukiman', parentCode: 'SETDA', timeZone: JAVA,
      headTitle: 'Kepala Dinas Pekerjaan Umum, Perumahan dan Kawasan Permukiman', staff: 9, femaleShare: 0.3,
      positions: [
        { title: 'Teknik Jalan dan Jembatan', weight: 3, titleAfter: 'S.T.' },
        { title: 'Teknik Pengairan', weight: 2, titleAfter: 'S.T.' },
        { title: 'Penata Ruang', weight: 1 },
        { title: 'Penata Kelola Bangunan Gedung dan Kawasan Permukiman', weight: 1 },
      ],
    },
    {
      code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', parentCode: 'SETDA', timeZone: JAVA,
      headTitle: 'Kepala Dinas Komunikasi dan Informatika', staff: 7,
      positions: [{ title: 'Pranata Komputer', weight: 3 }, { title: 'Pranata Hubungan Masyarakat', weight: 2 }, { title: 'Sandiman', weight: 1 }, { title: 'Statistisi', weight: 1 }],
    },
    { code: 'KEC-DEPOK', name: 'Kecamatan Depok', parentCode: 'SETDA', timeZone: JAVA, headTitle: 'Camat Depok', staff: 7, positions: KECAMATAN },
    { code: 'KEC-MLATI', name: 'Kecamatan Mlati', parentCode: 'SETDA', timeZone: JAVA, headTitle: 'Camat Mlati', staff: 6, positions: KECAMATAN },
    {
      code: 'KEC-TURI', name: 'Kecamatan Turi', parentCode: 'SETDA', timeZone: JAVA, headTitle: 'Camat Turi', staff: 6,
      positions: [...KECAMATAN, { title: 'Penyuluh Pertanian', weight: 2 }],
    },
  ],
  keyPeople: [
    {
      unitCode: 'PKM-DEPOK1', name: { given: 'Sri', family: 'Wahyuningsih', titleAfter: 'S.Kep., Ns.' }, gender: 'female',
      position: 'Perawat Ahli Pertama', employmentType: 'pns', roles: [], signIn: { label: 'Employee', with: 'nip' },
    },
    {
      unitCode: 'PKM-DEPOK1', name: { given: 'Bambang', family: 'Wicaksono', titleBefore: 'dr.' }, gender: 'male',
      position: 'Kepala UPT Puskesmas Depok I', employmentType: 'pns', isHead: true, roles: [{ role: 'manager', unitCode: 'PKM-DEPOK1' }],
      signIn: { label: 'Manager', with: 'email' },
    },
    {
      unitCode: 'BKPSDM', name: { given: 'Dewi', family: 'Kusumaningrum' }, gender: 'female',
      position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda', employmentType: 'pns', roles: [{ role: 'wellbeing_admin', unitCode: null }],
      signIn: { label: 'Wellbeing admin', with: 'email' },
    },
    {
      unitCode: 'BKPSDM', name: { given: 'Andreas', family: 'Hutapea' }, gender: 'male',
      position: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', employmentType: 'pns', roles: [{ role: 'wellbeing_admin', unitCode: null }],
    },
    {
      unitCode: 'PKM-GAMPING1', name: { given: 'Retno', family: 'Palupi', titleAfter: 'M.Psi., Psikolog' }, gender: 'female',
      position: 'Psikolog Klinis Ahli Muda', employmentType: 'pns', roles: [{ role: 'counsellor', unitCode: null }],
      signIn: { label: 'Counsellor (internal)', with: 'email' },
    },
    {
      unitCode: 'BKPSDM', name: { given: 'Yohana', family: 'Pattiasina', titleAfter: 'M.Psi., Psikolog' }, gender: 'female',
      position: EAP_POSITION, employmentType: 'non_asn', roles: [{ role: 'counsellor', unitCode: null }], emailDomain: EAP_EMAIL_DOMAIN,
      signIn: { label: 'Counsellor (EAP)', with: 'email' },
    },
    {
      unitCode: 'DISKOMINFO', name: { given: 'Rizky', family: 'Pratama' }, gender: 'male',
      position: 'Pranata Komputer Ahli Muda', employmentType: 'pns', roles: [{ role: 'agency_admin', unitCode: null }],
      signIn: { label: 'Agency admin', with: 'email' },
    },
    {
      unitCode: 'DISKOMINFO', name: { given: 'Hendra', family: 'Gunawan' }, gender: 'male',
      position: 'Pranata Komputer Ahli Madya', employmentType: 'pns', roles: [{ role: 'platform_admin', unitCode: null }],
      signIn: { label: 'Platform admin', with: 'email' },
    },
    // Issue 7: the data-protection officer (PPDP) and the clinical supervisor.
    {
      unitCode: 'DISKOMINFO', name: { given: 'Lestari', family: 'Widyaningsih', titleAfter: 'S.H., M.H.' }, gender: 'female',
      position: 'Analis Hukum Ahli Muda', employmentType: 'pns', roles: [{ role: 'dpo', unitCode: null }],
      signIn: { label: 'Data-protection officer', with: 'email' },
    },
    {
      unitCode: 'PKM-GAMPING1', name: { given: 'Hari', family: 'Setiawan', titleAfter: 'M.Psi., Psikolog' }, gender: 'male',
      position: 'Psikolog Klinis Ahli Madya', employmentType: 'pns', roles: [{ role: 'clinical_supervisor', unitCode: null }],
      signIn: { label: 'Clinical supervisor', with: 'email' },
    },
  ],
};
