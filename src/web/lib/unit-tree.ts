import type { UnitView } from '../../contracts/org.js';
import { sortParentsFirst } from '../../domain/org/unit-tree.js';

export interface UnitNodeView extends UnitView {
  depth: number;
  children: UnitNodeView[];
}

/** The flat list as a tree (parents first, siblings by name), with each unit's depth. */
export function buildUnitTree(units: readonly UnitView[]): { roots: UnitNodeView[]; ordered: UnitNodeView[] } {
  const byName = [...units].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const nodes = new Map(byName.map((u) => [u.id, { ...u, depth: 0, children: [] as UnitNodeView[] }]));
  const roots: UnitNodeView[] = [];
  for (const u of sortParentsFirst(byName)) {
    const node = nodes.get(u.id) as UnitNodeView;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) {
      node.depth = parent.depth + 1;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const ordered: UnitNodeView[] = [];
  const walk = (list: UnitNodeView[]) => {
    for (const n of list) {
      ordered.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return { roots, ordered };
}

/** Unit choices for a <select>, indented by depth (non-breaking spaces survive in options). */
export function unitOptions(
  units: readonly UnitView[],
  options: { exclude?: ReadonlySet<string>; activeOnly?: boolean } = {},
) {
  return buildUnitTree(units)
    .ordered.filter((u) => !options.exclude?.has(u.id) && (!options.activeOnly || u.isActive))
    .map((u) => ({ value: u.id, label: `${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name} (${u.code})` }));
}
