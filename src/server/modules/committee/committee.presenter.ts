import type { MeetingSummary, MeetingView, MemberView, MinutesView } from '../../../contracts/committee.js';
import type { CommitteeRole, MeetingStatus, MinutesStatus } from '../../../domain/committee/committee.js';
import { ROLE_ORDER, isCurrentTerm } from '../../../domain/committee/committee.js';
import { localParts } from '../../../domain/schedule/zoned-time.js';
import type { MeetingRow, MemberRow } from './committee.repository.js';
import { themeLabel, type SurveyThemes } from './survey-themes.js';

/** Rows → views: each answer lists its fields, so a new column never leaks by accident. */

export interface AgendaItem {
  id: string;
  title: string;
  notes: string | null;
  surveyId: string | null;
  themeId: string | null;
}

export interface Minutes {
  items: { agendaItemId: string; decisions: string | null; followUps: string | null }[];
  attendeeIds: string[];
}

export function presentMember(row: MemberRow, today: string): MemberView {
  return {
    id: row.id,
    personId: row.person_id,
    name: row.full_name,
    unitName: row.unit_name,
    role: row.role as CommitteeRole,
    termFrom: row.term_from,
    termTo: row.term_to,
    current: isCurrentTerm({ termFrom: row.term_from, termTo: row.term_to }, today),
  };
}

/** Chairs first, then secretary, members, staff representatives; by name within a role. */
export function byRole(a: MemberView, b: MemberView): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'id');
}

export function presentSummary(
  row: Pick<MeetingRow, 'id' | 'title' | 'starts_at' | 'time_zone' | 'status' | 'minutes_status'>,
): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    timeZone: row.time_zone,
    status: row.status as MeetingStatus,
    minutesStatus: row.minutes_status as MinutesStatus,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function presentMeeting(
  row: MeetingRow,
  o: { insider: boolean; canEdit: boolean; themes: SurveyThemes; names: ReadonlyMap<string, string> },
): MeetingView {
  const agenda = JSON.parse(row.agenda) as AgendaItem[];
  const start = new Date(row.starts_at);
  const local = localParts(start, row.time_zone);
  const showMinutes = row.minutes_status === 'published' || (o.insider && row.minutes_status === 'draft');
  const minutes = showMinutes && row.minutes ? (JSON.parse(row.minutes) as Minutes) : null;
  const minutesView: MinutesView | null = minutes && {
    status: row.minutes_status as MinutesStatus,
    items: minutes.items,
    attendees: minutes.attendeeIds.map((id) => ({ id, name: o.names.get(id) ?? '' })),
    publishedAt: row.minutes_published_at,
  };
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: new Date(start.getTime() + row.duration_minutes * 60_000).toISOString(),
    timeZone: row.time_zone,
    date: local.date,
    startTime: `${pad(Math.floor(local.secondOfDay / 3600))}:${pad(Math.floor(local.secondOfDay / 60) % 60)}`,
    durationMinutes: row.duration_minutes,
    place: row.place,
    link: o.insider ? row.link : null,
    status: row.status as MeetingStatus,
    agenda: agenda.map((a) => ({ ...a, ...themeLabel(o.themes, a.surveyId, a.themeId) })),
    minutes: minutesView,
    canEdit: o.canEdit,
  };
}
