import { EAP_EMAIL_DOMAIN, EAP_POSITION, type AgencyBlueprint, type PositionSpec, type UnitBlueprint } from './blueprint.js';

/**
 * A fictional central agency (lembaga) with its head office in Jakarta and regional offices in
 * all three time zones, so that quiet hours, reminders and "today" differ between units.
 */
const REGIONAL_OFFICE: PositionSpec[] = [
  { title: 'Analis Standardisasi', weight: 3 },
  { title: 'Penguji Mutu Barang', weight: 3 },
  { title: 'Asesor Kompetensi', weight: 2 },
  { title: 'Pranata Komputer', weight: 1 },
  { title: 'Analis Keuangan Pusat dan Daerah', weight: 1 },
  { title: 'Pengadministrasi Umum', weight: 2 },
  { title: 'Pranata Hubungan Masyarakat', weight: 1 },
];

function regionalOffice(
  code: string,
  province: string,
  timeZone: UnitBlueprint['timeZone'],
  names: NonNullable<UnitBlueprint['names']>,
): UnitBlueprint {
  return {
    code,
    name: `Kantor Wilayah ${province}`,
    parentCode: 'PUSAT',
    timeZone,
    headTitle: `Kepala Kantor Wilayah ${province}`,
    staff: 14,
    positions: REGIONAL_OFFICE,
    names,
    pppkShare: 0.12,
  };
}

const JKT = 'Asia/Jakarta' as const;

