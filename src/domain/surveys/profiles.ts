/**
 * Respondent profiles of a climate survey (docs/decisions/048-climate-surveys.md). A response
 * carries the breakdown attributes of its author (unit, employment type, age band, years-of-service
 * band), and together they can be unique: the one PPPK aged 20–29 in a unit of eight. So when a
 * survey opens, each member is given a profile generalised until at least k members share exactly
 * that profile, and a response carries its author's profile, never anything finer. Someone reading
 * the raw responses then cannot narrow one to fewer than k members by its attributes; the
 * breakdowns could never show a finer cell anyway (A1).
 *
 * Generalisation order: the service band goes first, then the age band, then the employment type
 * (the breakdown the programme uses most); a unit whose members cannot make classes of k even as
 * "anyone in the unit" hands them to its parent.
 */

/** An attribute generalised away: "any value". */
export const ANY = '*';

export interface MemberAttributes {
  personId: string;
  unitId: string;
  /** pns, pppk, non_asn; a value the record lacks is its own value, `unknown`. */
  employmentType: string;
  ageBand: string;
  serviceBand: string;
}

export interface Profile {
  /** The member's unit or an ancestor; ANY only where members of separate trees had to be joined. */
  unitId: string;
  employmentType: string;
  ageBand: string;
  serviceBand: string;
}

/** The attributes in the order they are kept: the last is the first to go. */
const LEVELS: ReadonlyArray<(m: MemberAttributes) => Omit<Profile, 'unitId'>> = [
  (m) => ({ employmentType: m.employmentType, ageBand: m.ageBand, serviceBand: m.serviceBand }),
  (m) => ({ employmentType: m.employmentType, ageBand: m.ageBand, serviceBand: ANY }),
  (m) => ({ employmentType: m.employmentType, ageBand: ANY, serviceBand: ANY }),
  () => ({ employmentType: ANY, ageBand: ANY, serviceBand: ANY }),
];

export function profileKey(p: Profile): string {
  return [p.unitId, p.employmentType, p.ageBand, p.serviceBand].join('\u001f');
}

export type ProfileAssignment = { ok: true; profiles: Map<string, Profile> } | { ok: false; reason: 'fewer_than_k' };

/**
 * Gives every member a profile shared by at least k members (each distinct profile is held by k or
 * more of them), keeping as much detail as that allows. `parentOf` is the agency's unit tree (a
 * unit's parent, null at the top); members may sit in any units of it. Fewer than k members in
 * all: no assignment (such a survey cannot open).
 */
export function assignProfiles(
  members: readonly MemberAttributes[],
  parentOf: ReadonlyMap<string, string | null>,
  k: number,
): ProfileAssignment {
  if (members.length < k) return { ok: false, reason: 'fewer_than_k' };
  const depth = unitDepths(members, parentOf);
  // Each unit's pool: its own members and whatever its children could not place.
  const pools = new Map<string, MemberAttributes[]>();
  for (const m of members) pools.set(m.unitId, [...(pools.get(m.unitId) ?? []), m]);
  const profiles = new Map<string, Profile>();
  // Fewer than k left at the top of a tree: placed once every unit below has formed its classes.
  const stray: MemberAttributes[] = [];
  const deepestFirst = () => [...pools.keys()].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0) || cmp(a, b));

  for (let queue = deepestFirst(); queue.length > 0; queue = deepestFirst()) {
    const unitId = queue[0] as string;
    const pool = pools.get(unitId) ?? [];
    pools.delete(unitId);
    const parent = parentOf.get(unitId) ?? null;
    if (pool.length < k && parent !== null) {
      // Too few to form any class here: they are counted in the parent unit.
      pools.set(parent, [...(pools.get(parent) ?? []), ...pool]);
      continue;
    }
    if (pool.length < k) stray.push(...pool);
    else placeInUnit(unitId, pool, profiles, k);
  }
  if (stray.length > 0) placeStray(stray, profiles, parentOf, k);
  return { ok: true, profiles };
}

/** Classes of k or more at the most detailed level that allows them; the rest made "anyone here". */
function placeInUnit(unitId: string, pool: MemberAttributes[], profiles: Map<string, Profile>, k: number): void {
  const classes: Array<{ level: number; members: MemberAttributes[] }> = [];
  let rest = pool;
  for (let level = 0; level < LEVELS.length - 1; level += 1) {
    const attributesAt = LEVELS[level] as (m: MemberAttributes) => Omit<Profile, 'unitId'>;
    const groups = groupBy(rest, (m) => JSON.stringify(attributesAt(m)));
    rest = [];
    for (const members of groups) {
      if (members.length >= k) classes.push({ level, members });
      else rest.push(...members);
    }
  }
  // The leftover becomes "anyone in the unit"; with fewer than k, the smallest classes join it.
  classes.sort((a, b) => a.members.length - b.members.length);
  while (rest.length > 0 && rest.length < k) rest = [...rest, ...(classes.shift()?.members ?? [])];
  const anyone = LEVELS.length - 1;
  for (const { level, members } of [...classes, { level: anyone, members: rest }]) {
    const attributesAt = LEVELS[level] as (m: MemberAttributes) => Omit<Profile, 'unitId'>;
    for (const m of members) profiles.set(m.personId, { unitId, ...attributesAt(m) });
  }
}

/**
 * Fewer than k members left at the top of the tree (every other member placed below): they and the
 * smallest classes already formed become "anyone under this top unit", until there are k. Members
 * of separate trees (a tree the directory no longer connects) share "any unit" instead.
 */
function placeStray(
  stray: readonly MemberAttributes[],
  profiles: Map<string, Profile>,
  parentOf: ReadonlyMap<string, string | null>,
  k: number,
): void {
  const byProfile = groupBy([...profiles.entries()], ([, p]) => profileKey(p)).sort((a, b) => a.length - b.length);
  const joined = stray.map((m) => ({ personId: m.personId, unitId: m.unitId }));
  for (const group of byProfile) {
    if (joined.length >= k) break;
    joined.push(...group.map(([personId, p]) => ({ personId, unitId: p.unitId })));
  }
  const tops = new Set(joined.map((m) => topOf(m.unitId, parentOf)));
  const unitId = tops.size === 1 ? ([...tops][0] as string) : ANY;
  for (const { personId } of joined)
    profiles.set(personId, { unitId, employmentType: ANY, ageBand: ANY, serviceBand: ANY });
}

function topOf(unitId: string, parentOf: ReadonlyMap<string, string | null>): string {
  const seen = new Set<string>([unitId]);
  let top = unitId;
  for (let u = parentOf.get(unitId) ?? null; u !== null && !seen.has(u); u = parentOf.get(u) ?? null) {
    seen.add(u);
    top = u;
  }
  return top;
}

function unitDepths(members: readonly MemberAttributes[], parentOf: ReadonlyMap<string, string | null>) {
  const depth = new Map<string, number>();
  const of = (unitId: string): number => {
    const known = depth.get(unitId);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    let d = 0;
    for (let u = parentOf.get(unitId) ?? null; u !== null && !seen.has(u); u = parentOf.get(u) ?? null) {
      seen.add(u);
      d += 1;
    }
    depth.set(unitId, d);
    return d;
  };
  for (const m of members) {
    for (
      let u: string | null = m.unitId, seen = new Set<string>();
      u !== null && !seen.has(u);
      u = parentOf.get(u) ?? null
    ) {
      seen.add(u);
      of(u);
    }
  }
  return depth;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => cmp(a, b)).map(([, g]) => g);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
