/** Teks antarmuka yang dipakai di banyak halaman. */
export const common = {
  none: '—',
  actions: {
    save: 'Simpan',
    cancel: 'Batal',
    back: 'Kembali',
    next: 'Lanjut',
    try_again: 'Coba lagi',
    close: 'Tutup',
  },
  status: {
    loading: 'Memuat…',
    working: 'Sedang diproses…',
  },
  form: {
    optional: 'opsional',
    choose: 'Pilih…',
    summary_title: 'Periksa kembali isian berikut',
    failed_title: 'Belum berhasil',
    error_prefix: 'Galat:',
    show_password: 'Tampilkan',
    hide_password: 'Sembunyikan',
  },
  errors: {
    network: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.',
    server: 'Terjadi kesalahan di server. Silakan coba lagi sebentar lagi.',
    unexpected: 'Terjadi kesalahan yang tidak terduga. Silakan coba lagi.',
    aborted: 'Pengunggahan dibatalkan.',
    load_failed: 'Data belum dapat dimuat',
    request_id: 'Kode permintaan: {{id}} (sebutkan kode ini jika menghubungi admin).',
  },
  pagination: {
    label: 'Halaman',
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    status: 'Halaman {{page}} dari {{pages}} · {{total}} data',
  },
  roles: {
    employee: 'Pegawai',
    manager: 'Atasan',
    wellbeing_admin: 'Admin kesejahteraan',
    counsellor: 'Konselor',
    agency_admin: 'Admin instansi',
    platform_admin: 'Admin platform',
    // Separation of duties (docs/decisions/012-separation-of-duties.md).
    clinical_supervisor: 'Supervisor klinis',
    dpo: 'Pejabat pelindungan data pribadi (PPDP)',
  },
  employment: {
    pns: 'PNS',
    pppk: 'PPPK',
    non_asn: 'Non-ASN',
  },
  agency_kinds: {
    pemerintah_kabupaten: 'Pemerintah kabupaten',
    pemerintah_kota: 'Pemerintah kota',
    pemerintah_provinsi: 'Pemerintah provinsi',
    kementerian: 'Kementerian',
    lembaga: 'Lembaga',
  },
  time_zones: {
    jakarta: 'WIB — Waktu Indonesia Barat',
    makassar: 'WITA — Waktu Indonesia Tengah',
    jayapura: 'WIT — Waktu Indonesia Timur',
  },
} as const;
