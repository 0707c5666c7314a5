import { z } from 'zod';
import { GROUP_MODES, GROUP_STATUSES, MAX_CAPACITY, MAX_DATES, MIN_CAPACITY } from '../domain/peer-groups/groups.js';
import { idSchema, optionalText } from './common.js';

/**
 * Peer support groups (docs/decisions/045-peer-groups-and-return-to-work.md). Members are known to
 * the facilitator by the display name they chose, and to nobody else; other members see a count.
 * A group keeps no health data: no scores, no notes, no health fields.
 */

export { GROUP_MODES, GROUP_STATUSES, MIN_CAPACITY, MAX_CAPACITY };

export const MAX_TOPIC = 80;
export const MAX_DESCRIPTION = 600;
export const MAX_GROUND_RULES = 3000;
export const MAX_DISPLAY_NAME = 40;

const localDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid_format');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');
const duration = z.number().int().min(15).max(240);

export const scheduleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('weekly'),
      weekday: z.number().int().min(1).max(7),
      startTime: localTime,
      durationMinutes: duration,
    })
    .strict(),
  z
    .object({
      kind: z.literal('dates'),
      dates: z.array(localDay).min(1, 'peer_groups.dates_required').max(MAX_DATES),
      startTime: localTime,
      durationMinutes: duration,
    })
    .strict(),
]);
export type ScheduleInput = z.infer<typeof scheduleSchema>;

export const groupBody = z
  .object({
    topic: z.string().trim().min(3, 'required').max(MAX_TOPIC),
    description: z.string().trim().min(1, 'required').max(MAX_DESCRIPTION),
    schedule: scheduleSchema,
    mode: z.enum(GROUP_MODES, { message: 'invalid_option' }),
    place: optionalText(160),
    link: z
      .url({ protocol: /^https$/, message: 'peer_groups.link_https' })
      .max(500)
      .nullish()
      .transform((v) => v ?? null),
    capacity: z.number().int().min(MIN_CAPACITY).max(MAX_CAPACITY),
    groundRules: z.string().trim().min(1, 'peer_groups.ground_rules_required').max(MAX_GROUND_RULES),
    status: z.enum(GROUP_STATUSES, { message: 'invalid_option' }),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.mode === 'in_person' && !g.place)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'peer_groups.place_required' });
    if (g.mode === 'online' && !g.link)
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'peer_groups.link_required' });
  });
export type GroupBody = z.infer<typeof groupBody>;

/** A new group under an id the facilitator's page made, so a retried create is stored once. */
export const newGroupBody = z.intersection(z.object({ id: idSchema }), groupBody);
export type NewGroupBody = z.infer<typeof newGroupBody>;

export const joinBody = z
  .object({ displayName: z.string().trim().min(2, 'peer_groups.display_name_short').max(MAX_DISPLAY_NAME) })
  .strict();
export type JoinBody = z.infer<typeof joinBody>;

export const cancelSessionBody = z.object({ date: localDay }).strict();
export type CancelSessionBody = z.infer<typeof cancelSessionBody>;

export const sessionView = z.object({ date: z.string(), start: z.string(), end: z.string(), cancelled: z.boolean() });
export type SessionView = z.infer<typeof sessionView>;

const scheduleView = z.union([
  z.object({ kind: z.literal('weekly'), weekday: z.number(), startTime: z.string(), durationMinutes: z.number() }),
  z.object({
    kind: z.literal('dates'),
    dates: z.array(z.string()),
    startTime: z.string(),
    durationMinutes: z.number(),
  }),
]);

/** What an employee of the agency sees of a group: a count of members, never who they are. */
export const groupView = z.object({
  id: z.string(),
  topic: z.string(),
  description: z.string(),
  facilitatorName: z.string(),
  schedule: scheduleView,
  timeZone: z.string(),
  mode: z.enum(GROUP_MODES),
  place: z.string().nullable(),
  /** Only for members and the facilitator; null for everyone else. */
  link: z.string().nullable(),
  capacity: z.number(),
  memberCount: z.number(),
  full: z.boolean(),
  status: z.enum(GROUP_STATUSES),
  groundRules: z.string(),
  /** The display name I joined under, or null when I am not a member. */
  myDisplayName: z.string().nullable(),
  sessions: z.array(sessionView),
});
export type GroupView = z.infer<typeof groupView>;

export const groupList = z.object({ items: z.array(groupView) });
export type GroupList = z.infer<typeof groupList>;

export const memberView = z.object({ id: z.string(), displayName: z.string(), joinedAt: z.string() });
export type MemberView = z.infer<typeof memberView>;

/** The facilitator's view of a group they run: its members by display name only. */
export const facilitatedGroupView = groupView.extend({ members: z.array(memberView) });
export type FacilitatedGroupView = z.infer<typeof facilitatedGroupView>;

export const facilitatedGroupList = z.object({ items: z.array(groupView) });
export type FacilitatedGroupList = z.infer<typeof facilitatedGroupList>;
