import { z } from 'zod';
import { CONSENT_KINDS, CONSENT_PERIODS, DEFAULT_CONSENT_PERIOD } from '../domain/consent/consent.js';
import { MBC_INSTRUMENTS } from '../domain/instruments/reliable-change.js';
import { idSchema, localeSchema } from './common.js';

/**
 * Counselling consent, the client's access log and the client's record for their counsellor
 * (docs/decisions/042-counselling-consent.md). A consent is the client's: only they grant, list and
 * revoke it; a counsellor sees only the consents given to them.
 */

export { CONSENT_KINDS, CONSENT_PERIODS, DEFAULT_CONSENT_PERIOD, MBC_INSTRUMENTS };

const kind = z.enum(CONSENT_KINDS, { message: 'invalid_option' });
const person = z.object({ id: z.string(), fullName: z.string() });

// --- The client -------------------------------------------------------------------------------

export const grantBody = z.object({
  counsellorId: idSchema,
  kind,
  /** 3, 6 or 12 months; six when left out. */
  months: z
    .number({ message: 'invalid_option' })
    .int('invalid_option')
    .refine((m) => (CONSENT_PERIODS as readonly number[]).includes(m), 'invalid_option')
    .default(DEFAULT_CONSENT_PERIOD),
  /** The counsellor notes may be handed to: required for notes_transfer, refused for the others. */
  recipientId: idSchema.nullable().optional(),
  /** The version of the words the client was shown (`consent.shared_results.v1`). */
  textVersion: z.string().trim().min(1, 'required').max(80),
  /** The language the words were shown in. */
  locale: localeSchema.default('id'),
});
export type GrantBody = z.infer<typeof grantBody>;

export const consentView = z.object({
  id: z.string(),
  kind,
  counsellor: person,
  recipient: person.nullable(),
  textVersion: z.string(),
  months: z.number().int(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type ConsentView = z.infer<typeof consentView>;

export const consentList = z.object({ items: z.array(consentView) });
export type ConsentList = z.infer<typeof consentList>;

/** What the grant form offers: counsellors the client may grant to, and the current text versions. */
export const grantOptions = z.object({
  counsellors: z.array(person),
  /** Counsellors of the agency who may receive notes (notes_transfer). */
  recipients: z.array(person),
  versions: z.record(z.string(), z.string()),
  periods: z.array(z.number().int()),
  defaultMonths: z.number().int(),
});
export type GrantOptions = z.infer<typeof grantOptions>;

export const consentParams = z.object({ id: idSchema });

export const accessLogQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: 'invalid_number' }).int().min(1).max(100).default(20),
});

export const accessEntry = z.object({
  id: z.string(),
  occurredAt: z.string(),
  /** The earliest read grouped into this entry (same reader and record within an hour). */
  firstAt: z.string(),
  count: z.number().int(),
  action: z.string(),
  actor: person.nullable(),
  /** For a read of transferred notes: the counsellor who wrote them (docs/decisions/050-notes-transfer.md). */
  from: person.optional(),
});
export const counsellingAccessLog = z.object({ items: z.array(accessEntry), nextCursor: z.string().nullable() });
export type CounsellingAccessLog = z.infer<typeof counsellingAccessLog>;

// --- The counsellor --------------------------------------------------------------------------------

export const counsellorConsentList = z.object({
  items: z.array(z.object({ client: person, kind, expiresAt: z.string(), recipient: person.nullable() })),
});
export type CounsellorConsentList = z.infer<typeof counsellorConsentList>;

export const clientParams = z.object({ clientId: idSchema });

const change = z.enum(['improved', 'deteriorated', 'no_reliable_change']);

export const measureSeries = z.object({
  instrument: z.enum(MBC_INSTRUMENTS),
  min: z.number().int(),
  max: z.number().int(),
  cutOff: z.number().int(),
  reliableChangePoints: z.number().int(),
  points: z.array(
    z.object({
      at: z.string(),
      total: z.number().int(),
      band: z.string().nullable(),
      /** Change from the previous point (null for the first). */
      step: z.object({ delta: z.number().int(), change }).nullable(),
    }),
  ),
  /** First against latest (null with fewer than two points). */
  overall: z.object({ delta: z.number().int(), change, recovered: z.boolean() }).nullable(),
});
export type MeasureSeries = z.infer<typeof measureSeries>;

export const clientTimeline = z.object({
  client: z.object({ id: z.string(), fullName: z.string(), unitName: z.string().nullable() }),
  consents: z.array(z.object({ kind, expiresAt: z.string() })),
  appointments: z.array(
    z.object({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      mode: z.string(),
      status: z.string(),
    }),
  ),
  shared: z.array(
    z.object({
      shareId: z.string(),
      instrumentId: z.string(),
      total: z.number().int().nullable(),
      band: z.string().nullable(),
      takenAt: z.string(),
      sharedAt: z.string(),
    }),
  ),
  /** PHQ-9 and GAD-7 over time: null without an active shared_results consent. */
  measures: z.array(measureSeries).nullable(),
  /** Weekly check-in averages, oldest first: null without an active check_in_trends consent. */
  checkInWeeks: z
    .array(
      z.object({
        weekStart: z.string(),
        count: z.number().int(),
        moodAverage: z.number().nullable(),
        energyAverage: z.number().nullable(),
      }),
    )
    .nullable(),
});
export type ClientTimeline = z.infer<typeof clientTimeline>;
