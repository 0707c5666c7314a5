/** Teks antarmuka: survei iklim kerja yang anonim (docs/surveys.md, docs/decisions/048-climate-surveys.md). */
export const surveys = {
  status: {
    draft: 'Draf',
    open: 'Dibuka',
    closed: 'Ditutup',
  },
  settings: {
    administration: 'Perkantoran pemerintahan',
    school: 'Sekolah',
    health: 'Layanan kesehatan',
  },
  fields: {
    template: 'Templat',
    setting: 'Lingkungan kerja',
    title: 'Judul',
    units: 'Unit yang ditanya',
    employment_types: 'Jenis kepegawaian',
    opens_on: 'Tanggal buka',
    closes_on: 'Tanggal tutup',
    previous: 'Bandingkan dengan survei sebelumnya',
    window: 'Waktu',
    members: 'Pegawai yang ditanya',
    questions: 'Pertanyaan',
    threshold: 'Ambang anonimitas',
    status: 'Status',
    opened_at: 'Dibuka pada',
    closed_at: 'Ditutup pada',
  },
  list: {
    title: 'Survei iklim kerja',
    lead: 'Tanyakan kepada pegawai, tanpa nama, bagaimana pekerjaan memperlakukan mereka: beban kerja, dukungan, rasa aman untuk bicara. Anda melihat angka kelompok, tidak pernah jawaban seseorang.',
    new: 'Buat survei',
    empty: 'Belum ada survei iklim kerja.',
    empty_body:
      'Survei iklim kerja membantu instansi melihat apa yang membebani unit-unitnya, agar yang diperbaiki adalah pekerjaannya, bukan orangnya. Mulailah dari templat yang sudah siap, misalnya survei denyut lima pertanyaan.',
    window: '{{from}} – {{to}}',
    all_employment: 'Semua jenis kepegawaian',
    not_frozen: 'Ditetapkan saat survei dibuka',
    details: 'Lihat survei',
  },
  new: {
    title: 'Survei baru',
    lead: 'Pilih templat, tentukan siapa yang ditanya dan kapan, lalu simpan sebagai draf. Survei baru ditanyakan kepada pegawai setelah Anda membukanya.',
    form_label: 'Data survei',
    template_hint:
      'Pertanyaan templat ditulis untuk Teduh dan bukan alat diagnosis: hasilnya tentang unit, tidak pernah tentang seseorang.',
    template_meta: '± {{minutes}} menit · {{count}} pertanyaan',
    themes: 'Tema: {{themes}}',
    setting_hint:
      'Kata-kata dan beberapa pertanyaan menyesuaikan lingkungan kerjanya; pertanyaan yang sama tetap dapat dibandingkan.',
    title_hint: 'Terlihat oleh pegawai, misalnya "Survei denyut Desember".',
    units_hint:
      'Setiap unit mencakup subunitnya. Angka sebuah kelompok hanya tampil bila paling sedikit {{k}} orang menjawab.',
    employment_hint: 'Kosongkan untuk menanyai semua jenis kepegawaian.',
    dates_hint:
      'Menurut zona waktu instansi: dibuka pada awal hari tanggal buka dan ditutup pada akhir hari tanggal tutup.',
    previous_none: 'Tidak dibandingkan',
    previous_hint: 'Hanya survei yang sudah ditutup. Pertanyaan yang sama dibandingkan satu per satu.',
    create: 'Simpan draf',
    templates_empty: 'Templat survei belum tersedia.',
  },
  detail: {
    edit_title: 'Ubah draf',
    edit_lead: 'Pertanyaan diambil dari templat dan tidak diubah di sini.',
    save: 'Simpan perubahan',
    saved: 'Draf survei sudah disimpan.',
    created: 'Draf survei sudah dibuat. Periksa pertanyaannya di pratinjau, lalu buka survei bila sudah siap.',
    template_value: '{{name}} ({{setting}})',
    facts_title: 'Ringkasan',
  },
  open: {
    title: 'Buka survei',
    lead: 'Setelah dibuka, pegawai di unit yang dipilih dapat menjawab mulai {{from}} sampai {{to}}.',
    save_first: 'Simpan perubahan Anda lebih dulu sebelum membuka survei.',
    button: 'Buka survei',
    confirm_title: 'Buka "{{title}}"?',
    members_fixed:
      'Daftar pegawai yang ditanya dikunci sekarang: yang kemudian pindah unit atau baru bergabung tidak termasuk survei ini.',
    groups_fixed:
      'Setiap jawaban hanya membawa kelompoknya (unit, jenis kepegawaian, rentang usia dan masa kerja), yang dilebarkan sampai paling sedikit {{k}} orang berbagi kelompok yang sama.',
    threshold_frozen:
      'Ambang anonimitas dibekukan pada {{k}} orang; komentar tertulis hanya tampil untuk kelompok paling sedikit 10 orang.',
    no_edit: 'Setelah dibuka, judul, unit, tanggal, dan pertanyaan tidak dapat diubah lagi.',
    too_few: 'Tutup jendela ini, tambahkan unit di formulir draf, simpan, lalu buka survei lagi.',
  },
  close: {
    button: 'Tutup survei',
    title: 'Tutup "{{title}}"?',
    body: 'Pegawai tidak dapat lagi menjawab. Semua jawaban yang masih menunggu masuk ke hasil dan angka partisipasi diterbitkan untuk terakhir kali. Bila jumlah yang menjawab kurang dari {{k}} orang, hasilnya tidak akan pernah ditampilkan.',
    done: 'Survei sudah ditutup.',
  },
  reopen: {
    title: 'Buka kembali survei',
    lead: 'Membuka kembali survei yang sudah ditutup adalah pengecualian. Tuliskan alasannya dan tanggal tutup yang baru.',
    button: 'Buka kembali',
    confirm_title: 'Buka kembali "{{title}}"?',
    reason: 'Alasan',
    reason_hint: 'Alasan ini dicatat di log audit bersama nama Anda.',
    closes_on: 'Tanggal tutup baru',
    done: 'Survei dibuka kembali.',
  },
  progress: {
    title: 'Tingkat partisipasi',
    caption: 'Partisipasi per unit',
    unit: 'Unit',
    members: 'Ditanya',
    answered: 'Menjawab',
    rate: 'Partisipasi',
    overall: '{{answered}} dari {{members}} pegawai sudah menjawab',
    overall_withheld: 'Jumlah yang menjawab belum ditampilkan: masih kurang dari {{k}} orang.',
    withheld: 'kurang dari {{k}}, disembunyikan',
    why_withheld:
      '"Kurang dari {{k}}, disembunyikan" berarti kelompok itu terlalu kecil, atau angkanya disembunyikan agar kelompok kecil lain tidak dapat dihitung dari selisihnya.',
    published:
      'Angka ini diterbitkan {{date}}. Angka diperbarui setelah paling sedikit {{k}} jawaban baru masuk, dan saat survei ditutup, agar tidak ada yang dapat menebak siapa yang baru menjawab.',
    load_hint: 'Tingkat partisipasi tampil setelah survei dibuka.',
  },
  preview: {
    title: 'Pratinjau di ponsel',
    lead: 'Beginilah pegawai melihat survei ini di ponsel. Pratinjau hanya untuk dibaca.',
    language: 'Bahasa pratinjau',
    frame: 'Pratinjau formulir survei',
  },
  mine: {
    title: 'Survei untuk Anda',
    lead: 'Survei iklim kerja yang anonim dari instansi Anda. Jawaban Anda disimpan tanpa nama.',
    empty: 'Tidak ada survei yang sedang dibuka untuk Anda.',
    empty_body:
      'Bila instansi Anda membuka survei iklim kerja untuk unit Anda, survei itu tampil di sini dan di beranda.',
    meta: '± {{minutes}} menit · {{count}} pertanyaan · sampai {{date}}',
    answer: 'Jawab survei',
    answered: 'Sudah dijawab',
  },
  form: {
    label: 'Jawaban survei',
    anonymity_title: 'Anonim: jawaban Anda tidak dapat ditelusuri ke Anda',
    anonymity_answered: 'Yang dicatat tentang Anda hanya bahwa Anda sudah menjawab, bukan apa jawaban Anda.',
    anonymity_groups:
      'Jawaban disimpan tanpa nama dan hanya ditampilkan sebagai angka kelompok, bila kelompoknya cukup besar sehingga tidak seorang pun dapat dikenali (paling sedikit 5 orang, atau lebih bila instansi Anda menetapkan ambang yang lebih tinggi).',
    anonymity_comments:
      'Komentar tertulis hanya ditampilkan untuk kelompok paling sedikit 10 orang, diacak dan tanpa tanggal; nama, NIP, nomor telepon, dan alamat email disamarkan.',
    anonymity_final:
      'Setelah dikirim, jawaban tidak dapat diubah atau ditarik, karena tidak ada lagi yang dapat menemukannya.',
    required_note: 'Pertanyaan bertanda "wajib" perlu dijawab.',
    required: 'wajib',
    optional: 'opsional',
    scale_ends: '0 = {{low}} · 10 = {{high}}',
    max_choices: 'Pilih paling banyak {{n}}.',
    text_hint: 'Jangan menulis nama siapa pun. Nama dan nomor akan disamarkan.',
    submit: 'Kirim jawaban',
    preview_submit: 'Tombol kirim tidak aktif di pratinjau.',
    failed: 'Jawaban belum terkirim. Isian Anda tetap ada; coba kirim lagi.',
    thanks_title: 'Terima kasih, jawaban Anda sudah tercatat',
    thanks_body:
      'Jawaban Anda disimpan tanpa nama. Hasilnya dibahas per kelompok untuk memperbaiki pekerjaan di unit Anda.',
    already_title: 'Anda sudah menjawab survei ini',
    already_body:
      'Setiap orang menjawab satu kali. Jawaban Anda tersimpan tanpa nama dan tidak dapat dibuka lagi oleh siapa pun, termasuk Anda.',
    back_home: 'Kembali ke beranda',
    closes: 'Dibuka sampai {{date}}',
  },
};
