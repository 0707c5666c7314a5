/** Teks antarmuka: masuk, verifikasi dua langkah, undangan, dan kata sandi. */
export const auth = {
  fields: {
    identifier: 'NIP atau email',
    password: 'Kata sandi',
    current_password: 'Kata sandi saat ini',
    new_password: 'Kata sandi baru',
    choose_password: 'Buat kata sandi',
    confirm_password: 'Ulangi kata sandi',
    totp_code: 'Kode verifikasi',
    recovery_code: 'Kode pemulihan',
  },
  password_policy: {
    length: 'Minimal {{min}} karakter; tidak ada aturan huruf besar, angka, atau simbol.',
    passphrase: 'Frasa beberapa kata, misalnya "kopi pagi di teras rumah", mudah diingat dan sulit ditebak.',
    personal: 'Jangan memakai nama, NIP, atau email Anda, dan jangan memakai kata sandi yang sama dengan layanan lain.',
  },
  links: {
    to_sign_in: 'Ke halaman masuk',
    back_to_sign_in: 'Kembali ke halaman masuk',
  },
  notices: {
    signed_out: 'Anda telah keluar. Sampai jumpa.',
    session_expired:
      'Sesi Anda telah berakhir, misalnya karena lama tidak aktif atau karena Anda keluar dari perangkat lain. Silakan masuk kembali.',
    password_reset: 'Kata sandi baru Anda sudah tersimpan. Silakan masuk dengan kata sandi baru.',
    signed_out_everywhere: 'Anda telah keluar dari semua perangkat.',
  },
  sign_in: {
    title: 'Masuk ke Teduh',
    lead: 'Gunakan NIP atau alamat email yang terdaftar di instansi Anda.',
    identifier_hint: 'NIP 18 angka (boleh dengan spasi) atau alamat email.',
    submit: 'Masuk',
    wait: 'Tunggu {{seconds}} detik',
    forgot: 'Lupa kata sandi?',
    no_account: 'Belum punya akun? Akun dibuat oleh admin instansi Anda; Anda akan menerima undangan melalui email.',
  },
  two_factor: {
    title: 'Verifikasi dua langkah',
    lead_code: 'Buka aplikasi autentikator di ponsel Anda dan masukkan kode 6 angka untuk Teduh.',
    lead_recovery:
      'Masukkan salah satu kode pemulihan yang Anda simpan saat mengaktifkan verifikasi dua langkah. Setiap kode hanya bisa dipakai sekali.',
    code_hint: '6 angka; kode berganti setiap 30 detik.',
    recovery_hint: 'Contoh: k7m2-q9xa-4t',
    submit: 'Verifikasi',
    use_recovery: 'Tidak bisa membuka aplikasi? Gunakan kode pemulihan',
    use_code: 'Gunakan kode dari aplikasi autentikator',
  },
  two_factor_setup: {
    title: 'Aktifkan verifikasi dua langkah',
    lead: 'Selain kata sandi, Anda akan memasukkan kode dari aplikasi di ponsel setiap kali masuk.',
    why_title: 'Mengapa ini perlu?',
    why_required:
      'Peran Anda memungkinkan Anda melihat data orang lain atau mengubah pengaturan instansi. Untuk melindungi pegawai, peran seperti ini wajib memakai verifikasi dua langkah: kata sandi yang bocor saja tidak cukup untuk masuk.',
    why_optional:
      'Verifikasi dua langkah melindungi akun Anda walaupun kata sandi Anda diketahui orang lain. Untuk peran Anda, ini tidak wajib tetapi sangat dianjurkan.',
    preparing: 'Menyiapkan kode QR…',
    step_app: 'Siapkan aplikasi autentikator',
    step_app_body:
      'Pasang aplikasi autentikator di ponsel Anda jika belum ada, misalnya Google Authenticator, Microsoft Authenticator, atau aplikasi sejenis.',
    step_scan: 'Pindai kode QR',
    qr_alt: 'Kode QR untuk menambahkan Teduh ke aplikasi autentikator',
    manual: 'Tidak bisa memindai? Tambahkan akun secara manual dengan kunci berikut:',
    secret_label: 'Kunci pengaturan',
    type_label: 'Jenis',
    type_value: 'Berbasis waktu (TOTP), 6 angka',
    step_code: 'Masukkan kode dari aplikasi',
    submit: 'Aktifkan',
    enabled: 'Verifikasi dua langkah sudah aktif.',
    codes_title: 'Simpan kode pemulihan Anda',
    codes_lead:
      'Jika ponsel Anda hilang atau rusak, kode ini satu-satunya cara masuk tanpa aplikasi autentikator. Setiap kode hanya bisa dipakai sekali. Kode ini hanya ditampilkan sekarang.',
    saved_label: 'Saya sudah menyimpannya',
    saved_required: 'Simpan kode pemulihan terlebih dahulu, lalu centang kotak ini.',
    continue: 'Lanjutkan',
    already_on: 'Verifikasi dua langkah Anda sudah aktif.',
    to_profile: 'Kelola di halaman profil',
  },
  recovery: {
    list_label: 'Kode pemulihan',
    copy: 'Salin kode',
    download: 'Unduh sebagai berkas',
    copied: 'Kode pemulihan sudah disalin.',
    copy_failed:
      'Tidak dapat menyalin otomatis. Pilih kode-kode di atas lalu salin secara manual, atau unduh sebagai berkas.',
    file_name: 'kode-pemulihan-teduh.txt',
    file_title: 'Kode pemulihan Teduh untuk {{name}}',
    file_note: 'Setiap kode hanya bisa dipakai sekali. Simpan di tempat yang aman dan jangan dibagikan.',
  },
  invite: {
    title: 'Selamat datang, {{name}}',
    lead: '{{agency}} mengundang Anda ke Teduh. Buat kata sandi untuk mengaktifkan akun Anda.',
    privacy:
      'Teduh membantu Anda menjaga kesehatan mental. Hasil pemeriksaan diri dan catatan pribadi Anda hanya dapat dilihat oleh Anda sendiri; atasan dan bagian kepegawaian tidak dapat melihatnya.',
    two_factor_note:
      'Peran Anda mewajibkan verifikasi dua langkah. Setelah membuat kata sandi, Anda akan diminta menyiapkan aplikasi autentikator di ponsel.',
    expires: 'Undangan ini berlaku sampai {{when}}.',
    submit: 'Buat kata sandi dan masuk',
    dead_title: 'Tautan undangan tidak berlaku',
    dead_body:
      'Tautan ini sudah kedaluwarsa, sudah dipakai, atau sudah diganti dengan undangan yang lebih baru. Tautan undangan berlaku 7 hari dan hanya bisa dipakai sekali.',
    dead_next:
      'Jika Anda sudah membuat kata sandi, silakan masuk. Jika belum, minta admin instansi Anda mengirim undangan baru.',
  },
  // Pemulihan akun (docs/decisions/011-account-recovery.md): konfirmasi dari alamat email lama (keputusan 011).
  confirm_email_change: {
    title: 'Konfirmasi perubahan email',
    lead: 'Admin instansi Anda mengubah alamat email akun Teduh Anda. Selama 24 jam, kata sandi tidak dapat diatur ulang lewat alamat baru, kecuali Anda mengonfirmasi perubahan itu di sini.',
    yes_explained: 'Tekan tombol ini hanya jika Anda sendiri yang meminta admin mengganti alamat email Anda.',
    confirm: 'Ya, saya yang meminta perubahan ini',
    not_me_title: 'Bukan Anda yang meminta?',
    not_me_body:
      'Jangan tekan tombol di atas. Kata sandi Anda tetap berlaku: masuklah seperti biasa, dan hubungi pejabat pelindungan data instansi Anda.',
    done_title: 'Perubahan email dikonfirmasi',
    done_body: 'Terima kasih. Pengaturan ulang kata sandi kini dikirim ke alamat email yang baru.',
    dead_title: 'Tautan ini tidak berlaku lagi',
    dead_body: 'Tautan sudah dipakai, sudah diganti oleh perubahan yang lebih baru, atau masa 24 jamnya sudah lewat.',
    failed: 'Konfirmasi belum tersimpan. Periksa koneksi Anda, lalu coba lagi.',
  },
  reset_request: {
    title: 'Lupa kata sandi',
    lead: 'Masukkan NIP atau email Anda. Jika akun Anda memiliki alamat email, kami akan mengirim tautan untuk membuat kata sandi baru.',
    hint: 'NIP 18 angka atau alamat email yang terdaftar.',
    submit: 'Kirim tautan',
    sent_title: 'Permintaan diterima',
    sent_body:
      'Jika NIP atau email tersebut terdaftar dan memiliki alamat email, tautan untuk membuat kata sandi baru sudah dikirim. Tautan berlaku 1 jam.',
    sent_help: 'Tidak menerima email dalam beberapa menit? Periksa folder spam, atau hubungi admin instansi Anda.',
  },
  reset: {
    title: 'Buat kata sandi baru',
    lead: 'Halo {{name}}, buat kata sandi baru untuk akun Teduh Anda. Setelah itu, semua sesi Anda di perangkat lain akan dikeluarkan.',
    submit: 'Simpan kata sandi baru',
    dead_title: 'Tautan tidak berlaku',
    dead_body:
      'Tautan pengaturan ulang kata sandi ini sudah kedaluwarsa atau sudah dipakai. Tautan berlaku 1 jam dan hanya bisa dipakai sekali.',
    request_new: 'Minta tautan baru',
  },
} as const;
