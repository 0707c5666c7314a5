import type { AssignableRole } from '../../domain/access/roles.js';
import type { EmploymentType } from '../../domain/org/nip.js';
import type { IndonesianTimeZone } from '../../domain/org/unit-tree.js';
import type { Gender, NamingTradition, PersonName } from './names.js';

/**
 * The hand-written shape of a demo agency: its units, who works where, and the few named people
 * who hold the roles a visitor signs in as. The generator fills in everyone else.
 */
export interface PositionSpec {
  title: string;
  weight: number;
  /** Some posts are held by one gender only in practice (bidan: midwife). */
  gender?: Gender;
  titleBefore?: string;
  titleAfter?: string;
}

export interface UnitBlueprint {
  code: string;
  name: string;
  parentCode: string | null;
  timeZone: IndonesianTimeZone;
  /** The head's post, e.g. "Camat Depok", "Kepala UPT Puskesmas Depok I". */
  headTitle: string;
  headTitleBefore?: string;
  /** People in the unit besides its head (named key people included). */
  staff: number;
  positions: readonly PositionSpec[];
  /** Naming traditions of the region, with weights; the agency's mix when absent. */
  names?: readonly (readonly [NamingTradition, number])[];
  /** Share of PPPK among the staff (teachers and health workers are often PPPK). */
  pppkShare?: number;
  femaleShare?: number;
}

export interface RoleSpec {
  role: AssignableRole;
  /** The unit the grant is limited to; null = the whole agency. */
  unitCode: string | null;
}

/** A named person: the accounts a visitor signs in as, listed in docs/demo.md. */
export interface KeyPersonBlueprint {
  unitCode: string;
  name: PersonName;
  gender: Gender;
  position: string;
  employmentType: EmploymentType;
  roles: readonly RoleSpec[];
  /** This person heads the unit (replaces the generated head). */
  isHead?: boolean;
  /** A different email domain, e.g. the EAP provider's for an external counsellor. */
  emailDomain?: string;
  /** Shown in the sign-in table under this label; the identifier they sign in with. */
  signIn?: { label: string; with: 'nip' | 'email' };
}

export interface AgencyBlueprint {
  key: string;
  seed: number;
  name: string;
  shortName: string;
  kind: 'pemerintah_kabupaten' | 'lembaga';
  timeZone: IndonesianTimeZone;
  emailDomain: string;
  names: readonly (readonly [NamingTradition, number])[];
  units: readonly UnitBlueprint[];
  keyPeople: readonly KeyPersonBlueprint[];
}

/** The external EAP provider both demo agencies contract with (fictional). */
export const EAP_EMAIL_DOMAIN = 'demo.lenterajiwa.id';
export const EAP_POSITION = 'Psikolog Klinis (Mitra EAP Lentera Jiwa)';
