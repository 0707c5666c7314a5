import { validateNip, type EmploymentType } from '../../domain/org/nip.js';
import type { IndonesianTimeZone } from '../../domain/org/unit-tree.js';
import { BLSN } from './blsn.js';
import type { AgencyBlueprint, KeyPersonBlueprint, PositionSpec, RoleSpec, UnitBlueprint } from './blueprint.js';
import { demoTotpSecretFor, needsDemoTotp } from './demo-secrets.js';
import { emailLocalOf, fullNameOf, randomName, type Gender, type PersonName } from './names.js';
import { SeededRandom } from './random.js';
import { SLEMAN } from './sleman.js';

/**
 * Generates the demo agencies from their blueprints: pure and seeded, so every run gives the same
 * people, NIPs and emails (docs/demo.md lists some of them). Database ids are not generated here;
 * the loader gives every row a fresh random id.
 */
export interface DemoUnit {
  code: string;
  name: string;
  parentCode: string | null;
  timeZone: IndonesianTimeZone;
}

export interface DemoPerson {
  /** Stable key within the demo, for manager links before rows have ids. */
  key: string;
  unitCode: string;
  fullName: string;
  gender: Gender;
  nip: string | null;
  employmentType: EmploymentType;
  email: string;
  phone: string;
  position: string;
  isUnitHead: boolean;
  managerKey: string | null;
  roles: RoleSpec[];
  /** The documented two-step secret, for people whose roles require two-step sign-in. */
  totpSecret: string | null;
  signIn?: { label: string; with: 'nip' | 'email' };
}

export interface DemoAgency {
  key: string;
  name: string;
  shortName: string;
  kind: AgencyBlueprint['kind'];
  timeZone: IndonesianTimeZone;
  units: DemoUnit[];
  people: DemoPerson[];
}

export interface DemoData {
  agencies: DemoAgency[];
}

/** NIPs are generated and checked as of this day, so the data do not depend on when it runs. */
export const DEMO_REFERENCE_DATE = new Date('2026-01-01T00:00:00.000Z');
/** The latest CPNS/PPPK appointment year generated: safely in the past for any run date. */
const LATEST_APPOINTMENT_YEAR = 2024;
const PPPK_INTAKE_YEARS = [2019, 2021, 2022, 2023, 2024];
const MOBILE_PREFIXES = [
  '811',
  '812',
  '813',
  '821',
  '822',
  '852',
  '853',
  '814',
  '815',
  '856',
  '857',
  '858',
  '817',
  '818',
  '819',
  '859',
  '877',
  '878',
  '838',
  '895',
  '896',
  '897',
  '881',
  '882',
];

export function generateDemo(): DemoData {
  const taken: Taken = { nips: new Set(), emails: new Set(), phones: new Set() };
  return { agencies: [SLEMAN, BLSN].map((blueprint) => generateAgency(blueprint, taken)) };
}

interface Taken {
  nips: Set<string>;
  emails: Set<string>;
  phones: Set<string>;
}

