import type { HelpContactKind } from '../../domain/help/help-contacts.js';

/** Emergency numbers first, then crisis lines, then the agency's own, each in the agency's order. */
export const KIND_ORDER: Record<HelpContactKind, number> = {
  emergency: 0,
  crisis_line: 1,
  counselling: 2,
  clinic: 3,
  hospital: 4,
  other: 5,
};

export function orderContacts<T extends { kind: HelpContactKind; sortOrder: number; isActive: boolean }>(
  items: readonly T[],
): T[] {
  return items
    .filter((c) => c.isActive)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sortOrder - b.sortOrder);
}
