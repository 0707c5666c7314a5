/**
 * Teks antarmuka: catatan perjalanan klien untuk konselornya — jadwal, hasil yang dibagikan, dan
 * grafik perkembangan PHQ-9/GAD-7 bila klien mengizinkan (docs/decisions/042-counselling-consent.md).
 */
export const client_record = {
  title: 'Catatan perjalanan {{name}}',
  back: 'Kembali ke jadwal',
  unit: 'Unit: {{unit}}',
  audited: 'Setiap kali Anda membuka halaman ini, hal itu tercatat dan dapat dilihat klien.',
  not_found:
    'Klien ini tidak ditemukan, atau belum pernah membuat janji, membagikan hasil, maupun mengizinkan catatannya diteruskan kepada Anda.',
  consents: {
    title: 'Izin dari klien',
    none: 'Klien belum memberi izin apa pun kepada Anda.',
    until: '{{kind}} — sampai {{date}}',
    kinds: {
      shared_results: 'Melihat hasil cek diri dari waktu ke waktu',
      check_in_trends: 'Melihat ringkasan cek harian',
      notes_transfer: 'Meneruskan catatan sesi',
    },
  },
  measures: {
    title: 'Perkembangan (pemantauan berbasis pengukuran)',
    no_consent:
      'Grafik perkembangan tampil bila klien mengizinkan Anda melihat hasil cek dirinya dari waktu ke waktu. Klien dapat memberi izin itu dari halaman privasinya.',
    empty: 'Klien belum punya hasil {{instrument}}.',
    cut_off: 'Batas klinis {{value}}',
    chart_label: 'Grafik skor {{instrument}} dari waktu ke waktu. Rinciannya ada di tabel di bawah grafik.',
    table_toggle: 'Lihat sebagai tabel',
    caption: 'Skor {{instrument}} klien, dari yang terlama',
    columns: {
      date: 'Tanggal',
      total: 'Skor',
      band: 'Tingkat',
      change: 'Perubahan dari sebelumnya',
    },
    first: 'Skor pertama',
    summary: {
      improved: 'Membaik secara bermakna: dari {{from}} menjadi {{to}} ({{delta}} poin).',
      deteriorated: 'Memburuk secara bermakna: dari {{from}} menjadi {{to}} (+{{delta}} poin).',
      no_reliable_change: 'Belum ada perubahan bermakna: dari {{from}} menjadi {{to}}.',
      single: 'Baru ada satu skor ({{total}}); perubahan terlihat setelah skor berikutnya.',
      recovered: 'Kini di bawah batas klinis.',
      threshold: 'Perubahan dianggap bermakna bila minimal {{points}} poin (indeks perubahan andal Jacobson–Truax).',
    },
    step: {
      improved: 'turun {{delta}} poin — membaik bermakna',
      deteriorated: 'naik {{delta}} poin — memburuk bermakna',
      no_reliable_change: '{{signed}} poin — belum bermakna',
    },
    instruments: {
      phq9: 'PHQ-9 (depresi)',
      gad7: 'GAD-7 (kecemasan)',
    },
    bands: {
      minimal: 'minimal',
      mild: 'ringan',
      moderate: 'sedang',
      moderately_severe: 'cukup berat',
      severe: 'berat',
    },
    legend_score: 'Skor',
    legend_cut_off: 'Batas klinis',
  },
  appointments: {
    title: 'Jadwal dengan Anda',
    empty: 'Belum ada jadwal dengan klien ini.',
    caption: 'Jadwal konseling klien dengan Anda',
    columns: { when: 'Waktu', mode: 'Cara', status: 'Status' },
  },
  shared: {
    title: 'Hasil yang dibagikan kepada Anda',
    empty: 'Klien belum membagikan hasil kepada Anda.',
    open: 'Buka {{instrument}} tanggal {{date}}',
    total: 'Skor {{total}}',
  },
  check_ins: {
    title: 'Ringkasan cek harian per minggu',
    no_consent: 'Ringkasan cek harian tampil bila klien mengizinkannya.',
    empty: 'Belum ada cek harian dalam 12 minggu terakhir.',
    caption: 'Rata-rata cek harian klien per minggu',
    columns: { week: 'Minggu mulai', count: 'Jumlah isian', mood: 'Suasana hati (1–5)', energy: 'Tenaga (1–5)' },
    none: '—',
  },
  transferred: {
    title: 'Catatan dari konselor sebelumnya',
    lead: 'Klien mengizinkan catatan sesi dari konselor sebelumnya diteruskan kepada Anda. Catatan ini hanya untuk dibaca; setiap kali Anda membukanya, hal itu tercatat dan dapat dilihat klien.',
    from: 'Dari {{name}}, izin berlaku sampai {{date}}',
    none: 'Belum ada catatan yang diteruskan kepada Anda. Bila klien pindah dari konselor lain, klien dapat mengizinkan catatan sesinya diteruskan kepada Anda lewat halaman privasinya.',
    empty: 'Konselor sebelumnya belum menulis catatan sesi tentang klien ini.',
  },
};
