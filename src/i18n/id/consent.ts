/**
 * Teks antarmuka: izin klien untuk konselor dan catatan siapa yang membuka datanya
 * (docs/decisions/042-counselling-consent.md). Teks izin di `texts` adalah kata-kata yang disetujui
 * klien: mengubah satu huruf berarti versi baru (src/domain/consent/consent.ts).
 */
export const consent = {
  title: 'Izin untuk konselor',
  lead: 'Anda yang menentukan apa yang boleh dilihat konselor Anda, dan sampai kapan. Izin bisa dicabut kapan saja dan langsung berlaku.',
  back_to_privacy: 'Kembali ke Privasi saya',
  kinds: {
    shared_results: 'Melihat hasil cek diri dari waktu ke waktu',
    check_in_trends: 'Melihat ringkasan cek harian',
    notes_transfer: 'Meneruskan catatan sesi ke konselor lain',
  },
  kind_hints: {
    shared_results: 'Skor PHQ-9 dan GAD-7 Anda, supaya konselor dapat melihat perkembangan Anda.',
    check_in_trends: 'Rata-rata suasana hati dan tenaga per minggu — tanpa catatan atau tanda yang Anda tulis.',
    notes_transfer: 'Bila Anda pindah konselor, catatan sesi boleh diserahkan kepada konselor yang Anda pilih.',
  },
  texts: {
    shared_results: {
      v1: 'Saya mengizinkan konselor yang saya pilih melihat skor PHQ-9 dan GAD-7 saya dari waktu ke waktu, termasuk hasil yang tidak saya bagikan satu per satu, untuk memantau perkembangan saya selama konseling. Konselor hanya melihat skor dan tingkatnya, bukan jawaban per butir. Setiap kali konselor membukanya, hal itu tercatat dan dapat saya lihat. Izin ini berlaku sampai tanggal yang saya pilih, dan saya dapat mencabutnya kapan saja; setelah dicabut, konselor langsung tidak dapat melihatnya lagi. Atasan, bagian kepegawaian, dan admin tidak pernah dapat melihat data ini.',
    },
    check_in_trends: {
      v1: 'Saya mengizinkan konselor yang saya pilih melihat ringkasan mingguan cek harian saya: berapa kali saya mengisi serta rata-rata suasana hati dan tenaga saya. Catatan dan tanda yang saya tulis tidak ikut terlihat. Setiap kali konselor membukanya, hal itu tercatat dan dapat saya lihat. Izin ini berlaku sampai tanggal yang saya pilih, dan saya dapat mencabutnya kapan saja; setelah dicabut, konselor langsung tidak dapat melihatnya lagi. Atasan, bagian kepegawaian, dan admin tidak pernah dapat melihat data ini.',
    },
    notes_transfer: {
      v1: 'Saya mengizinkan konselor yang saya pilih menyerahkan catatan sesi konseling saya kepada satu konselor lain yang saya sebut namanya, agar pendampingan saya dapat dilanjutkan tanpa saya harus bercerita dari awal. Catatan tidak diserahkan kepada siapa pun selain konselor tersebut, dan setiap pembukaan catatan tercatat dan dapat saya lihat. Izin ini berlaku sampai tanggal yang saya pilih, dan saya dapat mencabutnya kapan saja sebelum catatan diserahkan.',
    },
  },
  active: {
    title: 'Izin yang Anda berikan',
    empty: 'Belum ada izin yang berlaku.',
    empty_hint: 'Tanpa izin, konselor hanya melihat jadwal Anda dan hasil yang Anda bagikan satu per satu.',
    until: 'Berlaku sampai {{date}}',
    to: 'Untuk {{name}}',
    transfer_to: 'Diteruskan kepada {{name}}',
    revoke: 'Cabut',
    revoke_named: 'Cabut izin untuk {{name}}: {{kind}}',
    confirm_title: 'Cabut izin ini?',
    confirm_body:
      'Mulai saat ini {{name}} tidak lagi mendapat izin “{{kind}}”. Riwayat izin tetap tersimpan untuk Anda.',
    confirm: 'Ya, cabut izin',
    cancel: 'Batal',
    revoked: 'Izin sudah dicabut. {{name}} tidak dapat melihatnya lagi.',
  },
  grant: {
    title: 'Berikan izin',
    lead: 'Izin hanya dapat diberikan kepada konselor yang pernah atau akan Anda temui, atau yang pernah menerima hasil cek diri Anda.',
    no_counsellors: 'Anda belum punya konselor.',
    no_counsellors_hint: 'Setelah Anda membuat janji dengan konselor, Anda dapat memberinya izin di sini.',
    book: 'Buat janji konseling',
    counsellor: 'Konselor',
    choose_counsellor: 'Pilih konselor',
    kind: 'Apa yang Anda izinkan',
    recipient: 'Diteruskan kepada',
    choose_recipient: 'Pilih konselor penerima',
    no_recipients: 'Belum ada konselor lain di instansi Anda.',
    text_title: 'Yang Anda setujui',
    period: 'Berlaku selama',
    months: '{{count}} bulan',
    months_until: '{{count}} bulan (sampai {{date}})',
    agree: 'Saya sudah membaca teks di atas dan setuju.',
    submit: 'Berikan izin',
    granted: 'Izin sudah diberikan kepada {{name}}.',
    already: 'Izin ini sudah berlaku untuk konselor tersebut.',
  },
  history: {
    version: 'Versi {{number}}',
    title: 'Riwayat izin',
    lead: 'Semua izin yang pernah Anda berikan, juga yang sudah berakhir atau dicabut.',
    empty: 'Belum ada riwayat izin.',
    caption: 'Riwayat izin untuk konselor',
    columns: {
      what: 'Izin',
      counsellor: 'Konselor',
      granted: 'Diberikan',
      status: 'Status',
      version: 'Versi teks',
    },
    status: {
      active: 'Berlaku sampai {{date}}',
      expired: 'Berakhir {{date}}',
      revoked: 'Dicabut {{date}}',
    },
  },
  access: {
    title: 'Siapa yang membuka data Anda',
    lead: 'Setiap kali konselor membuka jadwal, hasil, atau catatan Anda, hal itu tercatat di sini.',
    empty: 'Belum ada yang membuka data konseling Anda.',
    more: 'Tampilkan yang lebih lama',
    entry: '{{name}} {{what}}',
    times: '{{count}} kali, {{from}}–{{to}}',
    someone: 'Seseorang',
    actions: {
      timeline_viewed: 'membuka catatan perjalanan Anda (jadwal, hasil, dan grafik perkembangan)',
      shared_result_viewed: 'membaca hasil cek diri yang Anda bagikan',
      appointments_viewed: 'melihat jadwal konseling Anda',
      caseload_viewed: 'melihat ringkasan Anda di daftar kliennya',
      notes: 'membuka catatan sesi Anda',
      notes_transfer: 'membaca catatan sesi Anda dari {{from}} (pemindahan catatan yang Anda izinkan)',
      other: 'membuka data konseling Anda',
    },
  },
};
