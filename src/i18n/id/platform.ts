/** Teks antarmuka: admin platform (daftar instansi). */
export const platform = {
  title: 'Instansi',
  lead: 'Instansi yang memakai platform Teduh ini.',
  add: 'Tambah instansi',
  list_title: 'Daftar instansi',
  empty: 'Belum ada instansi.',
  columns: {
    name: 'Nama',
    kind: 'Jenis',
    time_zone: 'Zona waktu',
    units: 'Unit aktif',
    people: 'Pegawai aktif',
    created: 'Dibuat',
  },
  create: {
    title: 'Instansi baru',
    lead: 'Buat instansi beserta unit teratasnya. Admin pertamanya akan diundang melalui email untuk membuat kata sandi sendiri.',
    admin: 'Admin pertama',
    email_hint: 'Undangan dikirim ke alamat ini.',
    submit: 'Buat instansi dan undang admin',
  },
  created: {
    title: 'Instansi {{name}} sudah dibuat',
    invited: 'Undangan untuk admin pertama dikirim ke {{email}} dan berlaku sampai {{when}}.',
    via_outbox:
      'Server email (SMTP) belum diatur, jadi undangan ini tertahan dan belum terkirim. Tautannya tidak ditampilkan kepada siapa pun selain penerimanya: atur SMTP_URL di server, lalu kirim ulang undangan dari halaman pegawai.',
  },
} as const;
