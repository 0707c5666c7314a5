/** Teks antarmuka: beranda, satu bagian per peran. */
export const home = {
  greeting: {
    morning: 'Selamat pagi, {{name}}',
    midday: 'Selamat siang, {{name}}',
    afternoon: 'Selamat sore, {{name}}',
    evening: 'Selamat malam, {{name}}',
  },
  lead: 'Anda terdaftar di {{unit}}.',
  employee: {
    title: 'Untuk Anda',
    self_check: 'Cek diri',
    self_check_body:
      'Kuesioner singkat yang tervalidasi untuk mengenali tingkat stres, kecemasan, dan suasana hati Anda, lengkap dengan saran langkah berikutnya.',
    check_in: 'Catatan harian',
    check_in_body: 'Catat suasana hati, tidur, dan beban kerja Anda hari ini. Kurang dari 20 detik, hanya untuk Anda.',
    safety_plan: 'Rencana keselamatan',
    safety_plan_body:
      'Tanda-tanda yang perlu Anda waspadai, hal yang menenangkan, dan orang yang bisa dihubungi, Anda tulis sendiri untuk saat sulit.',
    self_care: 'Rencana perawatan diri',
    self_care_body:
      'Kebiasaan kecil untuk tidur, makan, gerak, napas, dan batas kerja, dengan centang harian tanpa rasa bersalah.',
    plan: 'Manajemen waktu',
    plan_body: 'Matriks tugas, rencana hari dengan jeda, Pomodoro, tinjauan mingguan, dan naskah untuk berkata tidak.',
    crisis: 'Bantuan krisis',
    crisis_body:
      'Kontak layanan darurat dan bantuan, serta permintaan agar konselor instansi menghubungi Anda. Juga ada di tombol "Butuh bantuan sekarang" di setiap halaman.',
    invitation_title: 'Ajakan cek diri: {{title}}',
    invitation_body:
      'Instansi Anda mengajak Anda mengisi cek diri sampai {{date}}. Sukarela, dan hasil Anda hanya untuk Anda.',
    invitation_link: 'Buka cek diri',
    next_label: 'Yang dapat Anda lakukan',
    privacy_title: 'Data Anda milik Anda',
    privacy_body:
      'Hasil cek diri dan rencana keselamatan Anda hanya dapat dilihat oleh Anda sendiri, kecuali hasil yang Anda pilih untuk dibagikan kepada konselor. Atasan dan bagian kepegawaian tidak akan pernah melihat data perorangan; mereka hanya melihat ringkasan gabungan dari cukup banyak orang sehingga tidak ada yang dapat dikenali.',
  },
  request: {
    title: 'Permintaan bantuan Anda',
    loading: 'Memuat permintaan bantuan Anda…',
    steps_label: 'Tahap permintaan bantuan',
    step_open: 'Diterima',
    step_acknowledged: 'Konselor menangani',
    step_closed: 'Selesai',
    current_step: 'tahap saat ini',
    open: 'Permintaan Anda sudah kami terima pada {{date}}. Konselor jaga akan menghubungi Anda lewat cara yang Anda pilih.',
    acknowledged:
      'Seorang konselor sudah menangani permintaan Anda sejak {{date}} dan akan menghubungi Anda. Anda tidak perlu mengirim permintaan lagi.',
    closed:
      'Permintaan Anda ditutup pada {{date}}. Jika Anda masih ingin bicara dengan konselor, Anda bisa meminta lagi kapan saja.',
    ask_again: 'Minta dihubungi lagi',
    waiting_title: 'Sambil menunggu',
    waiting_contacts: 'Lihat kontak bantuan',
    waiting_contacts_body: 'Layanan yang bisa Anda hubungi sekarang juga, lengkap dengan jam layanannya.',
    waiting_plan: 'Buka rencana keselamatan Anda',
    waiting_plan_body: 'Langkah-langkah yang Anda siapkan sendiri untuk saat seperti ini.',
    waiting_urgent:
      'Jika Anda merasa tidak aman sekarang, jangan menunggu: hubungi 112 atau 119, atau datangi IGD rumah sakit terdekat.',
  },
  latest: {
    title: 'Hasil cek diri terakhir',
    loading: 'Memuat hasil terakhir Anda…',
    empty_title: 'Anda belum pernah mengisi cek diri',
    empty_body:
      'Cek diri membantu Anda mengenali keadaan Anda sendiri. Yang paling singkat hanya dua pertanyaan, dan hasilnya hanya untuk Anda.',
    empty_action: 'Mulai cek diri',
    taken: 'Diisi {{date}}',
    see_result: 'Lihat hasil dan saran langkahnya',
    check_again: 'Perasaan bisa berubah. Jika Anda mau, cek lagi sekitar {{date}}.',
    check_again_due:
      'Sudah sekitar dua minggu sejak cek terakhir. Jika Anda mau, inilah saat yang baik untuk cek lagi.',
    check_again_action: 'Cek lagi',
    history: 'Semua hasil saya',
  },
  manager: {
    title: 'Tim Anda',
    lead: 'Pegawai di {{units}}, termasuk subunitnya.',
    loading: 'Memuat daftar tim…',
    empty: 'Belum ada pegawai lain di unit Anda.',
    no_position: 'Jabatan belum diisi',
    more: 'Menampilkan {{shown}} dari {{total}} pegawai.',
    whole_agency: 'seluruh instansi',
    aggregates_title: 'Data kesehatan anggota tim tetap milik mereka',
    aggregates_body:
      'Sebagai atasan, Anda tidak pernah melihat hasil cek diri perorangan. Angka tentang tim hanya ditampilkan sebagai gabungan dari paling sedikit {{k}} orang.',
  },
  wellbeing: {
    title: 'Kesejahteraan pegawai',
    lead: 'Alat untuk tim kesejahteraan dan bagian kepegawaian. Anda hanya melihat angka gabungan, tidak pernah hasil perorangan.',
    campaigns: 'Kampanye pemeriksaan',
    campaigns_body:
      'Ajakan cek diri untuk seluruh pegawai; Anda hanya melihat tingkat partisipasi dan sebaran gabungan.',
  },
  counsellor: {
    title: 'Layanan konseling',
    lead: 'Antrean permintaan mendesak dan hasil yang dibagikan pegawai kepada Anda.',
    urgent: 'Permintaan mendesak',
    urgent_body: 'Pegawai yang meminta dihubungi oleh konselor jaga.',
    urgent_count: '{{count}} permintaan baru yang belum ditangani.',
    urgent_waiting: '{{count}} permintaan mendesak menunggu',
    urgent_open: 'Buka antrean mendesak',
    shared: 'Hasil yang dibagikan',
    shared_body: 'Hasil cek diri yang dibagikan pegawai kepada Anda, dengan persetujuan mereka.',
  },
  admin: {
    title: 'Administrasi instansi',
    lead: 'Angka terkini instansi Anda dan pintasan ke halaman pengelolaan.',
    loading: 'Memuat angka instansi…',
    units: 'Unit kerja aktif',
    active_people: 'Pegawai aktif',
    signed_up: 'Sudah membuat akun',
    pending_invitations: 'Undangan belum diterima',
    units_body: 'Susun struktur organisasi dan zona waktunya.',
    people_body: 'Cari, tambah, dan undang pegawai; atur peran.',
    import_body: 'Impor unit kerja dan pegawai dari berkas CSV atau XLSX.',
    audit_body: 'Telusuri siapa melakukan apa dan kapan.',
    outbox_body: 'Email undangan yang tertahan atau terkirim.',
    settings_body: 'Nama instansi, zona waktu, ambang anonimitas, dan PPDP.',
    help_contacts_body: 'Kontak krisis dan bantuan, serta penjangkauan keselamatan.',
  },
  platform: {
    title: 'Platform',
    lead: 'Anda juga mengelola platform Teduh ini untuk beberapa instansi.',
    link: 'Kelola instansi',
  },
} as const;