function generateAgency(blueprint: AgencyBlueprint, taken: Taken): DemoAgency {
  const random = new SeededRandom(blueprint.seed);
  const names = new Set<string>();
  // Named people keep the emails docs/demo.md shows: reserve them before anyone random is drawn.
  for (const k of blueprint.keyPeople) {
    taken.emails.add(keyPersonEmail(blueprint, k));
    names.add(fullNameOf(k.name));
  }
  const people: DemoPerson[] = [];
  const headOf = new Map<string, DemoPerson>();
  const nextKey = () => `${blueprint.key}-${String(people.length + 1).padStart(3, '0')}`;

  const codes = new Set(blueprint.units.map((u) => u.code));
  // People are drawn unit by unit in the order the blueprint lists them, so a unit added at the end
  // leaves everyone else's name and NIP as docs/demo.md shows them; a head's manager (the head of
  // the parent unit) is linked once every unit has its head.
  for (const unit of blueprint.units) {
    if (unit.parentCode !== null && !codes.has(unit.parentCode))
      throw new Error(`unit ${unit.code} has an unknown parent ${unit.parentCode}`);
    const keyPeople = blueprint.keyPeople.filter((k) => k.unitCode === unit.code);
    const keyHead = keyPeople.find((k) => k.isHead);
    const head = keyHead
      ? keyPerson(random, blueprint, unit, keyHead, nextKey(), taken)
      : randomPerson(
          random,
          blueprint,
          unit,
          { position: headPositionOf(unit), isHead: true },
          nextKey(),
          taken,
          names,
        );
    head.isUnitHead = true;
    head.managerKey = null;
    if (!head.roles.some((r) => r.role === 'manager')) head.roles.unshift({ role: 'manager', unitCode: unit.code });
    head.totpSecret = needsDemoTotp(head.roles) ? demoTotpSecretFor(head.email) : null;
    headOf.set(unit.code, head);
    people.push(head);

    const named = keyPeople.filter((k) => !k.isHead);
    if (named.length > unit.staff) throw new Error(`unit ${unit.code} has more named people than staff`);
    for (const k of named) {
      people.push({ ...keyPerson(random, blueprint, unit, k, nextKey(), taken), managerKey: head.key });
    }
    for (let i = named.length; i < unit.staff; i++) {
      const position = random.weighted(unit.positions.map((p) => [p, p.weight] as const));
      people.push({
        ...randomPerson(random, blueprint, unit, { position, isHead: false }, nextKey(), taken, names),
        managerKey: head.key,
      });
    }
  }
  for (const unit of blueprint.units) {
    if (unit.parentCode !== null)
      (headOf.get(unit.code) as DemoPerson).managerKey = headOf.get(unit.parentCode)?.key ?? null;
  }
  const units = parentsFirst(blueprint.units);
  // Managers before the people they manage, as the people table is written.
  const unitOrder = new Map(units.map((u, i) => [u.code, i]));
  const ordered = people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (unitOrder.get(a.p.unitCode) ?? 0) - (unitOrder.get(b.p.unitCode) ?? 0) || a.i - b.i)
    .map((x) => x.p);
  return {
    key: blueprint.key,
    name: blueprint.name,
    shortName: blueprint.shortName,
    kind: blueprint.kind,
    timeZone: blueprint.timeZone,
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      parentCode: u.parentCode,
      timeZone: u.timeZone,
    })),
    people: ordered,
  };
}

/** The units with every parent before its children (as they are inserted), otherwise in blueprint order. */
function parentsFirst(units: readonly UnitBlueprint[]): UnitBlueprint[] {
  const placed = new Set<string>();
  const out: UnitBlueprint[] = [];
  while (out.length < units.length) {
    const before = out.length;
    for (const u of units) {
      if (placed.has(u.code) || (u.parentCode !== null && !placed.has(u.parentCode))) continue;
      placed.add(u.code);
      out.push(u);
    }
    if (out.length === before) throw new Error('the demo unit tree has a cycle');
  }
  return out;
}

function headPositionOf(unit: UnitBlueprint): PositionSpec {
  return { title: unit.headTitle, weight: 1, ...(unit.headTitleBefore ? { titleBefore: unit.headTitleBefore } : {}) };
}

function keyPersonEmail(blueprint: AgencyBlueprint, k: KeyPersonBlueprint): string {
  return `${emailLocalOf(k.name)}@${k.emailDomain ?? blueprint.emailDomain}`;
}

function keyPerson(
  random: SeededRandom,
  blueprint: AgencyBlueprint,
  unit: UnitBlueprint,
  k: KeyPersonBlueprint,
  key: string,
  taken: Taken,
): DemoPerson {
  const email = keyPersonEmail(blueprint, k);
  const roles = [...k.roles];
  return {
    key,
    unitCode: unit.code,
    fullName: fullNameOf(k.name),
    gender: k.gender,
    nip: k.employmentType === 'non_asn' ? null : newNip(random, k.gender, k.employmentType, k.isHead === true, taken),
    employmentType: k.employmentType,
    email,
    phone: newPhone(random, taken),
    position: k.position,
    isUnitHead: false,
    managerKey: null,
    roles,
    totpSecret: needsDemoTotp(roles) ? demoTotpSecretFor(email) : null,
    ...(k.signIn ? { signIn: k.signIn } : {}),
  };
}

