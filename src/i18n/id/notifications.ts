/** Teks antarmuka: notifikasi dalam aplikasi (lonceng di kepala halaman dan halaman notifikasi). */
export const notifications = {
  bell: 'Notifikasi',
  bell_unread: 'Notifikasi, {{count}} belum dibaca',
  title: 'Notifikasi',
  lead: 'Pemberitahuan untuk Anda, terbaru lebih dulu.',
  empty: 'Belum ada notifikasi.',
  new: 'Baru',
  open: 'Buka',
  read_all: 'Tandai semua sudah dibaca',
  // Batas jam kerja (docs/boundaries.md): pesan rutin di luar jam Anda ditahan.
  held_until: 'Ditahan sampai {{when}}',
  held_hint: 'Pesan rutin ini akan tampil sebagai pesan baru pada jam kerja Anda.',
  kinds: {
    survey_invited: 'Survei iklim kerja anonim menunggu jawaban Anda: {{title}}',
    survey_reminder: 'Survei iklim kerja masih terbuka: {{title}}',
    survey_published: 'Hasil survei dan rencana tindak lanjutnya sudah dibagikan: {{title}}',
    campaign_invited: 'Instansi mengajak Anda mengisi cek diri: {{title}}',
    campaign_reminder: 'Pengingat: cek diri "{{title}}" masih terbuka',
    crisis_request: 'Ada permintaan bantuan mendesak yang menunggu',
    // Pemulihan akun (docs/decisions/011-account-recovery.md).
    password_changed:
      'Kata sandi Anda diubah dan semua sesi lain dikeluarkan. Bukan Anda? Hubungi pejabat pelindungan data instansi.',
    invitation_accepted: 'Akun Anda diaktifkan dengan kata sandi baru; sesi lain (jika ada) dikeluarkan.',
    email_changed:
      'Admin mengubah alamat email akun Anda. Pengaturan ulang kata sandi ditahan 24 jam; pemberitahuan dikirim ke alamat lama.',
    other: 'Ada pemberitahuan baru',
    // Separation of duties (docs/decisions/012-separation-of-duties.md).
    role_requested: 'Peran {{role}} diminta untuk {{name}} dan menunggu persetujuan',
    role_approved: 'Peran {{role}} untuk {{name}} sudah disetujui',
    role_requested_self: 'Peran {{role}} diminta untuk Anda dan menunggu persetujuan orang kedua',
    role_approved_self: 'Peran {{role}} Anda sudah disetujui dan berlaku',
    // Perawatan diri: pengingat kebiasaan tanpa menyebut kebiasaannya.
    booking_reminder: 'Pengingat: Anda punya jadwal konseling sebentar lagi',
    booking_cancelled: 'Konselor membatalkan salah satu jadwal Anda',
    // Catatan sesi: akses darurat, tanpa nama klien dan tanpa isi catatan.
    note_break_glass: '{{name}} membuka akses darurat ke catatan sesi. Mohon ditinjau.',
    booking_scheduled: 'Seorang konselor menjadwalkan sesi dengan Anda. Lihat jadwalnya di Jadwal saya',
    booking_client_cancelled: 'Seorang klien membatalkan jadwal konseling dengan Anda',
    booking_client_moved: 'Seorang klien memindahkan jadwal konseling dengan Anda',
    habit_reminder: 'Pengingat lembut: ada kebiasaan perawatan diri untuk hari ini',
    // Kelompok sebaya dan kembali bekerja (docs/decisions/045-peer-groups-and-return-to-work.md):
    // tanpa alasan dan tanpa istilah klinis.
    committee_meeting_scheduled: 'Anda diundang ke rapat Tim Kesejahteraan Pegawai: {{title}}',
    committee_meeting_changed: 'Waktu atau tempat rapat "{{title}}" berubah',
    committee_meeting_cancelled: 'Rapat "{{title}}" dibatalkan',
    focus_group_invited: 'Anda diundang ke diskusi kelompok terarah: {{title}}. Keikutsertaan sukarela',
    focus_group_reminder: 'Pengingat: diskusi kelompok "{{title}}" besok',
    focus_group_cancelled: 'Diskusi kelompok "{{title}}" dibatalkan',
    peer_group_session_cancelled: 'Pertemuan kelompok "{{title}}" pada {{date}} dibatalkan',
    peer_group_moved: 'Waktu atau tempat pertemuan kelompok "{{title}}" berubah. Lihat jadwal barunya',
    peer_group_closed: 'Kelompok "{{title}}" sudah ditutup oleh fasilitatornya',
    return_plan_proposed: 'Konselor Anda menyusun rencana kembali bekerja bersama Anda. Silakan baca dan setujui',
    return_plan_changed: 'Konselor Anda mengubah rencana kembali bekerja. Silakan baca perubahannya',
    return_plan_checkin_due: 'Pengingat: ada titik pemantauan rencana kembali bekerja pada {{date}}',
    return_schedule_shared: '{{name}} membagikan jadwal penyesuaian beban kerja dengan Anda',
    return_schedule_withdrawn: '{{name}} tidak lagi membagikan jadwal penyesuaian beban kerja dengan Anda',
  },
};
