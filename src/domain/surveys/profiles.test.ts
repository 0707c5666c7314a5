import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANY, assignProfiles, profileKey, type MemberAttributes, type Profile } from './profiles.js';

const K = 5;

let next = 0;
function members(count: number, unitId: string, attributes: Partial<MemberAttributes> = {}): MemberAttributes[] {
  return Array.from({ length: count }, () => ({
    personId: `p${(next += 1)}`,
    unitId,
    employmentType: 'pns',
    ageBand: '30-39',
    serviceBand: '5-10',
    ...attributes,
  }));
}

function assigned(list: readonly MemberAttributes[], parentOf: ReadonlyMap<string, string | null>, k = K) {
  const result = assignProfiles(list, parentOf, k);
  if (!result.ok) throw new Error(result.reason);
  return result.profiles;
}

const profileOf = (profiles: Map<string, Profile>, m: MemberAttributes) => profiles.get(m.personId);

describe('respondent profiles, worked examples', () => {
  const tree = new Map<string, string | null>([
    ['agency', null],
    ['finance', 'agency'],
    ['tax', 'finance'],
    ['small', 'agency'],
  ]);

  it('keeps every attribute where k members share them all', () => {
    const group = members(6, 'finance');
    const profiles = assigned(group, tree);
    expect(profileOf(profiles, group[0]!)).toEqual({
      unitId: 'finance',
      employmentType: 'pns',
      ageBand: '30-39',
      serviceBand: '5-10',
    });
  });

  it('drops the service band first, then the age band, for those who would be fewer than k', () => {
    const long = members(6, 'finance');
    const mixedService = [
      ...members(3, 'finance', { serviceBand: '11-20' }),
      ...members(2, 'finance', { serviceBand: '>20' }),
    ];
    const mixedAge = [
      ...members(3, 'finance', { ageBand: '40-49', serviceBand: '11-20' }),
      ...members(2, 'finance', { ageBand: '50+', serviceBand: '>20' }),
    ];
    const profiles = assigned([...long, ...mixedService, ...mixedAge], tree);
    expect(profileOf(profiles, long[0]!)?.serviceBand).toBe('5-10');
    // The five of 30–39 outside the big class share their age band, not their service band.
    expect(profileOf(profiles, mixedService[0]!)).toMatchObject({ ageBand: '30-39', serviceBand: ANY });
    expect(profileOf(profiles, mixedService[4]!)).toMatchObject({ ageBand: '30-39', serviceBand: ANY });
    // The five of mixed ages share only their employment type.
    expect(profileOf(profiles, mixedAge[0]!)).toMatchObject({ employmentType: 'pns', ageBand: ANY, serviceBand: ANY });
  });

  it('the one PPPK in a unit of eight: the whole unit becomes "anyone here"', () => {
    const pns = members(7, 'finance');
    const [pppk] = members(1, 'finance', { employmentType: 'pppk', ageBand: '20-29', serviceBand: '<5' });
    const profiles = assigned([...pns, pppk!], tree);
    for (const m of [...pns, pppk!])
      expect(profileOf(profiles, m)).toEqual({
        unitId: 'finance',
        employmentType: ANY,
        ageBand: ANY,
        serviceBand: ANY,
      });
  });

  it('a unit of fewer than k is counted in its parent', () => {
    const tax = members(3, 'tax');
    const finance = members(4, 'finance');
    const profiles = assigned([...tax, ...finance], tree);
    for (const m of [...tax, ...finance]) expect(profileOf(profiles, m)?.unitId).toBe('finance');
  });

  it('fewer than k left at the top join the smallest class already formed', () => {
    const finance = members(6, 'finance');
    const bigger = members(9, 'small', { employmentType: 'pppk' });
    const stray = members(2, 'agency', { employmentType: 'non_asn' });
    const profiles = assigned([...finance, ...bigger, ...stray], tree);
    const top = { unitId: 'agency', employmentType: ANY, ageBand: ANY, serviceBand: ANY };
    for (const m of [...finance, ...stray]) expect(profileOf(profiles, m)).toEqual(top);
    expect(profileOf(profiles, bigger[0]!)?.unitId).toBe('small');
  });

  it('refuses fewer than k members in all', () => {
    expect(assignProfiles(members(4, 'finance'), tree, K)).toEqual({ ok: false, reason: 'fewer_than_k' });
  });
});

describe('respondent profiles, properties', () => {
  // A random tree of up to 12 units (each unit's parent comes before it) and members spread over it.
  const population = fc.integer({ min: 1, max: 12 }).chain((unitCount) =>
    fc.record({
      parents: fc.tuple(...Array.from({ length: unitCount }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
      members: fc.array(
        fc.record({
          unit: fc.integer({ min: 0, max: unitCount - 1 }),
          employmentType: fc.constantFrom('pns', 'pppk', 'non_asn', 'unknown'),
          ageBand: fc.constantFrom('20-29', '30-39', '40-49', '50+'),
          serviceBand: fc.constantFrom('<5', '5-10', '11-20', '>20'),
        }),
        { maxLength: 120 },
      ),
      k: fc.integer({ min: 5, max: 10 }),
    }),
  );

  it('every member gets a profile, every profile is shared by at least k, and no profile says more than the member’s own attributes', () => {
    fc.assert(
      fc.property(population, ({ parents, members: drawn, k }) => {
        const parentOf = new Map(parents.map((p, i) => [`u${i}`, p < 0 ? null : `u${p}`]));
        const list: MemberAttributes[] = drawn.map((m, i) => ({
          personId: `p${i}`,
          unitId: `u${m.unit}`,
          employmentType: m.employmentType,
          ageBand: m.ageBand,
          serviceBand: m.serviceBand,
        }));
        const result = assignProfiles(list, parentOf, k);
        if (list.length < k) return !result.ok;
        if (!result.ok) return false;
        const sizes = new Map<string, number>();
        for (const m of list) {
          const p = result.profiles.get(m.personId);
          if (!p) return false;
          sizes.set(profileKey(p), (sizes.get(profileKey(p)) ?? 0) + 1);
          // A profile keeps a member's value or "any", and its unit is theirs or an ancestor.
          for (const key of ['employmentType', 'ageBand', 'serviceBand'] as const)
            if (p[key] !== ANY && p[key] !== m[key]) return false;
          const chain = new Set<string>();
          for (let u: string | null = m.unitId; u !== null && !chain.has(u); u = parentOf.get(u) ?? null) chain.add(u);
          if (p.unitId !== ANY && !chain.has(p.unitId)) return false;
        }
        return [...sizes.values()].every((n) => n >= k);
      }),
      { numRuns: 300 },
    );
  });
});