function randomPerson(
  random: SeededRandom,
  blueprint: AgencyBlueprint,
  unit: UnitBlueprint,
  post: { position: PositionSpec; isHead: boolean },
  key: string,
  taken: Taken,
  names: Set<string>,
): DemoPerson {
  const { position, isHead } = post;
  const gender: Gender = position.gender ?? (random.chance(unit.femaleShare ?? 0.45) ? 'female' : 'male');
  const tradition = random.weighted(unit.names ?? blueprint.names);
  let name: PersonName = randomName(random, tradition, gender);
  // Namesakes happen in real agencies, but a demo roster reads better without them.
  for (let attempt = 0; attempt < 20 && names.has(fullNameOf(withTitles(name, position))); attempt++) {
    name = randomName(random, tradition, gender);
  }
  name = withTitles(name, position);
  names.add(fullNameOf(name));
  // Structural posts (unit heads) are held by PNS only; PPPK are functional staff.
  const employmentType: EmploymentType = !isHead && random.chance(unit.pppkShare ?? 0.08) ? 'pppk' : 'pns';
  return {
    key,
    unitCode: unit.code,
    fullName: fullNameOf(name),
    gender,
    nip: newNip(random, gender, employmentType, isHead, taken),
    employmentType,
    email: uniqueEmail(emailLocalOf(name), blueprint.emailDomain, taken),
    phone: newPhone(random, taken),
    position: position.title,
    isUnitHead: false,
    managerKey: null,
    roles: [],
    totpSecret: null,
  };
}

function withTitles(name: PersonName, position: PositionSpec): PersonName {
  return {
    ...name,
    ...(position.titleBefore ? { titleBefore: position.titleBefore } : {}),
    ...(position.titleAfter ? { titleAfter: position.titleAfter } : {}),
  };
}

function uniqueEmail(local: string, domain: string, taken: Taken): string {
  let email = `${local}@${domain}`;
  for (let n = 2; taken.emails.has(email); n++) email = `${local}${n}@${domain}`;
  taken.emails.add(email);
  return email;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A NIP (PNS: birth date, TMT CPNS year-month, gender, sequence) or NI PPPK (birth date, intake
 * year, code 21, gender, sequence) that passes validateNip; unique across the demo.
 */
function newNip(random: SeededRandom, gender: Gender, kind: 'pns' | 'pppk', isHead: boolean, taken: Taken): string {
  const referenceYear = DEMO_REFERENCE_DATE.getUTCFullYear();
  const birthYear = referenceYear - (isHead ? random.int(42, 57) : random.int(24, 56));
  const birthMonth = random.int(1, 12);
  const birthDay = random.int(1, new Date(Date.UTC(birthYear, birthMonth, 0)).getUTCDate());
  const birth = `${birthYear}${pad(birthMonth, 2)}${pad(birthDay, 2)}`;
  const genderDigit = gender === 'male' ? '1' : '2';
  let prefix: string;
  if (kind === 'pns') {
    const appointedAt = random.int(22, Math.min(35, LATEST_APPOINTMENT_YEAR - birthYear));
    prefix = `${birth}${birthYear + appointedAt}${pad(random.int(1, 12), 2)}${genderDigit}`;
  } else {
    prefix = `${birth}${random.pick(PPPK_INTAKE_YEARS)}21${genderDigit}`;
  }
  let sequence = random.int(1, 9);
  while (taken.nips.has(`${prefix}${pad(sequence, 3)}`)) sequence++;
  const nip = `${prefix}${pad(sequence, 3)}`;
  const check = validateNip(nip, kind, DEMO_REFERENCE_DATE);
  if (!check.ok || check.value.gender !== gender) throw new Error(`generated an invalid NIP ${nip}`);
  taken.nips.add(nip);
  return nip;
}

/** An Indonesian mobile number in E.164 form: +62 8xx and eight digits. */
function newPhone(random: SeededRandom, taken: Taken): string {
  let phone: string;
  do {
    phone = `+62${random.pick(MOBILE_PREFIXES)}${pad(random.int(0, 99_999_999), 8)}`;
  } while (taken.phones.has(phone));
  taken.phones.add(phone);
  return phone;
}
