/** Pesan galat API dan validasi (bahasa Indonesia, bahasa utama). */
export const errors = {
  unauthenticated: 'Silakan masuk terlebih dahulu.',
  session_expired: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  two_factor_required: 'Masukkan kode verifikasi dua langkah untuk melanjutkan.',
  two_factor_setup_required: 'Peran Anda mewajibkan verifikasi dua langkah. Aktifkan terlebih dahulu.',
  forbidden: 'Anda tidak memiliki izin untuk tindakan ini.',
  not_found: 'Data yang Anda cari tidak ditemukan.',
  route_not_found: 'Alamat ini tidak tersedia.',
  validation: 'Ada isian yang perlu diperbaiki.',
  conflict: 'Data ini bertabrakan dengan data yang sudah ada.',
  rate_limited: 'Terlalu banyak percobaan. Coba lagi dalam {{seconds}} detik.',
  csrf: 'Permintaan ditolak karena token keamanan tidak cocok. Muat ulang halaman lalu coba lagi.',
  payload_too_large: 'Berkas atau data yang dikirim terlalu besar.',
  unsupported_media_type: 'Jenis data yang dikirim tidak didukung.',
  internal: 'Terjadi kesalahan di server. Tim kami sudah mencatatnya; silakan coba lagi nanti.',
  service_unavailable: 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.',
  // Database faults (decision 015): a full disk (507) and a wrong method on a known address (405)
  storage_full: 'Penyimpanan server sedang penuh, jadi data Anda belum tersimpan. Coba lagi beberapa saat lagi.',
  method_not_allowed: 'Alamat ini tidak menerima permintaan {{method}}. Yang diterima: {{allowed}}.',
  idempotency_mismatch: 'Kunci idempotensi ini sudah dipakai untuk permintaan lain.',
  idempotency_in_progress: 'Permintaan yang sama masih diproses. Tunggu sebentar lalu coba lagi.',
  invalid_json: 'Data yang dikirim bukan JSON yang sah.',
  setup_already_done: 'Teduh sudah disiapkan. Silakan masuk.',
  invalid_credentials: 'NIP/email atau kata sandi salah.',
  invalid_code: 'Kode tidak cocok atau sudah kedaluwarsa.',
  token_invalid: 'Tautan ini tidak berlaku lagi atau sudah dipakai. Minta tautan baru.',
  account_inactive: 'Akun ini tidak aktif. Hubungi admin instansi Anda.',
  wrong_password: 'Kata sandi saat ini salah.',
  two_factor_already_enabled: 'Verifikasi dua langkah sudah aktif.',
  two_factor_not_enabled: 'Verifikasi dua langkah belum aktif.',
  two_factor_mandatory: 'Peran Anda mewajibkan verifikasi dua langkah, jadi tidak dapat dimatikan.',
  no_email: 'Orang ini belum memiliki alamat email, jadi undangan tidak dapat dikirim.',
  // Pemulihan akun (docs/decisions/011-account-recovery.md).
  already_signed_up:
    'Orang ini sudah membuat kata sandi, jadi undangan tidak dikirim. Jika lupa kata sandi, ia dapat memakai "Lupa kata sandi?" di halaman masuk; tautannya hanya dikirim kepadanya.',
  unit_has_children: 'Unit ini masih memiliki subunit. Pindahkan atau nonaktifkan subunitnya dulu.',
  unit_has_people: 'Unit ini masih memiliki pegawai aktif. Pindahkan mereka dulu.',
  unit_cycle: 'Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau subunitnya.',
  unit_code_taken: 'Kode unit "{{code}}" sudah dipakai di instansi ini.',
  root_unit_required: 'Instansi harus memiliki tepat satu unit induk teratas.',
  nip_taken: 'NIP ini sudah terdaftar.',
  email_taken: 'Alamat email ini sudah terdaftar.',
  manager_not_found: 'Atasan langsung tidak ditemukan di instansi ini.',
  manager_self: 'Seseorang tidak dapat menjadi atasan langsungnya sendiri.',
  manager_cycle: 'Pilihan atasan ini membuat rantai atasan berputar.',
  unit_not_found: 'Unit tidak ditemukan di instansi ini.',
  unit_inactive: 'Unit ini sudah nonaktif. Pilih unit yang masih aktif, atau aktifkan kembali unitnya.',
  role_exists: 'Peran ini sudah diberikan.',
  role_scope_not_allowed: 'Peran ini berlaku untuk seluruh instansi dan tidak dapat dibatasi pada unit.',
  last_agency_admin: 'Instansi harus tetap memiliki setidaknya satu admin instansi yang aktif.',
  self_deactivate: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
  import_not_ready: 'Impor ini belum selesai divalidasi atau sudah diproses.',
  import_has_problems:
    'Masih ada baris bermasalah. Perbaiki berkasnya, atau pilih untuk menyimpan baris yang valid saja.',
  import_file_type: 'Gunakan berkas CSV atau XLSX.',
  import_file_unreadable: 'Berkas tidak dapat dibaca: {{reason}}',
  import_empty: 'Berkas tidak berisi baris data.',
  import_missing_columns: 'Kolom wajib tidak ada: {{columns}}.',
  import_too_many_rows: 'Berkas berisi lebih dari {{max}} baris. Bagi menjadi beberapa berkas.',
  agency_not_found: 'Instansi tidak ditemukan.',
  answers_invalid: 'Jawaban tidak dapat dinilai. Periksa butir yang disebutkan.',
  draft_not_found: 'Belum ada isian tersimpan untuk kuesioner ini.',
  share_not_allowed: 'Hasil hanya dapat dibagikan kepada konselor di instansi Anda.',
  share_exists: 'Hasil ini sudah Anda bagikan kepada konselor tersebut.',
  consent_required:
    'Persetujuan yang Anda berikan bukan versi yang berlaku. Muat ulang halaman, baca persetujuannya, lalu coba lagi.',
  not_invited: 'Anda tidak termasuk peserta kegiatan skrining ini.',
  no_counsellors: 'Instansi Anda belum memiliki konselor di Teduh. Hubungi layanan bantuan di daftar kontak.',
  crisis_request_closed: 'Permintaan ini sudah ditutup.',
  survey_not_draft: 'Survei yang sudah dibuka tidak dapat diubah.',
  survey_not_open: 'Survei ini tidak sedang dibuka.',
  survey_not_closed: 'Hanya survei yang sudah ditutup yang dapat dibuka kembali.',
  survey_units_out_of_scope: 'Anda hanya dapat menyurvei unit dalam cakupan peran Anda.',
  survey_fewer_than_k:
    'Unit yang dipilih memiliki terlalu sedikit pegawai aktif: hasil survei tidak akan pernah dapat ditampilkan tanpa membuka identitas. Tambahkan unit lain.',
  survey_results_not_ready: 'Hasil survei sedang dihitung. Coba lagi dalam beberapa saat.',
  survey_already_answered: 'Jawaban Anda untuk survei ini sudah tercatat. Terima kasih.',
  // Kotak saran (docs/decisions/052-suggestion-box.md).
  suggestion_daily_limit:
    'Anda sudah mengirim {{count}} saran hari ini. Kirim saran berikutnya besok — batas ini menjaga kotak saran dari kiriman berulang.',
  suggestions_too_few: 'Saran yang menunggu belum mencapai batas anonimitas, jadi belum dapat ditampilkan.',
  suggestion_already_hidden: 'Saran ini sudah disembunyikan.',
  campaign_not_draft: 'Kegiatan skrining yang sudah dimulai tidak dapat diubah.',
  campaign_not_open: 'Kegiatan skrining ini tidak sedang berlangsung.',
  campaign_units_out_of_scope: 'Anda hanya dapat mengundang unit dalam cakupan peran Anda.',
  campaign_no_members: 'Unit yang dipilih tidak memiliki pegawai aktif untuk diundang.',
  article_not_found: 'Artikel ini tidak ditemukan. Mungkin sudah ditarik atau dihapus.',
  article_conflict:
    'Artikel ini baru saja diubah di tempat lain. Muat ulang untuk melihat versi terbaru, lalu ubah lagi.',
  article_limit_reached:
    'Instansi sudah memiliki {{max}} artikel. Hapus artikel yang tidak dipakai sebelum menulis yang baru.',
  check_in_closed:
    'Catatan hari itu sudah tersimpan dan kini hanya bisa dibaca. Catatan bisa diubah pada hari yang sama dan keesokan harinya.',
  check_in_future: 'Catatan hanya bisa diisi untuk hari ini atau kemarin.',
  safety_plan_not_found: 'Anda belum memiliki rencana keselamatan.',
  calendar_day_taken: 'Tanggal ini sudah punya perubahan lain di kalender instansi. Hapus dulu perubahan itu.',
  calendar_day_not_found: 'Tanggal ini tidak punya perubahan di kalender instansi.',
  ramadan_not_found: 'Tanggal Ramadan untuk tahun ini belum diatur.',
  safety_plan_conflict:
    'Rencana keselamatan Anda sudah diubah atau dihapus di perangkat lain sejak halaman ini dibuka. Muat versi terbaru, lalu simpan perubahan Anda lagi.',
  // My data (docs/decisions/013-data-rights.md).
  consent_withdrawn:
    'Anda sudah menarik persetujuan untuk ini. Berikan lagi di halaman Data saya bila Anda ingin melanjutkan.',
  consent_per_share: 'Persetujuan berbagi diberikan per hasil, dari halaman hasil tersebut.',
  result_not_found: 'Hasil ini tidak ditemukan di antara hasil Anda; mungkin sudah dihapus.',
  correction_already_answered: 'Permintaan perbaikan ini sudah dijawab.',
  // Separation of duties (docs/decisions/012-separation-of-duties.md).
  role_self_grant:
    'Anda tidak dapat meminta peran ini untuk diri sendiri. Minta admin instansi lain atau pejabat pelindungan data pribadi.',
  role_request_pending: 'Permintaan peran ini sudah menunggu persetujuan.',
  role_request_not_pending: 'Permintaan peran ini sudah diputuskan.',
  role_request_expired: 'Permintaan peran ini sudah kedaluwarsa. Ajukan permintaan baru bila masih diperlukan.',
  role_request_person_inactive: 'Pegawai ini sudah tidak aktif.',
  role_approver_not_independent:
    'Persetujuan harus diberikan oleh orang kedua: bukan peminta dan bukan penerima peran.',
  role_approver_in_agency:
    'Instansi ini memiliki admin atau pejabat pelindungan data pribadi yang dapat menyetujuinya.',
  retention_out_of_bounds: 'Masa simpan berada di luar batas aman.',
  // Self-care plan and time management (docs/decisions/035-self-care-and-plan.md).
  habit_not_found: 'Kebiasaan ini tidak ada di rencana Anda.',
  too_many_habits:
    'Rencana perawatan diri paling banyak berisi {{max}} kebiasaan. Sedikit tapi terus dijalani lebih berguna.',
  tick_day_out_of_range: 'Centang hanya bisa diberikan untuk hari ini dan {{days}} hari sebelumnya.',
  task_not_found: 'Tugas ini tidak ada di daftar Anda.',
  too_many_tasks: 'Daftar Anda sudah berisi {{max}} tugas yang belum selesai. Selesaikan atau hapus beberapa dulu.',
  block_not_found: 'Blok waktu ini tidak ada di rencana hari Anda.',
  review_not_found: 'Tinjauan mingguan ini tidak ditemukan.',
  // Counsellors and booking (docs/decisions/040-booking.md).
  counsellor_not_found: 'Konselor ini tidak ditemukan atau sedang tidak membuka jadwal.',
  appointment_not_found: 'Jadwal ini tidak ditemukan.',
  slot_taken: 'Maaf, jam ini baru saja dipesan orang lain. Silakan pilih jam lain yang masih kosong.',
  // Izin untuk konselor (docs/decisions/042-counselling-consent.md).
  consent_text_outdated:
    'Teks izin ini sudah diperbarui. Muat ulang halaman, baca teks terbaru, lalu berikan izin lagi.',
  consent_counsellor:
    'Izin hanya dapat diberikan kepada konselor yang pernah Anda temui atau yang menerima hasil cek diri Anda.',
  consent_recipient:
    'Pilih satu konselor lain di instansi Anda sebagai penerima catatan (hanya untuk izin meneruskan catatan).',
  consent_exists: 'Izin ini sudah berlaku untuk konselor tersebut.',
  slot_not_free: 'Jam ini tidak tersedia. Silakan pilih jam lain dari daftar.',
  mode_not_offered: 'Cara bertemu ini tidak tersedia pada jam tersebut.',
  booking_too_late:
    'Jadwal ini sudah terlalu dekat untuk diubah atau dibatalkan sendiri. Silakan hubungi konselor Anda.',
  booking_not_active: 'Jadwal ini sudah dibatalkan atau sudah selesai.',
  reminder_email_unavailable:
    'Pengingat lewat email tidak dapat dikirim kepada Anda saat ini. Pengingat tetap muncul di Teduh.',
  cannot_book_self: 'Anda tidak dapat memesan jadwal dengan diri sendiri.',
  counsellor_profile_missing: 'Lengkapi profil konselor Anda terlebih dahulu.',
  availability_overlap: 'Ada dua jam praktik yang bertumpuk pada hari yang sama.',
  // Referrals (docs/decisions/044-referrals.md).
  referral_not_found: 'Surat rujukan ini tidak ditemukan.',
  referral_client_not_found: 'Orang ini tidak ditemukan di antara klien Anda.',
  referral_self_as_counsellor: 'Untuk diri sendiri, buat surat rujukan dari halaman Surat rujukan.',
  referral_score_not_found: 'Hasil cek diri yang dipilih tidak ditemukan.',
  referral_not_editable: 'Surat ini sudah diserahkan, jadi isinya tidak dapat diubah lagi.',
  referral_status_not_allowed: 'Status surat ini tidak dapat diubah ke langkah tersebut.',
  referral_not_approved: 'Isi surat ini belum disetujui oleh yang bersangkutan.',
  idempotency_key_required: 'Permintaan ini perlu kunci Idempotency-Key.',
  // Session notes and break-glass (docs/decisions/041-session-notes.md).
  note_conflict:
    'Catatan ini sudah diubah di tempat lain sejak Anda membukanya. Muat ulang halaman agar tidak ada tulisan yang tertimpa.',
  appointment_cancelled: 'Jadwal ini sudah dibatalkan, jadi tidak dapat diberi catatan sesi.',
  person_not_found: 'Tidak ada pegawai aktif dengan NIP ini di instansi Anda.',
  break_glass_self: 'Anda tidak dapat membuka catatan sesi tentang diri Anda sendiri.',
  break_glass_expired: 'Waktu akses darurat ini sudah habis. Buka akses baru dengan alasan bila masih diperlukan.',
  // The counsellor's workspace (docs/decisions/043-counsellor-workspace.md).
  appointment_not_started: 'Sesi ini belum dimulai. Catat hasilnya setelah jam mulainya.',
  appointment_status_locked:
    'Status sesi ini tidak bisa diubah lagi. Tidak hadir hanya bisa dikoreksi menjadi selesai pada hari yang sama.',
  crisis_request_taken: 'Permintaan ini sudah ditangani konselor lain.',
  // Peer groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md).
  peer_group_not_found: 'Kelompok ini tidak ditemukan atau sudah tidak dibuka.',
  peer_group_full: 'Maaf, kelompok ini sudah penuh. Coba kelompok lain atau tanyakan fasilitatornya kapan ada tempat.',
  peer_group_own: 'Anda fasilitator kelompok ini, jadi tidak perlu bergabung sebagai anggota.',
  display_name_taken: 'Nama panggilan ini sudah dipakai anggota lain di kelompok ini. Pilih nama lain.',
  display_name_is_real_name:
    'Nama ini mirip nama asli Anda. Pilih nama panggilan lain supaya Anda tidak mudah dikenali.',
  capacity_below_members: 'Kapasitas tidak boleh lebih kecil dari jumlah anggota yang sudah bergabung.',
  not_a_session_date: 'Tanggal ini bukan jadwal pertemuan kelompok yang akan datang.',
  return_plan_not_found: 'Rencana kembali bekerja ini tidak ditemukan.',
  not_your_client: 'Orang ini belum pernah membuat jadwal dengan Anda, jadi Anda belum dapat membuat rencana untuknya.',
  return_plan_changed: 'Rencana ini baru saja diubah. Baca versi terbarunya dulu sebelum menyetujui.',
  return_plan_not_agreed: 'Setujui rencananya dulu sebelum membagikan jadwal kerja kepada atasan.',
  return_plan_closed: 'Rencana ini sudah ditutup dan tidak dapat diubah lagi.',
  steps_must_rise: 'Beban kerja tiap tahap tidak boleh lebih rendah dari tahap sebelumnya.',
} as const;
