import { z } from 'zod';
import { PROCESSING_CLASSES } from '../domain/privacy-office/processing-records.js';
import { LEGAL_BASES, RETENTION_CLASSES } from '../domain/privacy-office/retention.js';
import { idSchema, requiredText } from './common.js';

/* The DPO console (docs/decisions/012-separation-of-duties.md; UU PDP art. 53): alerts, the record of processing activities, the
 * breach register and the retention schedule. Nothing here carries a health value. */

export const alertKind = z.enum(['role_requested', 'role_approved', 'denied_reads', 'exports']);

export const alertView = z.object({
  id: z.string(),
  kind: alertKind,
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export const alertQuery = z.object({ status: z.enum(['open', 'acknowledged', 'all']).default('open') });
export const alertList = z.object({ items: z.array(alertView) });

export const processingClass = z.enum(PROCESSING_CLASSES);
export const processingFields = z.object({
  purpose: requiredText(500),
  legalBasis: requiredText(500),
  dataSubjects: requiredText(500),
  recipients: requiredText(500),
  retention: requiredText(500),
  securityMeasures: requiredText(1000),
});
export const processingView = processingFields.extend({ dataClass: processingClass, updatedAt: z.string() });
export const processingList = z.object({ items: z.array(processingView) });
export const processingParams = z.object({ dataClass: processingClass });

const isoInstant = z.iso.datetime({ offset: true, message: 'invalid_datetime' });

export const breachCreateBody = z.object({
  title: requiredText(200),
  dataClasses: z.array(processingClass).min(1, 'required'),
  discoveredAt: isoInstant,
  occurredAt: isoInstant.nullable().default(null),
  howFound: requiredText(1000),
  description: requiredText(2000),
  affectedCount: z.number().int().min(0).max(10_000_000),
  handling: requiredText(2000),
  contact: requiredText(254),
});
export const breachUpdateBody = z.object({
  handling: requiredText(2000).optional(),
  affectedCount: z.number().int().min(0).max(10_000_000).optional(),
  subjectsNotifiedAt: isoInstant.nullable().optional(),
  authorityNotifiedAt: isoInstant.nullable().optional(),
  closed: z.boolean().optional(),
});

export const breachClockView = z.object({
  deadline: z.string(),
  remainingMs: z.number(),
  state: z.enum(['running', 'overdue', 'met', 'late']),
});
export const breachNotice = z.object({ subject: z.string(), body: z.string() });
export const breachView = z.object({
  id: z.string(),
  title: z.string(),
  dataClasses: z.array(processingClass),
  discoveredAt: z.string(),
  occurredAt: z.string().nullable(),
  howFound: z.string(),
  description: z.string(),
  affectedCount: z.number(),
  handling: z.string(),
  contact: z.string(),
  subjectsNotifiedAt: z.string().nullable(),
  authorityNotifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  clock: breachClockView,
});
export const breachDetail = breachView.extend({
  /** Notices filled from the record, in Indonesian and English, for the people and the authority. */
  notices: z.object({
    id: z.object({ subjects: breachNotice, authority: breachNotice }),
    en: z.object({ subjects: breachNotice, authority: breachNotice }),
  }),
});
export const breachList = z.object({ items: z.array(breachView) });
export const breachParams = z.object({ id: idSchema });

export const retentionClass = z.enum(RETENTION_CLASSES);
export const retentionView = z.object({
  dataClass: retentionClass,
  days: z.number(),
  minDays: z.number(),
  maxDays: z.number(),
  isDefault: z.boolean(),
  /** UU PDP Pasal 20 ayat (2): why the class may be kept at all. */
  legalBasis: z.enum(LEGAL_BASES),
});
export const retentionRunView = z.object({
  id: z.string(),
  ranAt: z.string(),
  counts: z.record(z.string(), z.number()),
});
export const retentionList = z.object({
  items: z.array(retentionView),
  auditLogDays: z.number(),
  runs: z.array(retentionRunView),
});
export const retentionParams = z.object({ dataClass: retentionClass });
export const retentionBody = z.object({ days: z.number().int('not_integer') });
