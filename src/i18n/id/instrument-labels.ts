/**
 * Nama kuesioner dalam kata sehari-hari dan arti tiap hasilnya: dipakai beranda, cek diri, hasil,
 * dan hasil yang dibagikan ke konselor. Area tersendiri agar beranda tidak mengunduh seluruh teks cek diri.
 */
export const instrument_labels = {
  /** What each questionnaire looks at, in everyday words: the catalogue leads with these. */
  everyday: {
    phq2: 'Suasana hati dua minggu terakhir, versi singkat',
    phq9: 'Suasana hati dua minggu terakhir',
    gad2: 'Rasa cemas dua minggu terakhir, versi singkat',
    gad7: 'Rasa cemas dan khawatir dua minggu terakhir',
    who5: 'Seberapa baik keadaan Anda dua minggu terakhir',
    k6: 'Beban pikiran empat minggu terakhir, versi singkat',
    k10: 'Beban pikiran empat minggu terakhir',
    srq20: 'Keluhan badan dan perasaan sebulan terakhir',
    pss10: 'Seberapa tertekan Anda sebulan terakhir',
    cbi: 'Kelelahan karena pekerjaan',
  },
  bands: {
    incomplete: 'Belum dapat dinilai: ada pertanyaan yang belum dijawab',
    phq9: {
      minimal: 'Gejala depresi minimal',
      mild: 'Gejala depresi ringan',
      moderate: 'Gejala depresi sedang',
      moderately_severe: 'Gejala depresi cukup berat',
      severe: 'Gejala depresi berat',
    },
    phq2: {
      negative: 'Tidak tampak tanda depresi',
      positive: 'Ada tanda depresi yang perlu diperiksa lebih lanjut',
    },
    gad7: {
      minimal: 'Gejala kecemasan minimal',
      mild: 'Gejala kecemasan ringan',
      moderate: 'Gejala kecemasan sedang',
      severe: 'Gejala kecemasan berat',
    },
    gad2: {
      negative: 'Tidak tampak tanda kecemasan',
      positive: 'Ada tanda kecemasan yang perlu diperiksa lebih lanjut',
    },
    who5: {
      adequate: 'Kesejahteraan Anda cukup baik',
      poor_wellbeing: 'Kesejahteraan Anda sedang kurang baik',
      likely_depression: 'Kesejahteraan Anda rendah; mungkin ada depresi',
    },
    srq20: {
      below_cutoff: 'Tidak tampak tanda masalah mental emosional',
      above_cutoff: 'Ada tanda masalah mental emosional yang perlu diperiksa',
    },
    k10: {
      low: 'Tekanan psikologis rendah',
      mild: 'Tekanan psikologis ringan',
      moderate: 'Tekanan psikologis sedang',
      severe: 'Tekanan psikologis berat',
    },
    k10_abs: {
      low: 'rendah',
      moderate: 'sedang',
      high: 'tinggi',
      very_high: 'sangat tinggi',
    },
    k6: {
      low: 'Tekanan psikologis rendah',
      moderate: 'Tekanan psikologis sedang',
      serious: 'Tekanan psikologis serius',
    },
    pss10: {
      low: 'Indikasi stres rendah',
      moderate: 'Indikasi stres sedang',
      high: 'Indikasi stres tinggi',
    },
    cbi: {
      low: 'Kelelahan rendah',
      moderate: 'Kelelahan sedang',
      high: 'Kelelahan tinggi',
      severe: 'Kelelahan sangat tinggi',
    },
  },
  cbi_title: 'Hasil kelelahan kerja (burnout)',
};
