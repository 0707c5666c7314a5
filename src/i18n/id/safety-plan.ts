/**
 * Teks antarmuka: rencana keselamatan pribadi (mengikuti Safety Planning Intervention, Stanley &
 * Brown 2012). Ditulis untuk dibaca di saat berat: kalimat pendek, hangat, tanpa istilah klinis.
 */
export const safety_plan = {
  page: {
    title: 'Rencana keselamatan',
    lead: 'Langkah-langkah yang Anda siapkan sendiri di saat tenang, untuk dipegang ketika perasaan menjadi sangat berat.',
    loading: 'Memuat rencana keselamatan…',
    only_you:
      'Hanya Anda yang dapat melihat rencana ini. Atasan, bagian kepegawaian, admin, dan konselor tidak dapat membukanya.',
    plan_title: 'Rencana saya',
    updated: 'Terakhir diubah {{when}}.',
    edit: 'Ubah rencana',
    delete: 'Hapus rencana',
    nothing_yet: 'Belum diisi.',
    saved: 'Rencana keselamatan Anda sudah tersimpan.',
    deleted: 'Rencana keselamatan Anda sudah dihapus.',
    help_link: 'Lihat kontak bantuan',
  },
  empty: {
    title: 'Anda belum membuat rencana keselamatan',
    what: 'Rencana keselamatan adalah daftar pendek yang Anda tulis sendiri: tanda-tanda bahwa masa sulit mulai datang, hal-hal yang menenangkan Anda, orang yang dapat Anda hubungi, dan alasan Anda untuk bertahan. Anda menuliskannya di saat tenang, supaya ketika pikiran sedang kalut Anda tinggal mengikutinya langkah demi langkah.',
    how: 'Satu atau dua hal di tiap bagian sudah cukup, dan Anda dapat mengubah atau menghapusnya kapan saja. Jika mau, susunlah bersama konselor atau orang yang Anda percayai.',
    who: 'Hanya Anda yang dapat melihatnya — tidak atasan, bagian kepegawaian, admin, maupun konselor. Rencana ini juga tampil di layar "Butuh bantuan sekarang", supaya mudah ditemukan ketika Anda membutuhkannya.',
    create: 'Buat rencana keselamatan',
    source:
      'Susunannya mengikuti Safety Planning Intervention (Stanley & Brown, 2012), pendekatan yang banyak dipakai tenaga kesehatan jiwa.',
  },
  sections: {
    warning_signs: {
      title: 'Tanda-tanda peringatan',
      prompt: 'Pikiran, perasaan, atau keadaan apa yang menandakan masa sulit mulai datang?',
      hint: 'Misalnya: tidak bisa tidur berhari-hari, mulai menghindari teman, merasa semuanya percuma.',
      entry: 'Tanda peringatan',
    },
    coping_strategies: {
      title: 'Cara saya menenangkan diri',
      prompt:
        'Apa yang dapat Anda lakukan sendiri, tanpa menghubungi siapa pun, untuk mengalihkan pikiran dan menenangkan diri?',
      hint: 'Misalnya: jalan kaki sore, mandi air hangat, berdoa, mendengarkan lagu kesukaan.',
      entry: 'Cara menenangkan diri',
    },
    distractions: {
      title: 'Orang dan tempat yang mengalihkan pikiran',
      prompt: 'Siapa yang dapat Anda temui, atau ke mana Anda dapat pergi, supaya tidak sendirian dengan pikiran Anda?',
      hint: 'Misalnya: mengobrol dengan tetangga, warung kopi langganan, masjid atau gereja, rumah saudara.',
      entry: 'Orang atau tempat',
    },
    helpers: {
      title: 'Orang yang dapat saya mintai tolong',
      prompt: 'Siapa yang dapat Anda hubungi dan ajak bicara terus terang ketika keadaan terasa berat?',
      hint: 'Tulis nama dan nomor teleponnya, supaya dapat langsung Anda telepon dari layar bantuan.',
      entry: 'Orang yang dapat dimintai tolong',
    },
    professionals: {
      title: 'Tenaga profesional dan layanan',
      prompt: 'Psikolog, dokter, konselor, atau layanan yang dapat Anda hubungi saat krisis.',
      hint: 'Misalnya: dokter di Puskesmas Anda, psikolog yang pernah Anda temui, atau konselor instansi.',
      entry: 'Tenaga profesional atau layanan',
    },
    safe_environment: {
      title: 'Membuat lingkungan saya lebih aman',
      prompt:
        'Apa yang dapat Anda lakukan supaya benda atau keadaan yang dapat membahayakan Anda berada jauh dari jangkauan?',
      hint: 'Misalnya: menitipkan obat-obatan kepada anggota keluarga, menyimpan benda tajam di tempat lain, tidak minum alkohol saat sedang sedih.',
      entry: 'Langkah pengamanan',
    },
    reasons_for_living: {
      title: 'Alasan saya untuk tetap hidup',
      prompt: 'Siapa atau apa yang paling berarti bagi Anda dan membuat hidup layak dijalani?',
      hint: 'Misalnya: anak-anak, orang tua, iman, cita-cita yang belum tercapai, kucing di rumah.',
      entry: 'Alasan untuk tetap hidup',
    },
  },
  editor: {
    title_new: 'Menyusun rencana baru',
    title_edit: 'Mengubah rencana',
    lead: 'Isilah bagian yang Anda mau; bagian yang dibiarkan kosong tidak apa-apa. Isian yang kosong tidak ikut disimpan.',
    entry: '{{entry}} {{n}}',
    name: 'Nama',
    phone: 'Nomor telepon',
    add: 'Tambah',
    add_to: 'ke bagian {{section}}',
    remove: 'Hapus',
    max_reached: 'Bagian ini sudah berisi {{max}} isian, jumlah terbanyak.',
    limits: 'Paling banyak {{max}} isian per bagian, masing-masing paling panjang {{length}} karakter.',
    agency_contacts_title: 'Kontak bantuan instansi Anda',
    agency_contacts_note:
      'Kontak ini selalu tampil di layar "Butuh bantuan sekarang", jadi tidak perlu disalin. Tambahkan di sini tenaga profesional yang Anda kenal sendiri.',
    save: 'Simpan rencana',
    cancel: 'Batal',
    conflict_reload: 'Muat versi terbaru',
  },
  delete: {
    title: 'Hapus rencana keselamatan?',
    body: 'Rencana Anda akan dihapus untuk selamanya dan tidak dapat dikembalikan. Anda dapat membuat rencana baru kapan saja.',
    confirm: 'Hapus rencana',
  },
  crisis: {
    title: 'Rencana keselamatan Anda',
    lead: 'Yang sudah Anda siapkan sendiri untuk saat seperti ini. Buka bagian yang Anda perlukan.',
    none: 'Rencana keselamatan membantu Anda tahu apa yang dapat dilakukan ketika perasaan menjadi sangat berat. Anda dapat membuatnya kapan saja; hanya Anda yang dapat melihatnya.',
    create: 'Buat rencana keselamatan',
    edit: 'Ubah rencana keselamatan',
    load_failed: 'Rencana keselamatan Anda belum dapat dimuat. Kontak bantuan di halaman ini tetap dapat Anda hubungi.',
    call: 'Telepon {{number}}',
    new_tab: '(terbuka di tab baru)',
  },
  self_check: {
    title: 'Rencana keselamatan',
    lead: 'Siapkan di saat tenang apa yang akan Anda lakukan, dan siapa yang akan Anda hubungi, ketika perasaan menjadi sangat berat. Hanya Anda yang dapat melihatnya.',
    open: 'Buka rencana keselamatan saya',
  },
} as const;
