import { AGENCY_KINDS } from '../../contracts/setup.js';
import { EMPLOYMENT_TYPE_VALUES } from '../../contracts/org.js';
import { INDONESIAN_TIME_ZONES } from '../../domain/org/unit-tree.js';
import type { SelectOption } from '../components/fields.js';
import type { MessageKey, TranslateFn } from '../i18n.js';

/** Labels for the fixed choices, shared by forms and lists. */
export const TIME_ZONE_LABELS: Record<string, MessageKey> = {
  'Asia/Jakarta': 'common.time_zones.jakarta',
  'Asia/Makassar': 'common.time_zones.makassar',
  'Asia/Jayapura': 'common.time_zones.jayapura',
};

export function timeZoneOptions(t: TranslateFn): SelectOption[] {
  return INDONESIAN_TIME_ZONES.map((z) => ({ value: z, label: t(TIME_ZONE_LABELS[z] as MessageKey) }));
}

export function agencyKindOptions(t: TranslateFn): SelectOption[] {
  return AGENCY_KINDS.map((k) => ({ value: k, label: t(`common.agency_kinds.${k}`) }));
}

export function employmentOptions(t: TranslateFn): SelectOption[] {
  return EMPLOYMENT_TYPE_VALUES.map((e) => ({ value: e, label: t(`common.employment.${e}`) }));
}

export { roleLabel } from './role-label.js';

export function timeZoneLabel(t: TranslateFn, zone: string): string {
  const key = TIME_ZONE_LABELS[zone];
  return key ? t(key) : zone;
}
