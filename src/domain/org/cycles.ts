/**
 * Cycle detection for "points to at most one other" relations: a unit's parent, a person's
 * direct manager. Used when a change (a form or a whole imported file) rewires many links at
 * once, so that walking up from every changed node one by one would be quadratic.
 */

/**
 * Every node that lies on a cycle reachable from `starts`, following `next` (null or undefined
 * ends a walk). Linear in the number of nodes visited.
 */
export function nodesOnCycles(starts: Iterable<string>, next: (id: string) => string | null | undefined): Set<string> {
  const done = new Set<string>();
  const onCycle = new Set<string>();
  for (const start of starts) {
    if (done.has(start)) continue;
    // Walk until we reach a finished node, the end, or a node of this very walk (a cycle).
    const position = new Map<string, number>();
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current != null && !done.has(current) && !position.has(current)) {
      position.set(current, path.length);
      path.push(current);
      current = next(current);
    }
    if (current != null && position.has(current)) {
      for (const id of path.slice(position.get(current))) onCycle.add(id);
    }
    for (const id of path) done.add(id);
  }
  return onCycle;
}
