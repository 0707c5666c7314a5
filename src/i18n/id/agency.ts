/** Teks antarmuka: pengaturan instansi dan kotak keluar email. */
export const agency = {
  settings: {
    title: 'Pengaturan instansi',
    lead: 'Identitas instansi, zona waktu, perlindungan anonimitas, dan pejabat pelindungan data pribadi.',
    identity: 'Identitas',
    name: 'Nama instansi',
    short_name: 'Nama singkat',
    time_zone: 'Zona waktu instansi',
    time_zone_hint:
      'Dipakai bila sebuah unit tidak memiliki zona waktunya sendiri. Zona waktu tiap unit diatur di halaman Unit kerja.',
    privacy: 'Anonimitas',
    threshold: 'Ambang anonimitas (jumlah orang minimal)',
    threshold_hint:
      'Setiap angka gabungan, seperti rata-rata, persentase, atau jumlah, hanya ditampilkan jika mencakup paling sedikit sebanyak ini orang. Dengan begitu, tidak ada yang dapat menebak jawaban seseorang dari angka kelompok kecil.',
    threshold_floor:
      'Paling kecil 5 dan tidak dapat diturunkan di bawahnya. Angka lebih besar memberi perlindungan lebih kuat, tetapi lebih banyak kelompok kecil yang tidak ditampilkan.',
    dpo: 'Pejabat Pelindungan Data Pribadi (PPDP)',
    dpo_hint:
      'Wajib ditunjuk menurut UU PDP No. 27/2022. Nama dan email ini ditampilkan kepada pegawai yang ingin menanyakan atau menggunakan hak atas data pribadinya.',
    dpo_name: 'Nama PPDP',
    dpo_email: 'Email PPDP',
    saved: 'Pengaturan sudah disimpan.',
  },
  outbox: {
    title: 'Kotak keluar email',
    lead: 'Email dari Teduh untuk pegawai instansi Anda: undangan, pengaturan ulang kata sandi, dan pemberitahuan.',
    no_smtp_title: 'Jika server email (SMTP) belum diatur',
    no_smtp_body:
      'Email tidak terkirim dan tertahan di sini. Tautan masuk (undangan, atur ulang kata sandi) hanya untuk penerimanya, jadi tidak ditampilkan di sini, juga tidak kepada admin: minta pengelola server mengatur SMTP_URL, lalu kirim ulang undangan.',
    audited:
      'Halaman ini menampilkan alamat dan judul email, dengan isi tanpa tautan. Setiap kali halaman ini dibuka, tercatat di log audit.',
    list_label: 'Daftar email',
    empty: 'Belum ada email.',
    empty_body: 'Email muncul di sini setelah Anda mengirim undangan kepada pegawai.',
    to: 'Kepada',
    kind: 'Jenis',
    created: 'Dibuat',
    sent: 'Terkirim',
    show_body: 'Tampilkan isi email',
    status: {
      held: 'Tertahan',
      pending: 'Menunggu dikirim',
      sent: 'Terkirim',
      cancelled: 'Dibatalkan',
    },
    templates: {
      invite: 'Undangan',
      reset: 'Atur ulang kata sandi',
      password_changed: 'Pemberitahuan kata sandi diubah',
      invitation_accepted: 'Pemberitahuan akun diaktifkan',
      email_changed: 'Pemberitahuan email diubah (ke alamat lama)',
      reset_on_hold: 'Pemberitahuan atur ulang ditahan',
      crisis_request: 'Pemberitahuan permintaan mendesak untuk konselor',
      survey_invite: 'Ajakan survei iklim kerja',
      survey_reminder: 'Pengingat survei iklim kerja',
      survey_published: 'Pengumuman hasil survei iklim kerja',
      campaign_invite: 'Ajakan kegiatan skrining',
      campaign_reminder: 'Pengingat kegiatan skrining',
      role_requested: 'Pemberitahuan pengajuan peran',
      role_request_review: 'Permintaan persetujuan peran',
      role_approved: 'Pemberitahuan peran disetujui',
      role_request_approved_dpo: 'Pemberitahuan peran disetujui (untuk PPDP)',
      other: 'Email lain',
    },
  },
} as const;
