import type { GroupView, MemberView, SessionView } from '../../../contracts/peer-groups.js';
import type { GroupMode, GroupSchedule, GroupStatus, Session } from '../../../domain/peer-groups/groups.js';
import type { GroupRow } from './peer-groups.repository.js';

/** Rows → views: each answer lists its fields, so a new column never leaks by accident. */

export function scheduleOf(row: GroupRow): GroupSchedule {
  return row.schedule_kind === 'weekly'
    ? {
        kind: 'weekly',
        weekday: row.weekday ?? 1,
        startTime: row.start_time,
        durationMinutes: row.duration_minutes,
      }
    : {
        kind: 'dates',
        dates: JSON.parse(row.dates) as string[],
        startTime: row.start_time,
        durationMinutes: row.duration_minutes,
      };
}

const presentSession = (s: Session): SessionView => ({
  date: s.date,
  start: s.start.toISOString(),
  end: s.end.toISOString(),
  cancelled: s.cancelled,
});

/**
 * A group as an employee (or its facilitator) sees it. The link is there for members and the
 * facilitator only (`insider`); the members themselves never are — only their count.
 */
export function presentGroup(
  row: GroupRow,
  o: { facilitatorName: string; myDisplayName: string | null; insider: boolean; sessions: Session[] },
): GroupView {
  return {
    id: row.id,
    topic: row.topic,
    description: row.description,
    facilitatorName: o.facilitatorName,
    schedule: scheduleOf(row),
    timeZone: row.time_zone,
    mode: row.mode as GroupMode,
    place: row.place,
    link: o.insider ? row.link : null,
    capacity: row.capacity,
    memberCount: row.member_count,
    full: row.member_count >= row.capacity,
    status: row.status as GroupStatus,
    groundRules: row.ground_rules,
    myDisplayName: o.myDisplayName,
    sessions: o.sessions.map(presentSession),
  };
}

export function presentMember(m: { id: string; display_name: string; joined_at: string }): MemberView {
  return { id: m.id, displayName: m.display_name, joinedAt: m.joined_at };
}
