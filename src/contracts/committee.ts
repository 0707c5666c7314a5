import { z } from 'zod';
import {
  COMMITTEE_ROLES,
  MAX_AGENDA_ITEMS,
  MEETING_STATUSES,
  MINUTES_STATUSES,
} from '../domain/committee/committee.js';
import { idSchema, optionalText, requiredText } from './common.js';

/**
 * The wellbeing committee: members, meetings, agendas and minutes
 * (docs/decisions/053-committee-and-focus-groups.md). Minutes keep decisions and follow-ups of the
 * committee, never anyone's health: the editor says so and publishing asks the writer to confirm it.
 */

export { COMMITTEE_ROLES, MEETING_STATUSES, MINUTES_STATUSES };

export const localDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid_format');
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');
const duration = z.number().int().min(15).max(480);
const httpsLink = z
  .url({ protocol: /^https$/, message: 'committee.link_https' })
  .max(500)
  .nullish()
  .transform((v) => v ?? null);

/** Where a meeting is: a place, an online link, or both; at least one (shared with focus groups). */
export const whereSchema = { place: optionalText(160), link: httpsLink };
export function requirePlaceOrLink(v: { place?: string | null; link: string | null }, ctx: z.RefinementCtx): void {
  if (!v.place && !v.link) ctx.addIssue({ code: 'custom', path: ['place'], message: 'committee.place_or_link' });
}

export const memberBody = z
  .object({
    role: z.enum(COMMITTEE_ROLES, { message: 'invalid_option' }),
    termFrom: localDay,
    termTo: localDay,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.termTo < m.termFrom) ctx.addIssue({ code: 'custom', path: ['termTo'], message: 'committee.term_order' });
  });
export type MemberBody = z.infer<typeof memberBody>;

export const newMemberBody = z.intersection(z.object({ personId: idSchema }), memberBody);
export type NewMemberBody = z.infer<typeof newMemberBody>;

export const agendaItemInput = z
  .object({
    title: requiredText(160),
    notes: optionalText(1000),
    surveyId: idSchema.nullish().transform((v) => v ?? null),
    themeId: z
      .string()
      .max(80)
      .nullish()
      .transform((v) => v || null),
  })
  .strict();

export const meetingBody = z
  .object({
    title: z.string().trim().min(3, 'required').max(120),
    date: localDay,
    startTime: localTime,
    durationMinutes: duration,
    ...whereSchema,
    agenda: z.array(agendaItemInput).min(1, 'committee.agenda_required').max(MAX_AGENDA_ITEMS),
  })
  .strict()
  .superRefine(requirePlaceOrLink);
export type MeetingBody = z.infer<typeof meetingBody>;

/** A change of a meeting: the same fields and, to call it off, the status. */
export const meetingUpdateBody = z.intersection(
  meetingBody,
  z.object({ status: z.enum(['scheduled', 'cancelled'], { message: 'invalid_option' }) }),
);
export type MeetingUpdateBody = z.infer<typeof meetingUpdateBody>;

export const minutesBody = z
  .object({
    items: z
      .array(
        z
          .object({
            agendaItemId: z.string().min(1).max(40),
            decisions: optionalText(3000),
            followUps: optionalText(3000),
          })
          .strict(),
      )
      .max(MAX_AGENDA_ITEMS),
    attendeeIds: z.array(idSchema).max(100),
  })
  .strict();
export type MinutesBody = z.infer<typeof minutesBody>;

/** Publishing asks the writer to confirm the minutes name nobody's health (docs/decisions/053-…). */
export const publishBody = z.object({ reviewed: z.literal(true, { message: 'committee.review_required' }) }).strict();
export type PublishBody = z.infer<typeof publishBody>;

export const peopleQuery = z.object({ q: z.string().trim().min(2, 'committee.search_short').max(60) }).strict();

// --- Views ---------------------------------------------------------------------------------------

export const personOption = z.object({ id: z.string(), name: z.string(), unitName: z.string() });
export type PersonOption = z.infer<typeof personOption>;
export const personOptions = z.object({ items: z.array(personOption) });

export const memberView = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  unitName: z.string(),
  role: z.enum(COMMITTEE_ROLES),
  termFrom: z.string(),
  termTo: z.string(),
  current: z.boolean(),
});
export type MemberView = z.infer<typeof memberView>;

export const agendaItemView = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  surveyId: z.string().nullable(),
  themeId: z.string().nullable(),
  /** The survey's title and the theme's name, when linked and still there. */
  surveyTitle: z.string().nullable(),
  themeName: z.string().nullable(),
});
export type AgendaItemView = z.infer<typeof agendaItemView>;

export const minutesView = z.object({
  status: z.enum(MINUTES_STATUSES),
  items: z.array(
    z.object({ agendaItemId: z.string(), decisions: z.string().nullable(), followUps: z.string().nullable() }),
  ),
  attendees: z.array(z.object({ id: z.string(), name: z.string() })),
  publishedAt: z.string().nullable(),
});
export type MinutesView = z.infer<typeof minutesView>;

export const meetingView = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  date: z.string(),
  startTime: z.string(),
  durationMinutes: z.number(),
  place: z.string().nullable(),
  /** For members and the admin only; null for other staff. */
  link: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  agenda: z.array(agendaItemView),
  /** Drafts for members and the admin; other staff see published minutes only. */
  minutes: minutesView.nullable(),
  /** Whether I may edit (the admin). */
  canEdit: z.boolean(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const meetingSummary = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
  status: z.enum(MEETING_STATUSES),
  minutesStatus: z.enum(MINUTES_STATUSES),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

/** What every employee of the agency sees: who is on the committee now, and published minutes. */
export const committeeView = z.object({
  members: z.array(memberView),
  /** Upcoming meetings and draft minutes when I am a member; published minutes for everyone. */
  meetings: z.array(meetingSummary),
  amMember: z.boolean(),
});
export type CommitteeView = z.infer<typeof committeeView>;

export const manageView = z.object({ members: z.array(memberView), meetings: z.array(meetingSummary) });
export type ManageView = z.infer<typeof manageView>;

export const surveyThemeOptions = z.object({
  items: z.array(
    z.object({ id: z.string(), title: z.string(), themes: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
});
export type SurveyThemeOptions = z.infer<typeof surveyThemeOptions>;
