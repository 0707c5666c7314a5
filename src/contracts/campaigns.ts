import { z } from 'zod';
import { idSchema, optionalText, requiredText } from './common.js';
import { instrumentIdSchema } from './instruments.js';

/**
 * Screening campaigns: a wellbeing admin invites units to take chosen
 * instruments in a window. Statistics are aggregates under docs/privacy.md A1–A8 only: there is no
 * field anywhere in this contract that could carry a person next to a result.
 */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;

export const campaignBody = z
  .object({
    title: requiredText(200),
    message: optionalText(2000),
    instrumentIds: z.array(instrumentIdSchema).min(1).max(3),
    /** Each unit includes its sub-units. */
    unitIds: z.array(idSchema).min(1).max(200),
    /** ISO dates (YYYY-MM-DD), read in each unit's time zone: opens at the start of the day, closes at its end. */
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    /** 0 = no reminders; otherwise every N days while open, within working hours only. */
    reminderEveryDays: z.union([z.literal(0), z.literal(2), z.literal(3), z.literal(7)]).default(3),
  })
  .refine((c) => c.closesOn >= c.opensOn, { message: 'campaign.closes_before_opens', path: ['closesOn'] });
export type CampaignBody = z.infer<typeof campaignBody>;

export const campaignParams = z.object({ id: idSchema });

export const campaignView = z.object({
  id: z.string(),
  title: z.string(),
  message: z.string().nullable(),
  instrumentIds: z.array(instrumentIdSchema),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  opensOn: z.string(),
  closesOn: z.string(),
  reminderEveryDays: z.number().int(),
  status: z.enum(CAMPAIGN_STATUSES),
  /** Frozen at launch (A9); null for drafts (the agency's current threshold applies at launch). */
  anonymityThreshold: z.number().int().nullable(),
  /** Membership is organisational data, not health data: shown in full. */
  invited: z.number().int(),
  createdAt: z.string(),
  launchedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type CampaignView = z.infer<typeof campaignView>;
export const campaignList = z.object({ items: z.array(campaignView) });

/** A count that may be withheld; `null` means "fewer than k, or withheld so that another small group stays hidden". */
const maybeCount = z.number().int().nullable();

export const campaignUnitStats = z.object({
  unitId: z.string(),
  unitName: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  invited: z.number().int(),
  /** People who completed at least one of the campaign's instruments. */
  participated: maybeCount,
  /** participated ÷ invited, in percent, or null when participated is withheld. */
  participationRate: z.number().nullable(),
  instruments: z.array(
    z.object({
      instrumentId: instrumentIdSchema,
      respondents: maybeCount,
      bands: z.array(z.object({ band: z.string(), count: maybeCount })),
    }),
  ),
  /** Why figures are missing: below the threshold, or hidden to protect another group (complementary). */
  suppression: z.enum(['none', 'below_threshold', 'complementary']),
});

/**
 * The previous campaign's published figures for the same viewer, per unit of this campaign: a
 * cell withheld in either campaign is null here (decision 024), so no comparison reveals more
 * than each publication showed on its own.
 */
export const previousCampaignStats = z.object({
  campaignId: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  closedAt: z.string().nullable(),
  responses: maybeCount,
  units: z.array(
    z.object({
      unitId: z.string(),
      participated: maybeCount,
      participationRate: z.number().nullable(),
      instruments: z.array(
        z.object({
          instrumentId: instrumentIdSchema,
          respondents: maybeCount,
          bands: z.array(z.object({ band: z.string(), count: maybeCount })),
        }),
      ),
    }),
  ),
});

export const campaignStats = z.object({
  campaignId: z.string(),
  threshold: z.number().int(),
  /** When these figures were published; they change only after k new responses or at close (A7). */
  publishedAt: z.string(),
  responses: maybeCount,
  units: z.array(campaignUnitStats),
  /** The campaign's status when read: an open campaign republishes after k new responses, a closed one no more. */
  status: z.enum(['open', 'closed']),
  /** The agency's latest campaign closed before this one, sharing an instrument; null when there is none. */
  previous: previousCampaignStats.nullable(),
});

/** The report's downloads: a spreadsheet or a printable document of exactly the cells the page shows. */
export const campaignExportQuery = z.object({ format: z.enum(['xlsx', 'pdf']) });
export type CampaignExportFormat = z.infer<typeof campaignExportQuery>['format'];
export type CampaignStats = z.infer<typeof campaignStats>;

/** An employee's view of a campaign they are invited to. */
export const myCampaign = z.object({
  id: z.string(),
  title: z.string(),
  message: z.string().nullable(),
  closesOn: z.string(),
  instruments: z.array(z.object({ instrumentId: instrumentIdSchema, completed: z.boolean() })),
});
export const myCampaignList = z.object({ items: z.array(myCampaign) });
