import { unitScopeOf, type Actor, type Permission } from '../../../domain/access/permissions.js';
import { subtreeIds, type UnitNode } from '../../../domain/org/unit-tree.js';

/**
 * Which campaigns and units a wellbeing admin may touch. An agency-wide grant covers every unit;
 * a unit-scoped one covers the subtrees of its units (today's tree: scope is a present grant).
 */
export class CampaignScope {
  private readonly covered: Set<string> | null;

  constructor(
    readonly roots: readonly string[] | null,
    tree: readonly UnitNode[],
  ) {
    this.covered = roots === null ? null : new Set(roots.flatMap((r) => [...subtreeIds(tree, r)]));
  }

  static of(actor: Actor, permission: Permission, tree: readonly UnitNode[]): CampaignScope {
    return new CampaignScope(unitScopeOf(actor, permission), tree);
  }

  get agencyWide(): boolean {
    return this.covered === null;
  }

  covers(unitId: string): boolean {
    return this.covered === null || this.covered.has(unitId);
  }

  /** May manage: every chosen unit lies inside the scope. */
  coversAll(unitIds: readonly string[]): boolean {
    return unitIds.every((id) => this.covers(id));
  }

  /**
   * May see: the campaign reaches into the scope — a chosen unit inside it, or a chosen unit
   * whose subtree contains one of the scope's units (a campaign for the whole agency).
   */
  overlaps(unitIds: readonly string[], tree: readonly UnitNode[]): boolean {
    if (this.covered === null) return true;
    if (unitIds.some((id) => this.covers(id))) return true;
    return unitIds.some((id) => {
      const below = subtreeIds(tree, id);
      return (this.roots ?? []).some((r) => below.has(r));
    });
  }
}
