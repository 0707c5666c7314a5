import { instantOfLocal, type LocalDate } from '../schedule/zoned-time.js';

/**
 * The wellbeing committee (Tim Kesejahteraan Pegawai) and focus groups
 * (docs/decisions/053-committee-and-focus-groups.md): pure rules. No health data lives here:
 * a committee member, a meeting, its minutes, a focus-group invitation and its answer.
 */

export const COMMITTEE_ROLES = ['ketua', 'sekretaris', 'anggota', 'perwakilan_pegawai'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** Chairs first, then the secretary, members and staff representatives: the order staff read them in. */
export const ROLE_ORDER: Record<CommitteeRole, number> = { ketua: 0, sekretaris: 1, anggota: 2, perwakilan_pegawai: 3 };

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MINUTES_STATUSES = ['none', 'draft', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const FOCUS_GROUP_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type FocusGroupStatus = (typeof FOCUS_GROUP_STATUSES)[number];

export const INVITATION_ANSWERS = ['pending', 'accepted', 'declined'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

export const MAX_AGENDA_ITEMS = 20;
export const MIN_FOCUS_CAPACITY = 3;
export const MAX_FOCUS_CAPACITY = 30;
/** A sample smaller than this would let the admin guess who said what in the summary. */
export const MIN_SAMPLE = 3;
export const MAX_SAMPLE = 60;

export interface Term {
  termFrom: LocalDate;
  termTo: LocalDate;
}

/** Whether a term covers `today` (both ends included). */
export function isCurrentTerm(term: Term, today: LocalDate): boolean {
  return term.termFrom <= today && today <= term.termTo;
}

/** Two terms of one person overlap: they may not hold two seats at once. */
export function termsOverlap(a: Term, b: Term): boolean {
  return a.termFrom <= b.termTo && b.termFrom <= a.termTo;
}

const minuteOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The instant a meeting or focus group starts: its local date and time in the agency's time zone. */
export function startInstant(date: LocalDate, startTime: string, timeZone: string): Date {
  return instantOfLocal(date, minuteOf(startTime), timeZone);
}

/**
 * A uniform random sample of `size` items (partial Fisher–Yates), so the people a focus group
 * invites from a unit are chosen by chance and nobody is singled out. `random` returns [0, 1);
 * tests pass a seeded one. Refuses a size above the pool: the caller answers 422 first.
 */
export function sampleOf<T>(pool: readonly T[], size: number, random: () => number = Math.random): T[] {
  if (size > pool.length) throw new RangeError('sample larger than pool');
  const items = [...pool];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items.slice(0, size);
}
