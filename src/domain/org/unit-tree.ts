/** The organisation-unit tree of one agency, as pure operations over a flat list. */
export interface UnitNode {
  id: string;
  parentId: string | null;
}

/** Ids from the root down to `unitId` (inclusive); empty when the unit is unknown. */
export function pathToUnit(units: readonly UnitNode[], unitId: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** `rootId` and every unit below it. */
export function subtreeIds(units: readonly UnitNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const result = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/** Moving `unitId` under `newParentId` would make it its own ancestor. */
export function wouldCreateCycle(units: readonly UnitNode[], unitId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return subtreeIds(units, unitId).has(newParentId);
}

/** Orders units so that every parent comes before its children (for inserts and display). */
export function sortParentsFirst<T extends UnitNode>(units: readonly T[]): T[] {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, T[]>();
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const ordered: T[] = [];
  const visit = (parent: string | null) => {
    for (const u of byParent.get(parent) ?? []) {
      ordered.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return ordered;
}

/** Indonesia's three time zones (docs/indonesian-facts.md); every unit carries one of them. */
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type IndonesianTimeZone = (typeof INDONESIAN_TIME_ZONES)[number];

/** Short names people use: WIB, WITA, WIT. */
export const TIME_ZONE_ABBREVIATIONS: Record<IndonesianTimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function isIndonesianTimeZone(value: string): value is IndonesianTimeZone {
  return (INDONESIAN_TIME_ZONES as readonly string[]).includes(value);
}
