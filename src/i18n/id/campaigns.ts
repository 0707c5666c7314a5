/** Teks antarmuka: kampanye cek diri untuk admin kesejahteraan. */
export const campaigns = {
  status: {
    draft: 'Draf',
    open: 'Berlangsung',
    closed: 'Selesai',
  },
  fields: {
    title: 'Judul',
    message: 'Pesan untuk pegawai',
    instruments: 'Kuesioner',
    units: 'Unit yang diajak',
    opens_on: 'Tanggal buka',
    closes_on: 'Tanggal tutup',
    reminders: 'Pengingat',
    window: 'Waktu',
  },
  list: {
    title: 'Kampanye cek diri',
    lead: 'Ajak pegawai di unit tertentu mengisi kuesioner dalam rentang waktu tertentu. Anda hanya melihat tingkat partisipasi dan sebaran gabungan, tidak pernah hasil perorangan.',
    new: 'Buat kampanye',
    empty: 'Belum ada kampanye.',
    empty_body: 'Buat kampanye untuk mengajak unit-unit mengisi kuesioner cek diri.',
    window: '{{from}} – {{to}}',
    invited: 'Diundang',
    edit: 'Ubah draf',
    stats: 'Lihat angka',
  },
  form: {
    label: 'Data kampanye',
    new_title: 'Kampanye baru',
    edit_title: 'Ubah kampanye',
    lead: 'Simpan sebagai draf dulu. Setelah dimulai, kampanye tidak dapat diubah.',
    title_hint: 'Tampil di undangan, misalnya "Cek diri triwulan III".',
    message_hint: 'Sampaikan dengan hangat mengapa instansi mengajak, dan bahwa mengisinya sukarela.',
    instruments_hint: 'Pilih 1 sampai 3 kuesioner.',
    units_hint:
      'Setiap unit mencakup subunitnya. Angka sebuah unit hanya tampil bila paling sedikit {{k}} orang mengisi.',
    included_in: 'sudah termasuk dalam {{name}}',
    dates_hint:
      'Dibaca menurut zona waktu setiap unit: dibuka pada awal hari tanggal buka dan ditutup pada akhir hari tanggal tutup.',
    reminders_hint:
      'Pengingat di aplikasi dan lewat email, hanya pada jam kerja di zona waktu unit, bagi yang belum mengisi.',
    reminders_none: 'Tanpa pengingat',
    reminders_every: 'Setiap {{days}} hari',
    create: 'Simpan draf',
    save: 'Simpan perubahan',
    saved: 'Draf kampanye sudah disimpan.',
    not_draft: 'Kampanye ini sudah dimulai {{date}} dan tidak dapat diubah lagi.',
  },
  launch: {
    title: 'Mulai kampanye',
    lead: 'Undangan dikirim saat kampanye dibuka ({{from}}), dan kampanye berjalan sampai {{to}}.',
    save_first: 'Simpan perubahan Anda lebih dulu sebelum memulai.',
    button: 'Mulai kampanye',
    confirm_title: 'Mulai "{{title}}"?',
    members_fixed:
      'Daftar peserta dikunci saat ini: pegawai yang kemudian pindah unit atau bergabung tidak mengubah kelompok kampanye ini.',
    threshold_frozen:
      'Ambang anonimitas dibekukan pada {{k}} orang: angka sebuah kelompok hanya tampil bila paling sedikit {{k}} orang mengisi, dan ambang ini tidak dapat diubah selama kampanye.',
    invitations: 'Pegawai di unit yang dipilih menerima undangan di aplikasi dan lewat email, pada jam kerja.',
    no_edit: 'Setelah dimulai, judul, kuesioner, unit, dan tanggal tidak dapat diubah lagi.',
    done: 'Kampanye sudah dimulai. Ambang anonimitasnya {{k}} orang.',
  },
  close: {
    button: 'Tutup kampanye',
    title: 'Tutup "{{title}}"?',
    body: 'Pegawai tidak dapat lagi mengisi untuk kampanye ini dan pengingat berhenti. Angkanya diperbarui hanya bila sejak penerbitan terakhir sudah masuk paling sedikit {{k}} isian baru; bila belum, angka terakhir tetap berlaku, agar isian satu orang tidak terbaca dari selisihnya.',
  },
  stats: {
    title: 'Angka kampanye: {{title}}',
    invited: 'Diundang',
    responses: 'Jumlah yang mengisi',
    threshold: 'Ambang anonimitas',
    participated: 'Ikut serta',
    rate: 'Partisipasi',
    respondents: 'Pengisi',
    published:
      'Angka ini diterbitkan {{date}}. Angka diperbarui hanya setelah paling sedikit {{k}} isian baru masuk, juga saat kampanye ditutup; angka yang baru berubah sedikit tetap disembunyikan.',
    rules_title: 'Cara angka ini dilindungi',
    rules_body:
      'Tidak ada nama di halaman ini. Angka sebuah unit hanya tampil bila paling sedikit {{k}} orang mengisi. Kadang angka unit yang cukup besar pun disembunyikan, agar angka kelompok kecil tidak dapat dihitung dengan mengurangkan satu angka dari angka lain.',
    dash_legend:
      'Tanda "—" berarti angka disembunyikan: kurang dari {{k}} orang, atau disembunyikan untuk melindungi kelompok kecil lain.',
    tree_label: 'Angka per unit',
    hidden_badge: 'Sebagian disembunyikan',
    hidden_all_badge: 'Disembunyikan',
    distribution: 'Sebaran hasil {{name}}',
    withheld_below: 'disembunyikan: kurang dari {{k}} orang',
    withheld_complementary: 'disembunyikan agar kelompok kecil lain tidak dapat dihitung',
    withheld_cell: 'disembunyikan: kurang dari {{k}} orang, atau agar kelompok kecil lain tidak dapat dihitung',
    // A13 (docs/privacy.md): why a distribution is missing although the respondents are shown.
    distribution_withheld:
      'Sebaran hasil tidak ditampilkan. Bila ditampilkan, hasil tiap orang dapat ditebak — misalnya bila semua atau hampir semua pengisi berada di satu kategori, atau bila selisih dengan angka lain membuka kelompok kecil.',
  },
  report: {
    summary_title: 'Ringkasan',
    participation: 'Partisipasi',
    participation_value: '{{answered}} dari {{invited}} orang mengisi',
    participation_withheld: 'Jumlah pengisi belum dapat ditampilkan',
    agency_distribution: 'Sebaran hasil seluruh kelompok',
    agency_distribution_lead: 'Seluruh unit yang dapat Anda lihat, digabung.',
    attention_title: 'Unit yang perlu perhatian',
    attention_definition:
      'Unit yang porsi pengisinya di kategori terberat ({{bands}} untuk {{name}}) lebih besar daripada porsi seluruh kelompok ({{overall}}). Hanya dinilai dari angka yang boleh ditampilkan.',
    attention_definition_short:
      'Unit yang porsi pengisinya di satu atau dua kategori terberat lebih besar daripada porsi seluruh kelompok. Hanya dinilai dari angka yang boleh ditampilkan.',
    attention_item: '{{unit}} · {{name}}: {{share}} di kategori terberat (seluruh kelompok {{overall}})',
    attention_none:
      'Tidak ada unit yang porsinya di kategori terberat lebih besar daripada seluruh kelompok, di antara angka yang boleh ditampilkan.',
    concern_share: '{{share}} di kategori terberat',
    empty_title: 'Angka belum muncul',
    empty_body:
      'Angka muncul setelah sedikitnya {{k}} orang menjawab. Sampai saat itu halaman ini sengaja kosong, agar jawaban satu orang tidak dapat dikenali.',
    stamp_open: 'Diterbitkan {{date}} · berikutnya setelah {{k}} jawaban baru',
    stamp_closed: 'Diterbitkan {{date}} · kampanye sudah ditutup, angka ini final',
    previous_title: 'Dibandingkan dengan kampanye sebelumnya',
    previous_lead:
      '"{{title}}", diterbitkan {{date}}. Angka yang disembunyikan di salah satu kampanye juga disembunyikan di perbandingan.',
    previous_short: 'Sebelumnya',
    previous_participation: 'Partisipasi sebelumnya',
    spread_summary: 'Sebaran hasil {{names}}',
    tree_title: 'Angka per unit',
    tree_lead: 'Buka sebuah unit untuk melihat subunitnya.',
    show_children: 'Tampilkan {{count}} subunit {{name}}',
    hide_children: 'Sembunyikan subunit {{name}}',
    expand_all: 'Buka semua',
    collapse_all: 'Tutup semua',
    download_title: 'Unduh laporan',
    download_lead:
      'Berisi angka yang sama persis dengan halaman ini, dengan aturan anonimitas yang sama. Setiap unduhan dicatat.',
    download_xlsx: 'Unduh Excel (XLSX)',
    download_pdf: 'Unduh PDF',
    download_failed: 'Laporan belum dapat diunduh. Coba lagi sebentar lagi.',
    // Labels inside the downloaded files.
    file_title: 'Laporan kampanye: {{title}}',
    file_window: 'Periode: {{from}} sampai {{to}}',
    file_threshold: 'Ambang anonimitas: {{k}} orang',
    file_withheld:
      '"—" berarti angka disembunyikan: kurang dari {{k}} orang, atau disembunyikan untuk melindungi kelompok kecil lain.',
    file_units_sheet: 'Per unit',
    file_summary_sheet: 'Ringkasan',
    file_previous_sheet: 'Kampanye sebelumnya',
    file_unit: 'Unit',
    file_band: 'Kategori',
    file_count: 'Jumlah',
    file_share: 'Porsi',
    file_stamp: 'Angka diterbitkan {{date}} · ambang anonimitas {{k}}',
    file_final: 'Kampanye sudah ditutup; angka ini final.',
    file_next:
      'Kampanye masih berjalan. Angka berikutnya terbit setelah paling sedikit {{k}} isian baru masuk; sampai saat itu angka ini tetap berlaku.',
    file_tree_lead:
      'Unit disusun menurut struktur organisasi saat kampanye dimulai; subunit ditulis menjorok ke dalam.',
    file_part: 'bagian {{part}} dari {{parts}}',
    file_continued: '(lanjutan)',
    file_page: 'Halaman {{page}} dari {{pages}}',
    file_generated: 'Diunduh {{date}}',
  },
} as const;
