import { emailSchema, phoneSchema } from '../../../contracts/common.js';
import { nodesOnCycles } from '../../../domain/org/cycles.js';
import { normalizeNip, validateNip, type EmploymentType } from '../../../domain/org/nip.js';
import { parseEmploymentType } from '../../../domain/org/spreadsheet-values.js';
import { ProblemList } from './import-problems.js';
import { TableReader, type ImportPlan, type ImportTable, type RowProblem } from './import-table.js';

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

export interface PeopleOutcome {
  problems: RowProblem[];
  validRows: number;
  plan: ImportPlan;
  creates: PersonCreate[];
  updates: PersonChange[];
}

/** Manager as written in a row, before we know whether the row it points to is valid. */
type ManagerRef = { kind: 'keep' } | { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'row'; index: number };

interface ParsedPerson {
  values: PersonValues | null;
  match: ExistingPerson | null;
  manager: ManagerRef;
}

const COLUMN_ORDER = ['nip', 'nama_lengkap', 'jenis_kepegawaian', 'email', 'telepon', 'jabatan', 'kode_unit', 'nip_atasan'];

/**
 * Checks every row of a people file against the file itself and the database snapshot, without
 * writing anything. Rows are checked in chunks (checkRows) so a caller can report progress; the
 * checks that need the whole file (reporting-line cycles, rows that depend on invalid rows) run in
 * finish(). A person already in the agency is matched by NIP, or by email when they have no NIP.
 */
export class PeopleImportCheck {
  private readonly reader: TableReader;
  private readonly problems: ProblemList;
  private readonly parsed: ParsedPerson[] = [];
  private readonly firstByNip = new Map<string, number>();
  private readonly firstByEmail = new Map<string, number>();

  constructor(
    table: ImportTable,
    private readonly snapshot: PeopleSnapshot,
    private readonly today: Date,
  ) {
    this.reader = new TableReader(table);
    this.problems = new ProblemList(COLUMN_ORDER);
    for (let i = 0; i < this.reader.size; i++) {
      const nip = normalizeNip(this.reader.cell(i, 'nip'));
      if (nip && !this.firstByNip.has(nip)) this.firstByNip.set(nip, i);
      const email = this.reader.cell(i, 'email').toLowerCase();
      if (email && !this.firstByEmail.has(email)) this.firstByEmail.set(email, i);
    }
  }

  get size(): number {
    return this.reader.size;
  }

  /** Checks rows from `from` (inclusive) to `to` (exclusive), each on its own and against the snapshot. */
  checkRows(from: number, to: number): void {
    for (let i = from; i < Math.min(to, this.reader.size); i++) this.parsed[i] = this.checkRow(i);
  }

  /** The checks across rows, then what committing the valid rows would do. */
  finish(): PeopleOutcome {
    const dependents = new Map<number, number[]>();
    this.parsed.forEach((p, i) => {
      const target = p.manager.kind === 'row' ? p.manager.index : null;
      // Only a manager the file creates can be lost with its row; one already stored stays.
      if (target !== null && !this.parsed[target]?.match) dependents.set(target, [...(dependents.get(target) ?? []), i]);
    });
    this.problems.propagate(dependents, 'nip_atasan', (i) => this.reader.rowNumber(i));
    this.flagCycles();
    this.problems.propagate(dependents, 'nip_atasan', (i) => this.reader.rowNumber(i));
    return this.outcome();
  }

  private checkRow(i: number): ParsedPerson {
    const r = this.reader;
    const add = (column: string, key: string, params?: Record<string, unknown>) => this.problems.add({ index: i, column, key, params });
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
    else if (!unit.isActive && !(match && !match.isActive && match.unitId === unit.id)) add('kode_unit', 'import.unit_inactive', { code });

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

  private managerRef(i: number, nip: string | null, add: (column: string, key: string, params?: Record<string, unknown>) => void): ManagerRef {
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

  /** The key of a row's person in the reporting-line graph: their id, or a stand-in for a new person. */
  private keyOf(index: number): string {
    return this.parsed[index]?.match?.id ?? `row:${index}`;
  }

  /** The manager a valid row ends up with, resolved to a graph key. */
  private managerKeyOf(index: number): string | null {
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

  /** Rows whose new reporting line would go round in a circle (through stored people too). */
  private flagCycles(): void {
    const rowOf = new Map<string, number>();
    this.parsed.forEach((_, i) => {
      if (!this.problems.isInvalid(i)) rowOf.set(this.keyOf(i), i);
    });
    const next = (key: string) => {
      const row = rowOf.get(key);
      if (row !== undefined) return this.managerKeyOf(row);
      return key.startsWith('row:') ? null : (this.snapshot.managerOf.get(key) ?? null);
    };
    const onCycle = nodesOnCycles(rowOf.keys(), next);
    for (const key of onCycle) {
      const row = rowOf.get(key);
      if (row !== undefined) this.problems.add({ index: row, column: 'nip_atasan', key: 'import.manager_cycle' });
    }
  }

  private linkOf(index: number): ManagerLink {
    const p = this.parsed[index] as ParsedPerson;
    if (p.manager.kind === 'keep') return p.match?.managerId ? { kind: 'existing', id: p.match.managerId } : { kind: 'none' };
    if (p.manager.kind === 'row') {
      const target = this.parsed[p.manager.index]?.match;
      return target ? { kind: 'existing', id: target.id } : p.manager;
    }
    return p.manager;
  }

  private outcome(): PeopleOutcome {
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
    return {
      problems: this.problems.sorted(),
      validRows: creates.length + updates.length + unchanged,
      plan: { create: creates.length, update: updates.length, unchanged },
      creates,
      updates,
    };
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
