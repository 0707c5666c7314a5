/** Teks antarmuka: bantuan krisis, "Hubungi saya", dan kontak bantuan instansi. */
export const help = {
  page: {
    title: 'Butuh bantuan sekarang',
    lead: 'Anda tidak sendirian. Jika Anda atau orang lain sedang dalam bahaya, hubungi 112 atau 119 sekarang, atau datangi IGD rumah sakit terdekat.',
    meanwhile_title: 'Sambil menunggu bantuan',
    tip_people:
      'Jika bisa, jangan sendirian. Hubungi atau datangi orang yang Anda percayai dan ceritakan apa yang Anda rasakan.',
    tip_safe: 'Jauhkan diri dari benda atau tempat yang dapat membahayakan Anda.',
    tip_breathe: 'Tarik napas perlahan lewat hidung, tahan sebentar, lalu hembuskan perlahan. Ulangi beberapa kali.',
    tip_later: 'Perasaan yang sangat berat bisa mereda. Bantuan dari orang lain membuat hal itu lebih mungkin terjadi.',
    book_link: 'Bicara dengan konselor: pesan jadwal',
    referrals_link: 'Surat rujukan ke Puskesmas (jalur BPJS)',
    groups_link: 'Kelompok dukungan sebaya: ngobrol dengan rekan senasib',
    return_link: 'Rencana kembali bekerja saya',
  },
  contacts: {
    title: 'Layanan yang dapat Anda hubungi',
    label: 'Kontak bantuan dan layanan darurat',
    loading: 'Memuat kontak bantuan…',
    offline: 'Daftar kontak instansi Anda belum dapat dimuat. Nomor darurat nasional tetap dapat Anda hubungi:',
    hours: 'Jam layanan:',
    call: 'Telepon {{number}}',
    open: 'Buka {{site}}',
    new_tab: '(terbuka di tab baru)',
  },
  request: {
    title: 'Minta konselor menghubungi Anda',
    lead: 'Tinggalkan cara menghubungi Anda. Konselor jaga instansi Anda akan menghubungi Anda secepatnya.',
    form_label: 'Permintaan untuk dihubungi',
    method: 'Bagaimana sebaiknya kami menghubungi Anda?',
    methods: {
      phone: 'Telepon',
      whatsapp: 'WhatsApp',
      email: 'Email',
    },
    contact_label: {
      phone: 'Nomor telepon',
      whatsapp: 'Nomor WhatsApp',
      email: 'Alamat email',
    },
    contact_hint: {
      phone: 'Nomor yang dapat dihubungi, misalnya 0812 3456 7890.',
      whatsapp: 'Nomor yang terdaftar di WhatsApp, misalnya 0812 3456 7890.',
      email: 'Alamat email yang Anda baca secara rutin.',
    },
    preferred_time: 'Waktu yang paling nyaman',
    preferred_time_hint: 'Misalnya: hari ini setelah pukul 16.00, atau kapan saja.',
    note: 'Catatan untuk konselor',
    note_hint: 'Ceritakan sedikit jika Anda mau. Boleh dikosongkan.',
    who_sees: 'Permintaan ini hanya diterima oleh konselor jaga instansi Anda, yang terikat kerahasiaan.',
    submit: 'Kirim permintaan',
    received_title: 'Permintaan Anda sudah kami terima',
    received_body: {
      phone: 'Konselor jaga akan menelepon Anda secepatnya, pada waktu yang Anda sebutkan bila memungkinkan.',
      whatsapp:
        'Konselor jaga akan menghubungi Anda lewat WhatsApp secepatnya, pada waktu yang Anda sebutkan bila memungkinkan.',
      email: 'Konselor jaga akan membalas lewat email secepatnya.',
    },
    received_meanwhile:
      'Jika keadaan terasa makin berat sebelum Anda dihubungi, hubungi 112 atau 119, atau layanan lain di daftar di atas.',
    signed_out:
      'Jika Anda pegawai yang sudah terdaftar di Teduh, masuklah agar dapat meminta konselor jaga instansi Anda menghubungi Anda.',
    sign_in: 'Masuk ke Teduh',
    unavailable:
      'Instansi Anda belum memiliki konselor jaga di Teduh. Silakan hubungi layanan di daftar di atas; mereka siap membantu.',
  },
  kinds: {
    crisis_line: 'Layanan krisis',
    emergency: 'Darurat',
    counselling: 'Konseling',
    clinic: 'Klinik',
    hospital: 'Rumah sakit',
    other: 'Lainnya',
  },
  /** Teks kontak bawaan nasional (docs/instruments.md §16), dipakai server untuk kontak dengan preset. */
  presets: {
    emergency_112: {
      name: 'Layanan darurat 112',
      description:
        'Nomor darurat nasional untuk keadaan yang mengancam nyawa: polisi, pemadam kebakaran, ambulans. Gratis dari telepon mana pun.',
      hours: '24 jam, setiap hari',
    },
    ambulance_119: {
      name: 'Gawat darurat medis 119',
      description: 'Ambulans dan pertolongan gawat darurat medis (SPGDT).',
      hours: '24 jam, setiap hari',
    },
    healing119: {
      name: 'healing119.id — Kementerian Kesehatan',
      description:
        'Layanan pertolongan pertama psikologis dan dukungan krisis dari Kementerian Kesehatan, secara daring.',
      hours: 'Daring; lihat jam layanan di situsnya',
    },
    kemenkes_119_8: {
      name: 'Layanan kesehatan jiwa 119 ekstensi 8',
      description:
        'Telepon 119, lalu tekan 8 untuk layanan kesehatan jiwa Kementerian Kesehatan. Mungkin perlu menunggu giliran.',
      hours: 'Jam kerja',
    },
    hospital_ed: {
      name: 'IGD rumah sakit terdekat',
      description:
        'Instalasi Gawat Darurat melayani krisis kejiwaan setiap saat. Dalam keadaan gawat darurat tidak diperlukan surat rujukan BPJS.',
      hours: '24 jam, setiap hari',
    },
  },
  admin: {
    title: 'Kontak bantuan',
    lead: 'Kontak krisis dan bantuan yang dilihat pegawai dari tombol "Butuh bantuan sekarang" dan setelah jawaban krisis. Periksa nomor dan jam layanannya secara berkala.',
    list_title: 'Daftar kontak',
    list_lead: 'Nomor darurat selalu tampil paling atas. Urutan menentukan posisi di dalam jenis yang sama.',
    preset: 'Bawaan nasional',
    inactive: 'Nonaktif',
    edit: 'Ubah',
    edit_label: 'Ubah kontak {{name}}',
    preset_edit_note:
      'Ini kontak bawaan nasional yang teksnya tersedia dalam dua bahasa. Jika Anda mengubah jenis, nama, keterangan, nomor, situs, atau jam layanannya, kontak ini menjadi milik instansi Anda dan tampil persis seperti yang Anda tulis, dalam bahasa apa pun. Mengubah urutan saja tidak mengubahnya.',
    deactivate: 'Nonaktifkan',
    activate: 'Aktifkan kembali',
    deactivate_title: 'Nonaktifkan {{name}}?',
    deactivate_body: 'Kontak ini tidak akan tampil lagi bagi pegawai. Anda dapat mengaktifkannya kembali kapan saja.',
    deactivated: '{{name}} sudah dinonaktifkan.',
    activated: '{{name}} sudah aktif kembali.',
    saved: 'Perubahan pada {{name}} sudah disimpan.',
    added: '{{name}} sudah ditambahkan.',
    add_title: 'Tambah kontak',
    add_submit: 'Tambah kontak',
    fields: {
      kind: 'Jenis',
      name: 'Nama',
      description: 'Keterangan',
      phone: 'Nomor telepon',
      url: 'Alamat situs',
      hours: 'Jam layanan',
      sort_order: 'Urutan',
    },
    phone_hint: 'Nomor yang dapat langsung ditelepon, misalnya 0274 123456 atau 112.',
    url_hint: 'Alamat lengkap yang diawali https://.',
    hours_hint: 'Misalnya: Senin–Jumat 07.30–16.00 WIB, atau 24 jam.',
    sort_hint: 'Angka kecil tampil lebih dulu.',
  },
  outreach: {
    title: 'Penjangkauan keselamatan',
    on: 'Aktif',
    off: 'Tidak aktif',
    what: 'Pengaturan ini menentukan apa yang terjadi bila seorang pegawai menjawab pertanyaan tentang pikiran untuk mengakhiri hidup atau melukai diri (PHQ-9 butir 9, SRQ-20 butir 17).',
    when_on:
      'Jika aktif: konselor jaga instansi diberi tahu dan jawaban itu masuk ke antrean mendesak, meskipun pegawai tidak meminta dihubungi, agar konselor dapat menjangkaunya.',
    when_off:
      'Jika tidak aktif: konselor hanya diberi tahu bila pegawai sendiri meminta dihubungi. Pegawai tetap langsung melihat kontak bantuan.',
    never: 'Dalam keadaan apa pun, atasan, bagian kepegawaian, dan admin tidak pernah diberi tahu.',
    consent:
      'Teks persetujuan yang dibaca pegawai sebelum setiap kuesioner ikut berubah, sehingga mereka tahu sebelum mengisi (versi {{on}} bila aktif, {{off}} bila tidak).',
    current_version: 'Teks persetujuan yang berlaku sekarang: versi {{version}}.',
    switch: 'Aktifkan penjangkauan keselamatan',
    save: 'Simpan pengaturan',
    saved: 'Pengaturan penjangkauan keselamatan sudah disimpan.',
    confirm_on_title: 'Aktifkan penjangkauan keselamatan?',
    confirm_on_body:
      'Mulai sekarang, setiap jawaban tentang pikiran mengakhiri hidup akan diteruskan kepada konselor jaga instansi. Pegawai akan membaca teks persetujuan baru yang menyebutkan hal ini sebelum setiap kuesioner.',
    confirm_on: 'Aktifkan',
    confirm_off_title: 'Matikan penjangkauan keselamatan?',
    confirm_off_body:
      'Konselor jaga hanya akan diberi tahu bila pegawai sendiri meminta dihubungi. Teks persetujuan sebelum kuesioner kembali ke versi biasa.',
    confirm_off: 'Matikan',
  },
} as const;
