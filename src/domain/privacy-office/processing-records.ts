/**
 * The record of processing activities (UU PDP art. 31): one entry per class of data Teduh holds,
 * with purpose, legal basis (art. 20), data subjects, recipients, retention and security measures.
 * These are the defaults an agency starts from, in Indonesian (the agency's working language); the
 * DPO keeps them up to date in the console. They describe what the code does today.
 */
export const PROCESSING_CLASSES = [
  'identity',
  'sign_in',
  'audit_log',
  'screening_results',
  'screening_drafts',
  'crisis_requests',
  'safety_plan',
  'consents_and_shares',
  'notifications_email',
  'campaign_aggregates',
] as const;

export type ProcessingClass = (typeof PROCESSING_CLASSES)[number];

export interface ProcessingRecord {
  purpose: string;
  legalBasis: string;
  dataSubjects: string;
  recipients: string;
  retention: string;
  securityMeasures: string;
}

const ASN = 'Pegawai ASN (PNS dan PPPK) dan staf non-ASN instansi';

export const DEFAULT_PROCESSING_RECORDS: Record<ProcessingClass, ProcessingRecord> = {
  identity: {
    purpose: 'Mengenali pegawai, menyusun struktur unit, dan mengundang pegawai ke Teduh',
    legalBasis: 'Pelaksanaan kewenangan instansi (UU PDP Pasal 20 ayat (2) huruf e)',
    dataSubjects: ASN,
    recipients: 'Admin instansi; atasan untuk unitnya (tanpa data kesehatan)',
    retention: 'Selama menjadi pegawai instansi; dinonaktifkan saat keluar',
    securityMeasures: 'Akses berdasarkan peran, log audit, enkripsi koneksi (HTTPS)',
  },
  sign_in: {
    purpose: 'Masuk yang aman dan pengelolaan sesi',
    legalBasis: 'Pelaksanaan kewenangan instansi; kewajiban keamanan (Pasal 35)',
    dataSubjects: ASN,
    recipients: 'Pegawai itu sendiri (daftar sesinya)',
    retention: 'Sesi: 90 hari sejak terakhir dipakai',
    securityMeasures:
      'Kata sandi argon2id, verifikasi dua langkah untuk peran berisiko, token sesi disimpan sebagai hash',
  },
  audit_log: {
    purpose: 'Mencatat setiap pemrosesan dan akses untuk pertanggungjawaban (Pasal 31)',
    legalBasis: 'Kewajiban hukum (Pasal 20 ayat (2) huruf c)',
    dataSubjects: ASN,
    recipients: 'Admin instansi (tanpa subjek untuk entri kesehatan); pegawai untuk entri tentang dirinya',
    retention: '6 tahun; tidak dapat diubah atau dihapus melalui aplikasi',
    securityMeasures: 'Hanya dapat ditambah (trigger basis data), tanpa nilai kesehatan',
  },
  screening_results: {
    purpose: 'Pemeriksaan diri kesehatan mental untuk pegawai itu sendiri',
    legalBasis: 'Persetujuan eksplisit (Pasal 20 ayat (2) huruf a; Pasal 22)',
    dataSubjects: 'Pegawai yang mengisi kuesioner',
    recipients: 'Pegawai itu sendiri; konselor hanya bila pegawai membagikannya',
    retention: '730 hari, kecuali dihapus lebih awal oleh pegawai',
    securityMeasures:
      'Jawaban dan hasil dienkripsi AES-256-GCM; setiap baca oleh konselor dicatat dan ditunjukkan kepada pegawai',
  },
  screening_drafts: {
    purpose: 'Menyimpan isian kuesioner yang belum selesai',
    legalBasis: 'Persetujuan eksplisit',
    dataSubjects: 'Pegawai yang mengisi kuesioner',
    recipients: 'Pegawai itu sendiri',
    retention: '30 hari sejak terakhir diubah',
    securityMeasures: 'Dienkripsi AES-256-GCM',
  },
  crisis_requests: {
    purpose: 'Menghubungi pegawai yang meminta bantuan mendesak',
    legalBasis: 'Persetujuan eksplisit; kepentingan vital (Pasal 20 ayat (2) huruf d)',
    dataSubjects: 'Pegawai yang meminta dihubungi',
    recipients: 'Konselor yang perannya disetujui dua orang dan mencakup unit pegawai',
    retention: 'Permintaan yang sudah ditutup: 365 hari',
    securityMeasures: 'Kontak dan catatan dienkripsi; setiap baca dicatat; notifikasi tanpa nama',
  },
  safety_plan: {
    purpose: 'Rencana keselamatan pribadi pegawai',
    legalBasis: 'Persetujuan eksplisit',
    dataSubjects: 'Pegawai yang menyusun rencana',
    recipients: 'Hanya pegawai itu sendiri',
    retention: 'Sampai dihapus oleh pegawai',
    securityMeasures: 'Seluruh rencana dienkripsi AES-256-GCM; tidak ada rute bagi orang lain',
  },
  consents_and_shares: {
    purpose: 'Bukti persetujuan dan pembagian hasil kepada konselor (Pasal 24)',
    legalBasis: 'Kewajiban hukum',
    dataSubjects: 'Pegawai yang memberi persetujuan',
    recipients: 'Pegawai itu sendiri; konselor untuk pembagian kepadanya',
    retention: 'Selama data yang disetujui masih ada; penarikan dicatat',
    securityMeasures: 'Versi teks persetujuan dicatat; pembagian dapat dicabut kapan saja',
  },
  notifications_email: {
    purpose: 'Pemberitahuan dalam aplikasi dan email layanan',
    legalBasis: 'Pelaksanaan kewenangan instansi',
    dataSubjects: ASN,
    recipients: 'Pegawai penerima',
    retention: 'Pemberitahuan 180 hari; email 90 hari',
    securityMeasures: 'Tanpa nilai kesehatan di pemberitahuan maupun email',
  },
  campaign_aggregates: {
    purpose: 'Gambaran gabungan kesehatan mental unit untuk perencanaan program',
    legalBasis: 'Data anonim (di luar cakupan data pribadi) setelah aturan ambang k dan penekanan pelengkap',
    dataSubjects: 'Peserta kegiatan skrining',
    recipients: 'Admin kesejahteraan untuk unit dalam cakupannya',
    retention: 'Selama kegiatan tersimpan',
    securityMeasures: 'Ambang k ≥ 5, penekanan pelengkap, pembaruan hanya setelah k tanggapan baru',
  },
};

export function isProcessingClass(value: string): value is ProcessingClass {
  return (PROCESSING_CLASSES as readonly string[]).includes(value);
}
