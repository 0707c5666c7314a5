/**
 * Tren dan pola dari catatan harian (docs/decisions/036-insights.md): hanya untuk pemiliknya.
 * Part of the `checkin` area (its `insights` key), in a folder of its own so that it is not an area
 * of its own: a new area would add to the first load's list of message chunks (decision 025).
 */
export const insights = {
  page: {
    /** The link from the check-in page (and the home's check-in card). */
    link: 'Lihat tren dan pola dari catatan Anda',
    title: 'Tren dan pola',
    lead: 'Gambaran kabar Anda dari catatan harian: naik-turunnya, kebiasaan yang menyertainya, dan hal-hal yang mungkin berkaitan.',
    only_you:
      'Hanya Anda yang bisa melihat halaman ini. Tidak ada yang disimpan atau dibagikan: semuanya dihitung saat Anda membukanya.',
    back: 'Kembali ke catatan harian',
    loading: 'Memuat tren Anda…',
    period_label: 'Periode',
    period_7: '7 hari',
    period_30: '30 hari',
    period_90: '90 hari',
    period_365: '1 tahun',
    empty_title: 'Belum ada catatan pada periode ini',
    empty_body:
      'Tren akan tampil setelah Anda mengisi catatan harian. Cukup beberapa detik sehari — dan melewatkan satu hari pun tidak apa-apa.',
    empty_action: 'Isi catatan hari ini',
    empty_longer: 'Coba periode yang lebih panjang untuk melihat catatan lama Anda.',
  },
  streak: {
    heading: 'Kebiasaan mencatat',
    current_label: 'Berturut-turut saat ini',
    longest_label: 'Terpanjang dalam setahun',
    days_label: 'Hari tercatat',
    days_value: '{{count}} dari {{total}} hari',
    day_one: '{{count}} hari',
    day_other: '{{count}} hari',
    none_yet: 'Mulai lagi kapan saja',
    gentle:
      'Yang penting bukan hari tanpa putus, melainkan kebiasaan mengenali diri sendiri. Hari yang terlewat bukan kegagalan.',
  },
  averages: {
    heading: 'Rata-rata',
    caption: 'Rata-rata periode ini dibandingkan periode sebelumnya',
    measure: 'Ukuran',
    this_period: 'Periode ini',
    previous_period: 'Sebelumnya',
    previous_range: '{{from}} – {{to}}',
    none: '–',
    heavy_days: 'Hari beban kerja terlalu berat',
    heavy_value: '{{count}} hari',
    no_previous: 'Belum ada catatan pada periode sebelumnya untuk dibandingkan.',
  },
  measure: {
    mood: 'Suasana hati',
    stress: 'Stres',
    energy: 'Energi',
    sleep: 'Tidur',
    activity: 'Aktivitas fisik',
    workload: 'Beban kerja',
    scale_value: '{{value}} dari 5',
    sleep_value: '{{hours}} jam',
    activity_value: '{{minutes}} menit',
  },
  chart: {
    moods_title: 'Suasana hati, stres, dan energi',
    moods_summary:
      'Rata-rata suasana hati {{mood}}, stres {{stress}}, energi {{energy}} (skala 1–5), dari {{days}} hari tercatat.',
    sleep_title: 'Lama tidur',
    sleep_summary: 'Rata-rata {{hours}} jam per malam, dari {{days}} hari yang mencatat tidur.',
    activity_title: 'Aktivitas fisik',
    activity_summary: 'Rata-rata {{minutes}} menit per hari, dari {{days}} hari yang mencatat aktivitas.',
    workload_title: 'Beban kerja',
    workload_summary: 'Terlalu ringan {{light}} hari, pas {{right}} hari, terlalu berat {{heavy}} hari.',
    no_data: 'Belum ada data untuk grafik ini pada periode ini.',
    axis_scale: 'Skala 1–5',
    axis_hours: 'Jam',
    axis_minutes: 'Menit',
    workload_none: 'Tidak dicatat',
    table_toggle: 'Tampilkan data sebagai tabel',
    table_caption: 'Catatan harian per hari, {{from}} sampai {{to}}',
    table_date: 'Tanggal',
    table_empty: 'Tidak ada catatan',
  },
  patterns: {
    heading: 'Pola yang terlihat',
    intro:
      'Ini hanya gambaran dari apa yang Anda catat, bukan diagnosis dan bukan sebab-akibat. Setiap pola menyebutkan dari berapa hari ia dihitung.',
    need_more: 'Pola akan muncul setelah ada paling sedikit {{min}} catatan dalam periode ini. Saat ini ada {{count}}.',
    none: 'Belum terlihat pola yang cukup jelas pada periode ini. Itu wajar — pola butuh waktu untuk tampak.',
    sleep_mood:
      'Pada hari setelah tidur kurang dari 6 jam, suasana hati Anda rata-rata {{group}}, dibandingkan {{rest}} pada hari lainnya.',
    workload_mood:
      'Pada hari dengan beban kerja terasa terlalu berat, suasana hati Anda rata-rata {{group}}, dibandingkan {{rest}} pada hari lainnya.',
    workload_stress:
      'Pada hari dengan beban kerja terasa terlalu berat, stres Anda rata-rata {{group}}, dibandingkan {{rest}} pada hari lainnya.',
    activity_mood:
      'Pada hari dengan aktivitas fisik kurang dari 30 menit, suasana hati Anda rata-rata {{group}}, dibandingkan {{rest}} pada hari yang lebih aktif.',
    tag_mood:
      'Pada hari bertanda “{{tag}}”, suasana hati Anda rata-rata {{group}}, dibandingkan {{rest}} pada hari lainnya.',
    weekday_mood:
      'Pada hari {{weekday}}, suasana hati Anda rata-rata {{group}}, dibandingkan {{rest}} pada hari lainnya.',
    based_on: 'Dari {{days}} hari ({{group}} dan {{rest}} hari).',
  },
  nudge: {
    heading: 'Untuk Anda',
    very_low_mood_title: 'Minggu ini tampaknya berat',
    very_low_mood_body:
      'Dalam {{windowDays}} hari terakhir, {{matching}} dari {{days}} catatan Anda berisi suasana hati “sangat berat”. Anda tidak harus menanggungnya sendiri. Bicara dengan seseorang bisa membantu, dan bantuan tersedia kapan pun.',
    low_mood_title: 'Dua minggu terakhir tampaknya tidak mudah',
    low_mood_body:
      'Dalam {{windowDays}} hari terakhir, {{matching}} dari {{days}} catatan Anda berisi suasana hati yang kurang baik. Mungkin ini saat yang tepat untuk memeriksa diri sedikit lebih dalam, atau berbincang dengan seseorang yang Anda percaya.',
    heavy_workload_title: 'Beban kerja sedang terasa berat',
    heavy_workload_body:
      'Dalam {{windowDays}} hari terakhir, {{matching}} dari {{days}} hari terasa terlalu berat, dengan stres yang tinggi. Menata ulang pekan dan memberi jeda kecil untuk diri sendiri bisa meringankan.',
    private: 'Saran ini hanya untuk Anda. Tidak disimpan dan tidak dikirim ke siapa pun.',
    step_help_contacts: 'Kontak bantuan, kapan pun',
    step_self_check_phq9: 'Cek mandiri suasana hati (PHQ-9)',
    step_talk_to_someone: 'Bicara dengan seseorang',
    step_plan_week: 'Tata pekan di Atur waktu',
    step_breathing: 'Latihan napas kotak',
    articles: 'Bacaan yang mungkin membantu',
    article_link: 'Baca: {{title}}',
  },
  article: {
    'recognising-strain-in-yourself': 'Mengenali tanda tertekan pada diri sendiri',
    'getting-help': 'Cara mendapatkan bantuan',
    'time-and-boundaries': 'Mengatur waktu dan menjaga batas kerja',
    'self-care-basics': 'Dasar-dasar merawat diri',
  },
  export: {
    heading: 'Unduh catatan Anda',
    body: 'Berisi semua catatan harian Anda, termasuk catatan pribadi dan tanda, dalam bentuk terbuka. Simpan berkasnya di tempat yang aman.',
    csv: 'Unduh CSV',
    json: 'Unduh JSON',
  },
};
