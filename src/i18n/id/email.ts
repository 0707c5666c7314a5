/** Email kepada pegawai. Teks polos, singkat, tanpa data kesehatan. */
export const email = {
  signature: 'Salam,\nTim Teduh {{agency}}\n\nEmail ini dikirim otomatis; jangan dibalas.',
  invite: {
    subject: 'Undangan ke Teduh — {{agency}}',
    body: 'Halo {{name}},\n\n{{agency}} mengundang Anda ke Teduh, tempat menjaga kesehatan mental pegawai secara rahasia. Hasil pemeriksaan diri Anda hanya dapat dilihat oleh Anda sendiri.\n\nBuat kata sandi Anda melalui tautan ini (berlaku sampai {{expires}}):\n{{link}}\n\nJika Anda tidak merasa terkait dengan undangan ini, abaikan saja email ini.',
  },
  reset: {
    subject: 'Atur ulang kata sandi Teduh',
    body: 'Halo {{name}},\n\nSeseorang (semoga Anda) meminta pengaturan ulang kata sandi Teduh Anda. Buat kata sandi baru melalui tautan ini (berlaku sampai {{expires}}):\n{{link}}\n\nJika bukan Anda yang meminta, abaikan email ini; kata sandi Anda tidak berubah.',
  },
  password_changed: {
    subject: 'Kata sandi Teduh Anda telah diubah',
    body: 'Halo {{name}},\n\nKata sandi Teduh Anda baru saja diubah pada {{when}}, dan semua sesi lain telah dikeluarkan. Jika bukan Anda yang mengubahnya, segera hubungi admin instansi Anda.',
  },
  crisis_request: {
    subject: 'Permintaan bantuan mendesak di Teduh',
    body: 'Halo {{name}},\n\nAda permintaan bantuan mendesak dari seorang pegawai {{agency}} yang perlu segera ditindaklanjuti oleh konselor jaga. Demi kerahasiaan, rinciannya hanya dapat dibaca di Teduh:\n{{link}}\n\nJika Anda tidak sedang bertugas, pastikan konselor jaga lain sudah menanganinya.',
  },
  survey_invite: {
    subject: 'Survei iklim kerja: {{title}}',
    body: 'Halo {{name}},\n\n{{agency}} ingin mendengar bagaimana pekerjaan memperlakukan Anda. Survei "{{title}}" terbuka sampai {{closes}} dan hanya butuh beberapa menit.\n\nSurvei ini anonim: yang dicatat hanyalah bahwa Anda sudah menjawab, bukan apa jawaban Anda. Jawaban disimpan tanpa nama dan hanya ditampilkan sebagai gabungan kelompok yang cukup besar sehingga tidak ada yang dapat dikenali.\n\nIsi di sini:\n{{link}}',
  },
  survey_reminder: {
    subject: 'Pengingat survei iklim kerja: {{title}}',
    body: 'Halo {{name}},\n\nSurvei "{{title}}" masih terbuka sampai {{closes}}. Suara Anda ikut menentukan apa yang akan diperbaiki instansi, dan jawaban Anda tetap anonim.\n\n{{link}}\n\nJika Anda tidak ingin ikut, abaikan pengingat ini.',
  },
  survey_published: {
    subject: 'Hasil survei dan tindak lanjutnya: {{title}}',
    body: 'Halo {{name}},\n\nTerima kasih sudah meluangkan waktu untuk survei "{{title}}". {{agency}} kini membagikan apa yang kami dengar dari survei itu dan apa yang akan kami lakukan.\n\nHasil hanya ditampilkan sebagai gabungan kelompok yang cukup besar; tidak ada yang dapat mengetahui siapa menjawab apa.\n\nBaca di sini:\n{{link}}',
  },
  campaign_invite: {
    subject: 'Undangan cek diri: {{title}}',
    body: 'Halo {{name}},\n\n{{agency}} mengajak Anda mengisi kuesioner cek diri "{{title}}" sampai {{closes}}. Hasil Anda hanya dapat dilihat oleh Anda sendiri; instansi hanya menerima ringkasan gabungan dari cukup banyak orang sehingga tidak ada yang dapat dikenali. Mengisinya sukarela.\n\nMulai di sini:\n{{link}}',
  },
  campaign_reminder: {
    subject: 'Pengingat cek diri: {{title}}',
    body: 'Halo {{name}},\n\nKuesioner cek diri "{{title}}" masih terbuka sampai {{closes}}. Jika Anda ingin ikut, Anda dapat mengisinya kapan saja sebelum itu. Hasil Anda tetap hanya untuk Anda.\n\n{{link}}\n\nJika Anda sudah mengisinya atau tidak ingin ikut, abaikan pengingat ini.',
  },
  // Pemulihan akun (docs/decisions/011-account-recovery.md).
  redacted_link: '[tautan rahasia: hanya dikirim kepada penerima]',
  invitation_accepted: {
    subject: 'Akun Teduh Anda sudah aktif',
    body: 'Halo {{name}},\n\nAkun Teduh Anda baru saja diaktifkan dengan kata sandi baru pada {{when}}, dan sesi lain (jika ada) telah dikeluarkan. Jika bukan Anda yang melakukannya, segera hubungi pejabat pelindungan data atau admin instansi Anda.',
  },
  email_changed: {
    subject: 'Alamat email akun Teduh Anda diubah',
    body: 'Halo {{name}},\n\nAdmin instansi {{agency}} mengubah alamat email akun Teduh Anda pada {{when}} menjadi {{masked}}. Demi keamanan, kata sandi Anda tidak dapat diatur ulang lewat alamat baru itu sampai {{until}}.\n\nJika Anda memang meminta perubahan ini, konfirmasikan melalui tautan ini agar pengaturan ulang dapat langsung dipakai:\n{{link}}\n\nJika Anda tidak memintanya, jangan klik tautan itu. Kata sandi Anda tetap berlaku; masuklah seperti biasa dan hubungi pejabat pelindungan data instansi Anda.',
  },
  reset_on_hold: {
    subject: 'Pengaturan ulang kata sandi Teduh belum dapat dilakukan',
    body: 'Halo {{name}},\n\nAda permintaan pengaturan ulang kata sandi untuk akun Teduh Anda. Karena alamat email akun ini baru diubah oleh admin, pengaturan ulang ditahan sampai {{until}}, kecuali perubahan itu dikonfirmasi dari alamat email lama. Setelah itu, silakan minta pengaturan ulang lagi.',
  },
  // Separation of duties (docs/decisions/012-separation-of-duties.md).
  role_requested: {
    subject: 'Permintaan peran {{role}} untuk Anda di Teduh',
    body: 'Halo {{name}},\n\nAdmin {{agency}} meminta agar Anda diberi peran {{role}} di Teduh. Peran ini baru berlaku setelah orang kedua (admin instansi lain atau pejabat pelindungan data pribadi) menyetujuinya. Siapa saja yang dapat membaca data kesehatan di instansi Anda selalu dapat dilihat oleh semua pegawai:\n{{link}}\n\nJika Anda tidak mengharapkan peran ini, hubungi pejabat pelindungan data pribadi instansi Anda.',
  },
  role_request_review: {
    subject: 'Perlu persetujuan: peran {{role}} untuk {{person}}',
    body: 'Halo {{name}},\n\nAda permintaan agar {{person}} diberi peran {{role}} di {{agency}}. Peran ini belum berlaku sampai disetujui oleh orang kedua yang bukan peminta dan bukan penerimanya. Periksa dan setujui atau tolak di konsol PPDP:\n{{link}}',
  },
  role_approved: {
    subject: 'Peran {{role}} Anda di Teduh sudah berlaku',
    body: 'Halo {{name}},\n\nPeran {{role}} Anda di {{agency}} sudah disetujui dan berlaku sekarang. Nama Anda tampil di daftar terbuka orang yang dapat membaca data kesehatan, yang dapat dilihat semua pegawai:\n{{link}}',
  },
  role_request_approved_dpo: {
    subject: 'Disetujui: peran {{role}} untuk {{person}}',
    body: 'Halo {{name}},\n\nPeran {{role}} untuk {{person}} di {{agency}} sudah disetujui dan berlaku sekarang. Rinciannya ada di konsol PPDP:\n{{link}}',
  },
  break_glass: {
    subject: 'Akses darurat ke catatan sesi dibuka oleh {{supervisor}}',
    body: 'Halo {{name}},\n\n{{supervisor}}, supervisor klinis di {{agency}}, baru saja membuka akses darurat (break-glass) ke catatan sesi seorang pegawai, dengan alasan tertulis. Akses ini berlaku 60 menit dan tercatat di log audit. Mohon tinjau apakah alasannya wajar:\n{{link}}',
  },
  // Pengingat janji temu (docs/decisions/049-counselling-journey.md): hanya kapan — kotak surat kantor sering dibaca orang lain.
  booking_reminder: {
    subject: 'Pengingat dari Teduh',
    body: 'Halo {{name}},\n\nAnda punya janji temu lewat Teduh {{day}} pukul {{time}}. Rinciannya ada di Teduh:\n{{link}}\n\nEmail ini dikirim karena Anda memintanya. Untuk berhenti, ubah pengingat di Teduh.',
  },
  // Rapat tim kesejahteraan dan diskusi kelompok terarah (docs/decisions/053-committee-and-focus-groups.md).
  committee_meeting_scheduled: {
    subject: 'Rapat Tim Kesejahteraan Pegawai: {{title}}',
    body: 'Halo {{name}},\n\nSebagai anggota Tim Kesejahteraan Pegawai {{agency}}, Anda diundang ke rapat "{{title}}" pada {{when}}, di {{place}}. Agenda rapat dapat dilihat di Teduh:\n{{link}}',
  },
  committee_meeting_changed: {
    subject: 'Perubahan rapat Tim Kesejahteraan Pegawai: {{title}}',
    body: 'Halo {{name}},\n\nRapat Tim Kesejahteraan Pegawai "{{title}}" berubah. Rapat kini diadakan pada {{when}}, di {{place}}. Rincian dan agendanya ada di Teduh:\n{{link}}',
  },
  committee_meeting_cancelled: {
    subject: 'Rapat Tim Kesejahteraan Pegawai dibatalkan: {{title}}',
    body: 'Halo {{name}},\n\nRapat Tim Kesejahteraan Pegawai "{{title}}" yang direncanakan pada {{when}} dibatalkan.\n{{link}}',
  },
  focus_group_invite: {
    subject: 'Undangan diskusi kelompok terarah: {{title}}',
    body: 'Halo {{name}},\n\n{{agency}} mengundang Anda ke diskusi kelompok terarah tentang "{{title}}" pada {{when}}, di {{place}}, untuk memahami hasil survei pegawai dengan lebih baik. Keikutsertaan bersifat sukarela: Anda dapat menerima atau menolak di Teduh tanpa memberi alasan, dan tidak ada yang diberi tahu alasannya. Hanya fasilitator dan admin kesejahteraan yang melihat siapa yang bersedia hadir; ringkasan diskusi tidak menyebut nama siapa pun.\n\nJawab di sini:\n{{link}}',
  },
  focus_group_reminder: {
    subject: 'Besok: diskusi kelompok terarah {{title}}',
    body: 'Halo {{name}},\n\nPengingat: diskusi kelompok terarah "{{title}}" yang Anda terima diadakan pada {{when}}, di {{place}}. Jika ternyata tidak bisa hadir, Anda dapat mengubah jawaban di Teduh:\n{{link}}',
  },
  focus_group_cancelled: {
    subject: 'Diskusi kelompok terarah dibatalkan: {{title}}',
    body: 'Halo {{name}},\n\nDiskusi kelompok terarah "{{title}}" yang direncanakan pada {{when}} dibatalkan. Terima kasih atas kesediaan Anda untuk ikut.\n{{link}}',
  },
} as const;
