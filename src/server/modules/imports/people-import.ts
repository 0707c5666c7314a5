import { emailSchema, phoneSchema } from '../../../contracts/common.js';
import { normalizeNip, validateNip, type EmploymentType } from '../../../domain/org/nip.js';
import { parseEmploymentType } from '../../../domain/org/spreadsheet-values.js';
import { ImportCheck, type ImportOutcome } from './import-check.js';
import type { ImportTable } from './import-table.js';

/** A person already in the install, as the people import needs to know them. */
export interface ExistingPerson {
  id: string;
  agencyId: string;
  nip: string | null;
  email: string | null;
  fullName: string;
  phone: string | null;
  position: string | null;
  employmentType: string;
  unitId: string;
  managerId: string | null;
  isActive: boolean;
}

/** What the database holds that a people file is checked against. */
export interface PeopleSnapshot {
  agencyId: string;
  unitsByCode: Map<string, { id: string; isActive: boolean }>;
  /** Anyone in the install holding a NIP that the file mentions (as nip or nip_atasan). */
  peopleByNip: Map<string, ExistingPerson>;
  /** Anyone in the install holding an email address the file mentions (lowercased). */
  peopleByEmail: Map<string, ExistingPerson>;
  /** The agency's reporting line: person id → manager id. */
  managerOf: Map<string, string | null>;
}

/** The direct manager of an imported person: nobody, someone already stored, or a new person of the file. */
export type ManagerLink = { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'row'; index: number };

export interface PersonValues {
  fullName: string;
  employmentType: EmploymentType;
  nip: string | null;
  email: string | null;
  phone: string | null;
  position: string | null;
  unitId: string;
}

export interface PersonCreate {
  index: number;
  values: PersonValues;
  manager: ManagerLink;
}

export interface PersonChange {
  index: number;
  id: string;
  values: PersonValues;
  manager: ManagerLink;
}

export type PeopleOutcome = ImportOutcome<PersonCreate, PersonChange>;

/** Manager as written in a row, before we know whether the row it points to is valid. */
type ManagerRef =
  { kind: 'keep' } | { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'row'; index: number };

interface ParsedPerson {
  values: PersonValues | null;
  match: ExistingPerson | null;
  manager: ManagerRef;
}

const COLUMN_ORDER = [
  'nip',
  'nama_lengkap',
  'jenis_kepegawaian',
  'email',
  'telepon',
  'jabatan',
  'kode_unit',
  'nip_atasan',
];

/**
 * Checks every row of a people file against the file itself and the database snapshot, without
 * writing anything; the reporting line is the link between rows (see ImportCheck). A person
 * already in the agency is matched by NIP, or by email when they have no NIP.
 */
export class PeopleImportCheck extends ImportCheck<ParsedPerson, PeopleOutcome> {
  private readonly firstByNip: Map<string, number>;
  private readonly firstByEmail: Map<string, number>;

  constructor(
    table: ImportTable,
    private readonly snapshot: PeopleSnapshot,
    private readonly today: Date,
  ) {
    super(table, COLUMN_ORDER, { column: 'nip_atasan', cycleKey: 'import.manager_cycle' });
    this.firstByNip = this.firstRowsBy((i) => normalizeNip(this.reader.cell(i, 'nip')));
    this.firstByEmail = this.firstRowsBy((i) => this.reader.cell(i, 'email').toLowerCase());
  }

  protected override checkRow(i: number): ParsedPerson {
    const r = this.reader;
    const add = (column: string, key: string, params?: Record<string, unknown>) =>
      this.problems.add({ index: i, column, key, params });
    const { agencyId, unitsByCode, peopleByNip, peopleByEmail } = this.snapshot;

    const fullName = r.cell(i, 'nama_lengkap');
    if (!fullName) add('nama_lengkap', 'required');
    else if (fullName.length > 200) add('nama_lengkap', 'string_too_long', { maximum: 200 });

    const typeText = r.cell(i, 'jenis_kepegawaian');
    const employmentType = parseEmploymentType(typeText);
    if (!typeText) add('jenis_kepegawaian', 'required');
    else if (!employmentType) add('jenis_kepegawaian', 'import.employment_type');

    const nip = normalizeNip(r.cell(i, 'nip')) || null;
    if (r.isLossy(i, 'nip')) add('nip', 'import.number_lost_digits');
    else if (employmentType === 'non_asn' && nip) add('nip', 'nip.not_allowed_for_non_asn');
    else if (employmentType && employmentType !== 'non_asn') {
      const check = validateNip(nip, employmentType, this.today);
      if (!check.ok) add('nip', `nip.${check.problem}`);
    }

    let email: string | null = null;
    const emailText = r.cell(i, 'email');
    if (emailText) {
      const parsed = emailSchema.safeParse(emailText);
      if (parsed.success) email = parsed.data;
      else add('email', 'invalid_email');
    }
    const phone = r.cell(i, 'telepon') || null;
    if (phone && !phoneSchema.safeParse(phone).success) add('telepon', 'phone');
    const position = r.cell(i, 'jabatan') || null;
    if (position && position.length > 200) add('jabatan', 'string_too_long', { maximum: 200 });

    let match: ExistingPerson | null = null;
    if (nip) {
      const holder = peopleByNip.get(nip) ?? null;
      if (holder && holder.agencyId !== agencyId) add('nip', 'import.nip_taken');
      else match = holder;
      const first = this.firstByNip.get(nip) as number;
      if (first !== i) add('nip', 'import.duplicate_nip', { row: r.rowNumber(first) });
    } else if (email) {
      const holder = peopleByEmail.get(email);
      if (holder && holder.agencyId === agencyId && holder.nip === null) match = holder;
    }
    if (email) {
      const first = this.firstByEmail.get(email) as number;
      if (first !== i) add('email', 'import.duplicate_email', { row: r.rowNumber(first) });
      const holder = peopleByEmail.get(email);
      if (holder && holder.id !== match?.id) add('email', 'import.email_taken');
    }

    const code = r.cell(i, 'kode_unit');
    const unit = code ? unitsByCode.get(code) : undefined;
    if (!code) add('kode_unit', 'required');
    else if (!unit) add('kode_unit', 'import.unit_not_found', { code });
    // An inactive unit takes no one new; a person already filed there while inactive may stay.
    else if (!unit.isActive && !(match && !match.isActive && match.unitId === unit.id))
      add('kode_unit', 'import.unit_inactive', { code });

    const manager = this.managerRef(i, nip, add);
    const values =
      fullName && employmentType && unit
        ? {
            fullName,
            employmentType,
            nip: employmentType === 'non_asn' ? null : nip,
            email: r.has('email') ? email : (match?.email ?? null),
            phone: r.has('telepon') ? phone : (match?.phone ?? null),
            position: r.has('jabatan') ? position : (match?.position ?? null),
            unitId: unit.id,
          }
        : null;
    return { values, match, manager };
  }

