import type { Role } from '../../domain/access/roles.js';
import type { MessageKey, TranslateFn } from '../i18n.js';

/**
 * A role's name. Apart from lib/options.ts, whose choices come from the contracts (and so bring
 * zod), because the notification bell needs only this, on every signed-in page
 * (docs/decisions/038-first-load-within-budget.md).
 */
export function roleLabel(t: TranslateFn, role: Role | string): string {
  const known: Record<string, MessageKey> = {
    employee: 'common.roles.employee',
    manager: 'common.roles.manager',
    wellbeing_admin: 'common.roles.wellbeing_admin',
    counsellor: 'common.roles.counsellor',
    agency_admin: 'common.roles.agency_admin',
    platform_admin: 'common.roles.platform_admin',
    clinical_supervisor: 'common.roles.clinical_supervisor',
    dpo: 'common.roles.dpo',
  };
  return known[role] ? t(known[role]) : role;
}
