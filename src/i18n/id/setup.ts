/** Teks antarmuka: penyiapan pertama kali. */
export const setup = {
  title: 'Siapkan Teduh',
  lead: 'Teduh belum pernah disiapkan di server ini. Isi data instansi, unit kerja teratas, dan admin pertama. Semuanya dapat diubah kemudian.',
  progress_label: 'Langkah penyiapan',
  step_heading: 'Langkah {{number}} dari {{total}}: {{title}}',
  steps: {
    agency: 'Instansi',
    unit: 'Unit kerja teratas',
    admin: 'Admin pertama',
  },
  agency_intro: 'Instansi pemerintah yang memakai Teduh ini.',
  unit_intro:
    'Unit paling atas dalam struktur organisasi, misalnya Sekretariat Daerah atau Sekretariat Jenderal. Unit di bawahnya dapat ditambahkan atau diimpor nanti.',
  admin_intro:
    'Orang yang mengelola Teduh untuk instansi ini. Admin wajib memakai verifikasi dua langkah, jadi siapkan ponsel untuk langkah berikutnya.',
  fields: {
    agency_name: 'Nama instansi',
    agency_short_name: 'Nama singkat',
    agency_kind: 'Jenis instansi',
    time_zone: 'Zona waktu',
    unit_name: 'Nama unit',
    unit_code: 'Kode unit',
    full_name: 'Nama lengkap',
    email: 'Email',
    employment_type: 'Jenis kepegawaian',
    nip: 'NIP / NI PPPK',
    password: 'Kata sandi',
  },
  hints: {
    agency_name: 'Contoh: Pemerintah Kabupaten Sleman',
    agency_short_name: 'Tampil di kepala halaman. Contoh: Pemkab Sleman',
    time_zone: 'Zona waktu utama instansi. Setiap unit dapat memiliki zona waktunya sendiri.',
    unit_name: 'Contoh: Sekretariat Daerah',
    unit_code: 'Huruf, angka, titik, garis bawah, atau tanda hubung. Contoh: SETDA',
    email: 'Dipakai untuk masuk dan menerima pemberitahuan.',
    nip: '18 angka, boleh dengan spasi. Wajib untuk PNS dan PPPK; kosongkan untuk non-ASN.',
  },
  submit: 'Selesai dan lanjutkan',
} as const;
