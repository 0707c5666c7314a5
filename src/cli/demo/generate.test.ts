import { describe, expect, it } from 'vitest';
import { ROLES_REQUIRING_TWO_FACTOR } from '../../domain/access/roles.js';
import { validateNip } from '../../domain/org/nip.js';
import { checkNewPassword, identityOf } from '../../server/modules/auth/index.js';
import { DEMO_PASSWORD, demoTotpSecretFor } from './demo-secrets.js';
import { DEMO_REFERENCE_DATE, generateDemo, type DemoAgency, type DemoPerson } from './generate.js';

const demo = generateDemo();
const everyone = demo.agencies.flatMap((a) => a.people);
const agency = (key: string) => demo.agencies.find((a) => a.key === key) as DemoAgency;
const withRole = (a: DemoAgency, role: string) => a.people.filter((p) => p.roles.some((r) => r.role === role));

describe('demo data', () => {
  it('is the same on every run', () => {
    expect(generateDemo()).toEqual(demo);
  });

  it('has two agencies, at least 300 people and at least 10 units each in a three-level tree', () => {
    expect(demo.agencies.map((a) => a.kind)).toEqual(['pemerintah_kabupaten', 'lembaga']);
    expect(everyone.length).toBeGreaterThanOrEqual(300);
    for (const a of demo.agencies) {
      expect(a.units.length).toBeGreaterThanOrEqual(10);
      expect(a.units.filter((u) => u.parentCode === null)).toHaveLength(1);
      const depth = (code: string | null): number =>
        code === null ? 0 : 1 + depth(a.units.find((u) => u.code === code)?.parentCode ?? null);
      expect(Math.max(...a.units.map((u) => depth(u.code)))).toBeGreaterThanOrEqual(3);
      expect(new Set(a.units.map((u) => u.code)).size).toBe(a.units.length);
    }
  });

  it('draws the agency itself as the root, with its offices as siblings under it', () => {
    const childrenOf = (a: DemoAgency, code: string) => a.units.filter((u) => u.parentCode === code).map((u) => u.code);
    const sleman = agency('sleman');
    const slemanRoot = sleman.units.find((u) => u.parentCode === null);
    expect(slemanRoot?.name).toBe('Pemerintah Kabupaten Sleman');
    expect(childrenOf(sleman, slemanRoot?.code as string)).toEqual(
      expect.arrayContaining(['SETDA', 'BKPSDM', 'DINKES', 'DISDIK', 'DISKOMINFO', 'KEC-DEPOK', 'KEC-TURI']),
    );
    expect(childrenOf(sleman, 'SETDA').every((c) => c.startsWith('SETDA-'))).toBe(true);
    expect(childrenOf(sleman, 'DINKES').every((c) => c.startsWith('PKM-'))).toBe(true);
    const blsn = agency('blsn');
    const blsnRoot = blsn.units.find((u) => u.parentCode === null);
    expect(blsnRoot?.name).toBe('Badan Layanan Sertifikasi Nasional');
    expect(childrenOf(blsn, blsnRoot?.code as string)).toEqual(
      expect.arrayContaining(['PUSAT', 'KW-SUMUT', 'KW-PAPUA']),
    );
    expect(childrenOf(blsn, 'PUSAT').some((c) => c.startsWith('KW-'))).toBe(false);
  });

  it('places the regency in WIB and the central agency across WIB, WITA and WIT', () => {
    expect(new Set(agency('sleman').units.map((u) => u.timeZone))).toEqual(new Set(['Asia/Jakarta']));
    const zoneOf = Object.fromEntries(agency('blsn').units.map((u) => [u.code, u.timeZone]));
    expect(zoneOf).toMatchObject({
      PUSAT: 'Asia/Jakarta',
      'KW-SUMUT': 'Asia/Jakarta',
      'KW-KALTIM': 'Asia/Makassar',
      'KW-SULSEL': 'Asia/Makassar',
      'KW-NTT': 'Asia/Makassar',
      'KW-PAPUA': 'Asia/Jayapura',
      'KW-MALUKU': 'Asia/Jayapura',
    });
  });

  it('gives every unit one head who manages it and reports to the head of the parent unit', () => {
    for (const a of demo.agencies) {
      const byKey = new Map(a.people.map((p) => [p.key, p]));
      for (const unit of a.units) {
        const heads = a.people.filter((p) => p.unitCode === unit.code && p.isUnitHead);
        expect(heads, unit.code).toHaveLength(1);
        const head = heads[0] as DemoPerson;
        expect(head.roles).toContainEqual({ role: 'manager', unitCode: unit.code });
        expect(head.employmentType).toBe('pns');
        const parentHead = a.people.find((p) => p.unitCode === unit.parentCode && p.isUnitHead);
        expect(head.managerKey).toBe(parentHead?.key ?? null);
        for (const staff of a.people.filter((p) => p.unitCode === unit.code && !p.isUnitHead)) {
          expect(staff.managerKey).toBe(head.key);
        }
      }
      // Reporting lines end at the top of the agency, without cycles, and managers come first.
      const position = new Map(a.people.map((p, i) => [p.key, i]));
      for (const person of a.people) {
        const seen = new Set<string>();
        let current: DemoPerson | undefined = person;
        while (current?.managerKey) {
          expect(seen.has(current.key)).toBe(false);
          seen.add(current.key);
          expect(position.get(current.managerKey)).toBeLessThan(position.get(current.key) as number);
          current = byKey.get(current.managerKey);
        }
        expect(current?.managerKey).toBeNull();
      }
    }
  });

  it('gives every ASN a valid, unique NIP or NI PPPK whose gender digit matches', () => {
    const nips = everyone.flatMap((p) => (p.nip ? [p.nip] : []));
    expect(new Set(nips).size).toBe(nips.length);
    for (const p of everyone) {
      if (p.employmentType === 'non_asn') {
        expect(p.nip).toBeNull();
        continue;
      }
      for (const today of [DEMO_REFERENCE_DATE, new Date()]) {
        const check = validateNip(p.nip, p.employmentType, today);
        expect(check.ok, `${p.fullName} ${p.nip}`).toBe(true);
        if (check.ok) expect(check.value.gender).toBe(p.gender);
      }
      if (p.employmentType === 'pppk') {
        expect(Number(p.nip?.slice(8, 12))).toBeGreaterThanOrEqual(2019);
        expect(p.nip?.slice(12, 14)).toBe('21');
      }
    }
    const count = (type: string) => everyone.filter((p) => p.employmentType === type).length;
    expect(count('pns')).toBeGreaterThan(everyone.length * 0.7);
    expect(count('pppk')).toBeGreaterThan(20);
    expect(count('non_asn')).toBe(2);
  });

  it('gives everyone a unique email and an Indonesian mobile number', () => {
    const emails = everyone.map((p) => p.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    for (const p of everyone) {
      expect(p.email).toMatch(/^[a-z]+(\.[a-z]+)?\d*@demo\.[a-z.]+$/);
      expect(p.phone).toMatch(/^\+628\d{10}$/);
    }
  });

  it('holds the roles the demo shows: managers, wellbeing admins, two counsellors, an agency admin each', () => {
    for (const a of demo.agencies) {
      expect(withRole(a, 'agency_admin')).toHaveLength(1);
      expect(withRole(a, 'wellbeing_admin').length).toBeGreaterThanOrEqual(1);
      expect(withRole(a, 'wellbeing_admin').length).toBeLessThanOrEqual(2);
      const counsellors = withRole(a, 'counsellor');
      expect(counsellors.map((p) => p.employmentType).sort()).toEqual(['non_asn', 'pns']);
      expect(withRole(a, 'manager')).toHaveLength(a.units.length);
    }
    expect(withRole(agency('sleman'), 'platform_admin')).toHaveLength(1);
    expect(withRole(agency('blsn'), 'platform_admin')).toHaveLength(0);
  });

  it('pre-enrols exactly the two-step roles with their documented secret', () => {
    for (const p of everyone) {
      const needsTwoStep = p.roles.some((r) => ROLES_REQUIRING_TWO_FACTOR.includes(r.role));
      expect(p.totpSecret).toBe(needsTwoStep ? demoTotpSecretFor(p.email) : null);
    }
    expect(demoTotpSecretFor('a@b.id')).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('uses a demo password that the password policy accepts for every person', () => {
    for (const p of everyone) {
      expect(
        checkNewPassword(DEMO_PASSWORD, {
          identifiers: identityOf({ full_name: p.fullName, nip: p.nip, email: p.email }),
        }),
      ).toBeNull();
    }
  });
});
