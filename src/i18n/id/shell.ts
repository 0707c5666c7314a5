/** Teks antarmuka: bingkai aplikasi (kepala halaman, menu, kaki halaman, halaman galat). */
export const shell = {
  tagline: 'Kesehatan mental ASN',
  skip_to_content: 'Langsung ke isi utama',
  menu: 'Menu',
  signed_in_as: 'Masuk sebagai',
  sign_out: 'Keluar',
  help_now: 'Butuh bantuan sekarang',
  language: {
    label: 'Bahasa',
  },
  nav: {
    label: 'Menu utama',
    // The agency admin's pages, grouped (one row at 1280 px).
    groups: {
      organisation: 'Organisasi',
      services: 'Layanan',
      privacy: 'Privasi',
      counselling: 'Konseling',
    },
    self_care: 'Perawatan diri',
    plan: 'Atur waktu',
    home: 'Beranda',
    self_check: 'Cek diri',
    appointments: 'Jadwal temu',
    caseload: 'Klien saya',
    counsellor_profile: 'Profil konselor',
    break_glass: 'Akses darurat catatan',
    referrals: 'Rujukan',
    return_to_work: 'Kembali bekerja',
    peer_groups: 'Kelompok sebaya',
    urgent: 'Permintaan mendesak',
    shared: 'Hasil dibagikan',
    campaigns: 'Kampanye',
    help_contacts: 'Kontak bantuan',
    library: 'Pustaka',
    articles: 'Artikel instansi',
    units: 'Unit kerja',
    people: 'Pegawai',
    import: 'Impor data',
    audit: 'Log audit',
    outbox: 'Kotak keluar email',
    settings: 'Pengaturan',
    calendar: 'Kalender kerja',
    agencies: 'Instansi',
    profile: 'Profil',
    // My data (docs/decisions/013-data-rights.md).
    corrections: 'Perbaikan data',
    my_data: 'Data saya',
    // Konsol PPDP (docs/decisions/012-separation-of-duties.md).
    dpo: 'Konsol PPDP',
  },
  footer: {
    privacy: 'Hasil pemeriksaan diri dan catatan kesehatan Anda hanya dapat dilihat oleh Anda sendiri.',
    name: 'Teduh — perangkat lunak sumber terbuka untuk instansi pemerintah.',
  },
  not_found: {
    title: 'Halaman tidak ditemukan',
    lead: 'Alamat ini tidak ada atau sudah dipindahkan. Periksa kembali alamatnya.',
    home: 'Kembali ke beranda',
  },
  forbidden: {
    title: 'Halaman ini bukan untuk peran Anda',
    lead: 'Halaman ini hanya untuk peran tertentu. Jika Anda memerlukannya, hubungi admin instansi Anda.',
  },
  error: {
    title: 'Maaf, halaman ini bermasalah',
    lead: 'Terjadi kesalahan saat menampilkan halaman. Data Anda tidak hilang. Muat ulang halaman atau kembali ke beranda.',
    reload: 'Muat ulang',
  },
  unreachable: {
    title: 'Teduh belum dapat dihubungi',
    lead: 'Kami tidak dapat terhubung ke server. Periksa koneksi Anda, lalu coba lagi.',
  },
  update: {
    available: 'Versi baru tersedia — muat ulang untuk memakainya.',
    reload: 'Muat ulang',
  },
} as const;
