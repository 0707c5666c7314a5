/**
 * Words and phrases Indonesians commonly build passwords from (religious phrases, endearments,
 * places, national symbols, civil-service words). They complement the international list of
 * breached passwords shipped with @zxcvbn-ts/language-common; the policy also strips digits and
 * symbols around a word before looking it up, so "Bismillah2024!" is caught by "bismillah".
 */
export const INDONESIAN_COMMON_PASSWORD_WORDS = [
  'bismillah', 'alhamdulillah', 'insyaallah', 'masyaallah', 'subhanallah', 'astaghfirullah', 'allahuakbar',
  'lailahaillallah', 'assalamualaikum', 'haleluya', 'puji tuhan', 'tuhanyesus', 'yesuskristus', 'amin',
  'sayang', 'sayangku', 'cinta', 'cintaku', 'aku cinta kamu', 'akucintakamu', 'akusayangkamu', 'iloveyou',
  'kasih', 'kekasih', 'rindu', 'mama', 'papa', 'mamapapa', 'ibu', 'bapak', 'ayah', 'ayahbunda', 'bunda',
  'keluarga', 'anakku', 'istriku', 'suamiku', 'rahasia', 'rahasiaku', 'katasandi', 'kata sandi', 'sandi',
  'password', 'passwordku', 'masuk', 'login', 'admin', 'administrator', 'operator', 'pegawai', 'pns',
  'asn', 'pppk', 'honorer', 'kantor', 'dinas', 'bupati', 'walikota', 'gubernur', 'sekda', 'bkpsdm', 'bkd',
  'bkn', 'kemenpan', 'pemda', 'pemkab', 'pemkot', 'pemprov', 'kabupaten', 'kecamatan', 'kelurahan', 'desa',
  'indonesia', 'indonesiaraya', 'merdeka', 'garuda', 'garudaindonesia', 'pancasila', 'nusantara', 'bhinneka',
  'bhinnekatunggalika', 'merahputih', 'jakarta', 'bandung', 'surabaya', 'semarang', 'yogyakarta', 'jogja',
  'medan', 'makassar', 'palembang', 'denpasar', 'bali', 'papua', 'jayapura', 'ambon', 'manado', 'kupang',
  'mataram', 'pontianak', 'banjarmasin', 'balikpapan', 'samarinda', 'padang', 'pekanbaru', 'batam', 'malang',
  'solo', 'bogor', 'depok', 'bekasi', 'tangerang', 'persib', 'persija', 'arema', 'persebaya', 'bonek',
  'jakmania', 'viking', 'timnas', 'kopi', 'kopihitam', 'nasigoreng', 'sambal', 'rendang', 'teduh', 'sehat',
  'semangat', 'sukses', 'berkah', 'barokah', 'rezeki', 'mantap', 'mantul', 'asik', 'asyik', 'gokil', 'anjing',
  'kucing', 'kucingku', 'doraemon', 'upin ipin', 'upinipin', 'qwertyuiop', 'asdfghjkl', 'selamatdatang',
  'selamat pagi', 'selamatpagi', 'terimakasih', 'terima kasih', 'apaajaboleh', 'gakpunya', 'lupa', 'lupaterus',
];