  private managerRef(
    i: number,
    nip: string | null,
    add: (column: string, key: string, params?: Record<string, unknown>) => void,
  ): ManagerRef {
    const r = this.reader;
    if (!r.has('nip_atasan')) return { kind: 'keep' };
    if (r.isLossy(i, 'nip_atasan')) {
      add('nip_atasan', 'import.number_lost_digits');
      return { kind: 'keep' };
    }
    const managerNip = normalizeNip(r.cell(i, 'nip_atasan'));
    if (!managerNip) return { kind: 'none' };
    if (managerNip === nip) {
      add('nip_atasan', 'import.manager_self');
      return { kind: 'keep' };
    }
    const row = this.firstByNip.get(managerNip);
    if (row !== undefined) return { kind: 'row', index: row };
    const holder = this.snapshot.peopleByNip.get(managerNip);
    if (holder && holder.agencyId === this.snapshot.agencyId) return { kind: 'existing', id: holder.id };
    add('nip_atasan', 'import.manager_not_found', { nip: managerNip });
    return { kind: 'keep' };
  }

  /** The row of the person's manager, when the manager is a person of the file. */
  protected override linkedRow(p: ParsedPerson): number | null {
    return p.manager.kind === 'row' ? p.manager.index : null;
  }

  /** The manager a valid row ends up with, resolved to a graph key. */
  protected override linkKeyOf(index: number): string | null {
    const p = this.parsed[index] as ParsedPerson;
    switch (p.manager.kind) {
      case 'keep':
        return p.match?.managerId ?? null;
      case 'none':
        return null;
      case 'existing':
        return p.manager.id;
      case 'row':
        return this.keyOf(p.manager.index);
    }
  }

  protected override storedLinkOf(id: string): string | null {
    return this.snapshot.managerOf.get(id) ?? null;
  }

  private linkOf(index: number): ManagerLink {
    const p = this.parsed[index] as ParsedPerson;
    if (p.manager.kind === 'keep')
      return p.match?.managerId ? { kind: 'existing', id: p.match.managerId } : { kind: 'none' };
    if (p.manager.kind === 'row') {
      const target = this.parsed[p.manager.index]?.match;
      return target ? { kind: 'existing', id: target.id } : p.manager;
    }
    return p.manager;
  }

  protected override outcome(): PeopleOutcome {
    const creates: PersonCreate[] = [];
    const updates: PersonChange[] = [];
    let unchanged = 0;
    this.parsed.forEach((p, index) => {
      if (this.problems.isInvalid(index) || !p.values) return;
      const manager = this.linkOf(index);
      if (!p.match) {
        creates.push({ index, values: p.values, manager });
        return;
      }
      if (isSamePerson(p.match, p.values, manager)) unchanged++;
      else updates.push({ index, id: p.match.id, values: p.values, manager });
    });
    return this.summarize(creates, updates, unchanged);
  }
}

function isSamePerson(stored: ExistingPerson, values: PersonValues, manager: ManagerLink): boolean {
  const managerId = manager.kind === 'existing' ? manager.id : manager.kind === 'none' ? null : undefined;
  return (
    stored.fullName === values.fullName &&
    stored.employmentType === values.employmentType &&
    stored.nip === values.nip &&
    stored.email === values.email &&
    stored.phone === values.phone &&
    stored.position === values.position &&
    stored.unitId === values.unitId &&
    stored.managerId === managerId
  );
}