export const BLSN: AgencyBlueprint = {
  key: 'blsn',
  seed: 0xb15a,
  name: 'Badan Layanan Sertifikasi Nasional',
  shortName: 'BLSN',
  kind: 'lembaga',
  timeZone: JKT,
  emailDomain: 'demo.blsn.go.id',
  // The head office recruits nationally.
  names: [
    ['javanese', 30],
    ['sundanese', 15],
    ['minang', 10],
    ['batak', 10],
    ['chinese_indonesian', 8],
    ['bugis', 7],
    ['balinese', 5],
    ['banjar', 5],
    ['ambonese', 5],
    ['timorese', 3],
    ['papuan', 2],
  ],
  units: [
    {
      code: 'PUSAT', name: 'Kantor Pusat BLSN', parentCode: null, timeZone: JKT, headTitle: 'Kepala Badan', staff: 4,
      positions: [{ title: 'Analis Kebijakan Ahli Madya', weight: 2 }, { title: 'Pranata Hubungan Masyarakat', weight: 1 }, { title: 'Pengadministrasi Umum', weight: 1 }],
    },
    {
      code: 'SETTAMA', name: 'Sekretariat Utama', parentCode: 'PUSAT', timeZone: JKT, headTitle: 'Sekretaris Utama', staff: 4,
      positions: [{ title: 'Perencana', weight: 2 }, { title: 'Analis Anggaran', weight: 2 }],
    },
    {
      code: 'BIRO-SDMO', name: 'Biro Sumber Daya Manusia dan Organisasi', parentCode: 'SETTAMA', timeZone: JKT,
      headTitle: 'Kepala Biro Sumber Daya Manusia dan Organisasi', staff: 8,
      positions: [
        { title: 'Analis Sumber Daya Manusia Aparatur', weight: 3 },
        { title: 'Asesor Sumber Daya Manusia Aparatur', weight: 1 },
        { title: 'Analis Jabatan', weight: 1 },
        { title: 'Pranata Komputer', weight: 1 },
      ],
    },
    {
      code: 'BIRO-UMKEU', name: 'Biro Umum dan Keuangan', parentCode: 'SETTAMA', timeZone: JKT, headTitle: 'Kepala Biro Umum dan Keuangan', staff: 8,
      positions: [
        { title: 'Analis Keuangan Pusat dan Daerah', weight: 2 },
        { title: 'Pranata Keuangan APBN', weight: 2 },
        { title: 'Pengelola Pengadaan Barang/Jasa', weight: 1 },
        { title: 'Arsiparis', weight: 1 },
      ],
    },
    {
      code: 'PUSDATIN', name: 'Pusat Data dan Informasi', parentCode: 'SETTAMA', timeZone: JKT, headTitle: 'Kepala Pusat Data dan Informasi', staff: 7,
      positions: [{ title: 'Pranata Komputer', weight: 3 }, { title: 'Statistisi', weight: 2 }, { title: 'Arsiparis', weight: 1 }],
    },
    {
      code: 'KLINIK', name: 'Klinik Pratama BLSN', parentCode: 'SETTAMA', timeZone: JKT, headTitle: 'Kepala Klinik Pratama', headTitleBefore: 'dr.',
      staff: 5, femaleShare: 0.7,
      positions: [
        { title: 'Dokter', weight: 1, titleBefore: 'dr.' },
        { title: 'Perawat', weight: 2, titleAfter: 'S.Kep., Ns.' },
        { title: 'Apoteker', weight: 1, titleAfter: 'S.Farm., Apt.' },
      ],
    },
    {
      code: 'DEP-SERT', name: 'Deputi Bidang Sertifikasi', parentCode: 'PUSAT', timeZone: JKT, headTitle: 'Deputi Bidang Sertifikasi', staff: 3,
      positions: [{ title: 'Analis Kebijakan', weight: 1 }],
    },
    {
      code: 'DIT-SERTPRO', name: 'Direktorat Sertifikasi Produk', parentCode: 'DEP-SERT', timeZone: JKT, headTitle: 'Direktur Sertifikasi Produk',
      staff: 12, positions: [{ title: 'Analis Standardisasi', weight: 3 }, { title: 'Penguji Mutu Barang', weight: 3 }, { title: 'Pranata Komputer', weight: 1 }],
    },
    {
      code: 'DIT-SERTKOM', name: 'Direktorat Sertifikasi Kompetensi', parentCode: 'DEP-SERT', timeZone: JKT,
      headTitle: 'Direktur Sertifikasi Kompetensi', staff: 12,
      positions: [{ title: 'Asesor Kompetensi', weight: 3 }, { title: 'Analis Standardisasi', weight: 2 }, { title: 'Pengadministrasi Umum', weight: 1 }],
    },
    regionalOffice('KW-SUMUT', 'Sumatera Utara', 'Asia/Jakarta', [['batak', 60], ['javanese', 20], ['minang', 10], ['chinese_indonesian', 10]]),
    regionalOffice('KW-KALTIM', 'Kalimantan Timur', 'Asia/Makassar', [['banjar', 35], ['javanese', 25], ['bugis', 20], ['dayak', 20]]),
    regionalOffice('KW-SULSEL', 'Sulawesi Selatan', 'Asia/Makassar', [['bugis', 80], ['javanese', 10], ['ambonese', 5], ['chinese_indonesian', 5]]),
    regionalOffice('KW-NTT', 'Nusa Tenggara Timur', 'Asia/Makassar', [['timorese', 80], ['javanese', 10], ['balinese', 10]]),
    regionalOffice('KW-PAPUA', 'Papua', 'Asia/Jayapura', [['papuan', 60], ['bugis', 15], ['javanese', 15], ['ambonese', 10]]),
    regionalOffice('KW-MALUKU', 'Maluku', 'Asia/Jayapura', [['ambonese', 75], ['bugis', 15], ['javanese', 10]]),
  ],
  keyPeople: [
    {
      unitCode: 'KW-PAPUA', name: { given: 'Yakob', family: 'Rumbiak' }, gender: 'male', position: 'Penguji Mutu Barang Ahli Pertama',
      employmentType: 'pns', roles: [], signIn: { label: 'Employee', with: 'email' },
    },
    {
      unitCode: 'KW-SULSEL', name: { given: 'Andi Tenri', family: 'Mappangara' }, gender: 'female', position: 'Kepala Kantor Wilayah Sulawesi Selatan',
      employmentType: 'pns', isHead: true, roles: [{ role: 'manager', unitCode: 'KW-SULSEL' }], signIn: { label: 'Manager', with: 'email' },
    },
    {
      unitCode: 'BIRO-SDMO', name: { given: 'Fitri', family: 'Handayani' }, gender: 'female',
      position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda', employmentType: 'pns', roles: [{ role: 'wellbeing_admin', unitCode: null }],
      signIn: { label: 'Wellbeing admin', with: 'email' },
    },
    {
      // A wellbeing admin limited to one regional office: unit-scoped grants in action.
      unitCode: 'KW-SULSEL', name: { given: 'Nurhayati', family: 'Syamsuddin' }, gender: 'female',
      position: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', employmentType: 'pppk', roles: [{ role: 'wellbeing_admin', unitCode: 'KW-SULSEL' }],
    },
    {
      unitCode: 'KLINIK', name: { given: 'Agustina', family: 'Fanggidae', titleAfter: 'M.Psi., Psikolog' }, gender: 'female',
      position: 'Psikolog Klinis Ahli Muda', employmentType: 'pns', roles: [{ role: 'counsellor', unitCode: null }],
      signIn: { label: 'Counsellor (internal)', with: 'email' },
    },
    {
      unitCode: 'BIRO-SDMO', name: { given: 'Benny', family: 'Tanoto', titleAfter: 'M.Psi., Psikolog' }, gender: 'male',
      position: EAP_POSITION, employmentType: 'non_asn', roles: [{ role: 'counsellor', unitCode: null }], emailDomain: EAP_EMAIL_DOMAIN,
      signIn: { label: 'Counsellor (EAP)', with: 'email' },
    },
    {
      unitCode: 'PUSDATIN', name: { given: 'Taufik', family: 'Hidayat' }, gender: 'male', position: 'Pranata Komputer Ahli Madya',
      employmentType: 'pns', roles: [{ role: 'agency_admin', unitCode: null }], signIn: { label: 'Agency admin', with: 'email' },
    },
    // Issue 7: the data-protection officer (PPDP) and the clinical supervisor.
    {
      unitCode: 'SETTAMA', name: { given: 'Ratna', family: 'Sari', titleAfter: 'S.H., M.Kn.' }, gender: 'female',
      position: 'Analis Hukum Ahli Madya', employmentType: 'pns', roles: [{ role: 'dpo', unitCode: null }],
      signIn: { label: 'Data-protection officer', with: 'email' },
    },
    {
      unitCode: 'KLINIK', name: { given: 'Yosef', family: 'Lamahoda', titleAfter: 'M.Psi., Psikolog' }, gender: 'male',
      position: 'Psikolog Klinis Ahli Madya', employmentType: 'pns', roles: [{ role: 'clinical_supervisor', unitCode: null }],
      signIn: { label: 'Clinical supervisor', with: 'email' },
    },
  ],
};
