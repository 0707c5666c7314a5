import { z } from 'zod';
import { ASSIGNABLE_ROLES, ROLES } from '../domain/access/roles.js';
import {
  checkNip,
  idSchema,
  nipInput,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  timeZoneSchema,
} from './common.js';
import { unitCodeSchema } from './setup.js';
import { roleGrantView } from './auth.js';
import { roleRequestView } from './role-requests.js';

/* ---------------------------------------------------------------- units */

export const unitView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  code: z.string(),
  timeZone: z.string(),
  isActive: z.boolean(),
  /** Active people whose unit is exactly this one (not its sub-units). */
  peopleCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnitView = z.infer<typeof unitView>;

export const unitList = z.object({ items: z.array(unitView) });

export const unitCreateBody = z.object({
  name: requiredText(200),
  code: unitCodeSchema,
  parentId: idSchema,
  timeZone: timeZoneSchema,
});

/** Any subset; moving a unit is a change of parentId. The top unit cannot be moved or deactivated. */
export const unitUpdateBody = z
  .object({
    name: requiredText(200),
    code: unitCodeSchema,
    parentId: idSchema,
    timeZone: timeZoneSchema,
    isActive: z.boolean(),
  })
  .partial();

/* --------------------------------------------------------------- people */

export const EMPLOYMENT_TYPE_VALUES = ['pns', 'pppk', 'non_asn'] as const;

export const personListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: idSchema.optional(),
  /** With unitId: include everyone in the unit's sub-units too (default). */
  includeSubunits: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  role: z.enum(ROLES).optional(),
  employmentType: z.enum(EMPLOYMENT_TYPE_VALUES).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  nip: z.string().nullable(),
  email: z.string().nullable(),
  position: z.string().nullable(),
  employmentType: z.enum(EMPLOYMENT_TYPE_VALUES),
  unitId: z.string(),
  unitName: z.string(),
  isActive: z.boolean(),
  roles: z.array(z.enum(ROLES)),
  /** Has chosen a password (accepted an invitation). */
  hasSignedUp: z.boolean(),
  invitationPending: z.boolean(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const personPage = z.object({
  items: z.array(personSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const personDetail = personSummary.extend({
  phone: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  locale: z.enum(['id', 'en']),
  grants: z.array(roleGrantView),
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type PersonDetail = z.infer<typeof personDetail>;

const personFields = z.object({
  fullName: requiredText(200),
  employmentType: z.enum(EMPLOYMENT_TYPE_VALUES),
  nip: nipInput.nullable().optional(),
  email: optionalEmail,
  phone: optionalPhone,
  position: optionalText(200),
  unitId: idSchema,
  managerId: idSchema.nullable().optional(),
});

export const personCreateBody = personFields.superRefine(checkNip);
export type PersonCreateInput = z.infer<typeof personCreateBody>;

/** A partial update; when employmentType or nip changes, both are checked together by the service. */
export const personUpdateBody = personFields.partial().superRefine(checkNip);
export type PersonUpdateInput = z.infer<typeof personUpdateBody>;

/* ---------------------------------------------------------------- roles */

export const roleGrantBody = z.object({
  role: z.enum(ASSIGNABLE_ROLES as [string, ...string[]]),
  /** For manager, wellbeing admin and counsellor: limit to this unit's subtree (null = whole agency). */
  unitId: idSchema.nullable().default(null),
});

export const grantParams = z.object({ id: idSchema, grantId: idSchema });

/** Approved grants (items) and, for roles that need a second person, the requests still waiting. */
export const grantList = z.object({ items: z.array(roleGrantView), pending: z.array(roleRequestView) });
