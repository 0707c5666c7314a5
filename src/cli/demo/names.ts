import type { SeededRandom } from './random.js';

/**
 * Indonesian naming traditions for the demo people. Indonesia has no single naming system:
 * Javanese often carry one or two personal names and no family name, Batak and Ambonese carry a
 * marga / fam, Balinese names start with a birth-order name, Bugis nobility carry "Andi". Mixing
 * them by region makes the demo look like a real agency roster.
 */
export type Gender = 'male' | 'female';

export type NamingTradition =
  | 'javanese'
  | 'sundanese'
  | 'batak'
  | 'minang'
  | 'bugis'
  | 'balinese'
  | 'banjar'
  | 'dayak'
  | 'timorese'
  | 'papuan'
  | 'ambonese'
  | 'chinese_indonesian';

export interface PersonName {
  /** Words before the personal name that are not part of it for email, e.g. Balinese "I", "Ni". */
  honorific?: string;
  given: string;
  family: string | null;
  /** Academic or professional titles: "dr." before, "S.Kep., Ns." after. */
  titleBefore?: string;
  titleAfter?: string;
}

interface NamePools {
  given: readonly string[];
  family: readonly string[];
  /** Single names without a second part, e.g. Javanese "Sutrisno". */
  mononyms?: readonly string[];
}

interface Tradition {
  male: NamePools;
  female: NamePools;
  honorific?: Record<Gender, readonly string[]>;
}

const TRADITIONS: Record<NamingTradition, Tradition> = {
  javanese: {
    male: {
      given: [
        'Budi',
        'Agus',
        'Eko',
        'Bambang',
        'Joko',
        'Slamet',
        'Heru',
        'Dwi',
        'Teguh',
        'Wahyu',
        'Arif',
        'Yudi',
        'Galih',
        'Bayu',
        'Anton',
      ],
      family: [
        'Santoso',
        'Prasetyo',
        'Wibowo',
        'Setiawan',
        'Nugroho',
        'Saputro',
        'Susilo',
        'Hartono',
        'Purnomo',
        'Wicaksono',
        'Utomo',
        'Raharjo',
        'Kurniawan',
        'Widodo',
      ],
      mononyms: ['Sutrisno', 'Suparman', 'Sugiyanto', 'Purwanto', 'Sukardi', 'Mulyono'],
    },
    female: {
      given: [
        'Sri',
        'Dewi',
        'Rini',
        'Endang',
        'Tri',
        'Retno',
        'Wulan',
        'Nur',
        'Yuni',
        'Ratna',
        'Siti',
        'Dian',
        'Indah',
        'Ayu',
        'Puji',
      ],
      family: [
        'Wahyuni',
        'Lestari',
        'Rahayu',
        'Astuti',
        'Wulandari',
        'Handayani',
        'Kusumawati',
        'Suryani',
        'Purwaningsih',
        'Rahmawati',
        'Setyaningsih',
        'Pratiwi',
        'Sulistyowati',
      ],
      mononyms: ['Sumarni', 'Suminah', 'Sulastri', 'Partini'],
    },
  },
  sundanese: {
    male: {
      given: ['Asep', 'Dedi', 'Cecep', 'Dadang', 'Ujang', 'Yayan', 'Tatang', 'Ade', 'Iwan', 'Rudi'],
      family: ['Sunandar', 'Mulyadi', 'Hidayat', 'Supriatna', 'Kusnadi', 'Sopandi', 'Permana', 'Gunawan', 'Suryana'],
    },
    female: {
      given: ['Euis', 'Iis', 'Lilis', 'Neneng', 'Yanti', 'Rina', 'Tuti', 'Nining', 'Elis', 'Popon'],
      family: ['Komariah', 'Rosita', 'Suryani', 'Nurhasanah', 'Rohmawati', 'Maryani', 'Kurniasih', 'Juariah'],
    },
  },
  batak: {
    male: {
      given: [
        'Halomoan',
        'Lamhot',
        'Hotman',
        'Rudy',
        'Binsar',
        'Togar',
        'Parlindungan',
        'Martua',
        'Jonathan',
        'Ricardo',
      ],
      family: [
        'Simanjuntak',
        'Hutapea',
        'Siregar',
        'Nainggolan',
        'Sitorus',
        'Lubis',
        'Pardede',
        'Sinaga',
        'Simatupang',
        'Panjaitan',
        'Nasution',
        'Harahap',
        'Situmorang',
        'Tambunan',
      ],
    },
    female: {
      given: ['Tiurma', 'Rosmawati', 'Maria', 'Lasma', 'Debora', 'Rotua', 'Nurhalimah', 'Erna', 'Hotmaida', 'Sondang'],
      family: [
        'Simanjuntak',
        'Hutapea',
        'Siregar',
        'Nainggolan',
        'Sitorus',
        'Lubis',
        'Pardede',
        'Sinaga',
        'Simatupang',
        'Panjaitan',
        'Nasution',
        'Harahap',
        'Situmorang',
        'Tambunan',
      ],
    },
  },
  minang: {
    male: {
      given: [
        'Afrizal',
        'Yusrizal',
        'Fadli',
        'Zulkifli',
        'Hendri',
        'Novrianto',
        'Rahmat',
        'Irwan',
        'Syafrudin',
        'Elfiandri',
      ],
      family: ['Tanjung', 'Chaniago', 'Piliang', 'Koto', 'Sikumbang', 'Jambak', 'Syahputra', 'Rasyid'],
    },
    female: {
      given: ['Yulia', 'Desi', 'Rahmi', 'Fitri', 'Yusnita', 'Nofa', 'Elvina', 'Mardiah', 'Rosmaini', 'Syafrida'],
      family: ['Rahmi', 'Yanti', 'Chaniago', 'Tanjung', 'Novita', 'Hayati', 'Marlina', 'Syafitri'],
    },
  },
  bugis: {
    male: {
      given: [
        'Andi Muhammad',
        'Syamsul',
        'Arfah',
        'Baso',
        'Ikhsan',
        'Rusdi',
        'Nasrullah',
        'Hasanuddin',
        'Andi Rahman',
        'Muhammad Yusran',
      ],
      family: [
        'Mappangara',
        'Paturusi',
        'Pawelloi',
        'Latif',
        'Hamzah',
        'Arsyad',
        'Amir',
        'Syamsuddin',
        'Mallarangeng',
        'Daeng Nai',
      ],
    },
    female: {
      given: [
        'Andi Tenri',
        'Sitti',
        'Besse',
        'Nurhayati',
        'Suriani',
        'Hasnah',
        'Rahmawati',
        'Andi Nurul',
        'Hariati',
        'Jumriah',
      ],
      family: [
        'Mappangara',
        'Paturusi',
        'Pawelloi',
        'Latif',
        'Hamzah',
        'Arsyad',
        'Amir',
        'Syamsuddin',
        'Ramli',
        'Basri',
      ],
    },
  },
  balinese: {
    male: {
      given: ['Wayan', 'Made', 'Nyoman', 'Ketut', 'Putu', 'Kadek', 'Komang', 'Gede'],
      family: [
        'Suartana',
        'Sudarsana',
        'Wiryawan',
        'Arimbawa',
        'Sukadana',
        'Mahendra',
        'Adnyana',
        'Darmawan',
        'Suardika',
      ],
    },
    female: {
      given: ['Putu', 'Made', 'Kadek', 'Nyoman', 'Ketut', 'Komang', 'Wayan'],
      family: ['Sriasih', 'Ratnawati', 'Sukmawati', 'Antari', 'Widiastuti', 'Puspitasari', 'Ariani', 'Suarningsih'],
    },
    honorific: { male: ['I'], female: ['Ni', 'Ni Luh'] },
  },
  banjar: {
    male: {
      given: [
        'Rahmadi',
        'Fahrurrazi',
        'Syahrani',
        'Ahmad Rizali',
        'Gusti Ridwan',
        'Norhidayat',
        'Akhmad',
        'Muhammad Noor',
      ],
      family: ['Noor', 'Hidayat', 'Rahman', 'Arsyad', 'Fahmi', 'Mahmud', 'Ansyari'],
    },
    female: {
      given: ['Nor Aida', 'Siti Rahmah', 'Rusmilawati', 'Hairiah', 'Norliana', 'Fitriani', 'Raudah', 'Mahmudah'],
      family: ['Noor', 'Hayati', 'Rahmah', 'Arsyad', 'Fadillah', 'Maulida'],
    },
  },
  dayak: {
    male: {
      given: ['Yulius', 'Stefanus', 'Dominikus', 'Markus', 'Lukas', 'Paulus', 'Benediktus'],
      family: ['Ngau', 'Lawing', 'Ding', 'Hanyeq', 'Ajang', 'Lirung', 'Usat', 'Jalung'],
    },
    female: {
      given: ['Yustina', 'Regina', 'Maria', 'Veronika', 'Kristina', 'Lusia', 'Agnes'],
      family: ['Ngau', 'Lawing', 'Ding', 'Hanyeq', 'Ajang', 'Lirung', 'Usat', 'Jalung'],
    },
  },
  timorese: {
    male: {
      given: ['Yohanes', 'Fransiskus', 'Petrus', 'Yosef', 'Kornelis', 'Marthen', 'Dominggus', 'Yeremias'],
      family: [
        'Nenobais',
        'Manafe',
        'Ndun',
        'Bria',
        'Fanggidae',
        'Da Costa',
        'Lake',
        'Seran',
        'Tefa',
        'Bili',
        'Lewar',
        'Nalle',
      ],
    },
    female: {
      given: ['Maria', 'Theresia', 'Agustina', 'Yasinta', 'Margaretha', 'Elisabeth', 'Oktovina', 'Yuliana'],
      family: [
        'Nenobais',
        'Manafe',
        'Ndun',
        'Bria',
        'Fanggidae',
        'Da Costa',
        'Lake',
        'Seran',
        'Tefa',
        'Bili',
        'Lewar',
        'Nalle',
      ],
    },
  },
  papuan: {
    male: {
      given: ['Yohanis', 'Markus', 'Yakob', 'Nelson', 'Frans', 'Agustinus', 'Yulianus', 'Otniel', 'Septinus'],
      family: [
        'Wenda',
        'Kogoya',
        'Rumbiak',
        'Mandowen',
        'Wonda',
        'Yoku',
        'Ireeuw',
        'Sroyer',
        'Rumaropen',
        'Kambu',
        'Tabuni',
        'Mambrasar',
      ],
    },
    female: {
      given: ['Maria', 'Yuliana', 'Ester', 'Fransina', 'Debora', 'Selvi', 'Naomi', 'Orpa', 'Yakomina'],
      family: [
        'Wenda',
        'Kogoya',
        'Rumbiak',
        'Mandowen',
        'Wonda',
        'Yoku',
        'Ireeuw',
        'Sroyer',
        'Rumaropen',
        'Kambu',
        'Tabuni',
        'Mambrasar',
      ],
    },
  },
  ambonese: {
    male: {
      given: ['Johanis', 'Ronald', 'Dominggus', 'Melky', 'Jacob', 'Abraham', 'Frederik', 'Izaak'],
      family: [
        'Pattiasina',
        'Latuheru',
        'Sahetapy',
        'Tuanakotta',
        'Leatemia',
        'Manuhutu',
        'Pattiradjawane',
        'Matulessy',
        'Tupamahu',
        'Wattimena',
        'Ohorella',
        'Sopacua',
      ],
    },
    female: {
      given: ['Grace', 'Jeane', 'Novita', 'Christina', 'Merlin', 'Olivia', 'Stella', 'Juliana'],
      family: [
        'Pattiasina',
        'Latuheru',
        'Sahetapy',
        'Tuanakotta',
        'Leatemia',
        'Manuhutu',
        'Pattiradjawane',
        'Matulessy',
        'Tupamahu',
        'Wattimena',
        'Ohorella',
        'Sopacua',
      ],
    },
  },
  chinese_indonesian: {
    male: {
      given: ['Hendra', 'Kevin', 'Steven', 'Felix', 'Budi', 'Wilson', 'Yohanes', 'Aditya', 'Ricky'],
      family: [
        'Gunawan',
        'Wijaya',
        'Tanudjaja',
        'Halim',
        'Santoso',
        'Salim',
        'Tanjaya',
        'Susanto',
        'Hartono',
        'Tanoto',
        'Lie',
      ],
    },
    female: {
      given: ['Lina', 'Meiliana', 'Fenny', 'Lidya', 'Jessica', 'Stefani', 'Vivian', 'Yenny', 'Lanny'],
      family: [
        'Gunawan',
        'Wijaya',
        'Tanudjaja',
        'Halim',
        'Santoso',
        'Salim',
        'Tanjaya',
        'Susanto',
        'Hartono',
        'Kurniadi',
        'Lie',
      ],
    },
  },
};

/** A random name of the tradition and gender. */
export function randomName(random: SeededRandom, tradition: NamingTradition, gender: Gender): PersonName {
  const t = TRADITIONS[tradition];
  const pools = t[gender];
  if (pools.mononyms && random.chance(0.12)) return { given: random.pick(pools.mononyms), family: null };
  const honorific = t.honorific ? random.pick(t.honorific[gender]) : undefined;
  return { ...(honorific ? { honorific } : {}), given: random.pick(pools.given), family: random.pick(pools.family) };
}

/** The name as written on a staff list: titles, honorific, given and family name. */
export function fullNameOf(name: PersonName): string {
  const core = [name.titleBefore, name.honorific, name.given, name.family].filter(Boolean).join(' ');
  return name.titleAfter ? `${core}, ${name.titleAfter}` : core;
}

function emailWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** `firstname.lastname`, as agencies issue them: first given word and the family name, no titles. */
export function emailLocalOf(name: PersonName): string {
  const first = emailWord(name.given.split(' ')[0] ?? name.given);
  return name.family ? `${first}.${emailWord(name.family)}` : first;
}
