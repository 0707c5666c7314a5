import type { FocusGroupView } from '../../../contracts/focus-groups.js';
import type { FocusGroupStatus, InvitationAnswer } from '../../../domain/committee/committee.js';
import { themeLabel, type SurveyThemes } from '../committee/index.js';
import type { FocusGroupRow } from './focus-groups.repository.js';

/**
 * A focus group as one person sees it. The link is for those who accepted, the facilitator and the
 * admin; the summary for them while a draft, for all staff once published.
 */
export function presentGroup(
  row: FocusGroupRow,
  o: {
    facilitatorName: string;
    myAnswer: InvitationAnswer | null;
    insider: boolean;
    amFacilitator: boolean;
    themes: SurveyThemes;
  },
): FocusGroupView {
  const showSummary = row.summary_published_at !== null || o.insider;
  return {
    id: row.id,
    topic: row.topic,
    ...themeLabel(o.themes, row.survey_id, row.theme_id),
    startsAt: row.starts_at,
    endsAt: new Date(Date.parse(row.starts_at) + row.duration_minutes * 60_000).toISOString(),
    timeZone: row.time_zone,
    durationMinutes: row.duration_minutes,
    place: row.place,
    link: o.insider || o.myAnswer === 'accepted' ? row.link : null,
    capacity: row.capacity,
    facilitatorName: o.facilitatorName,
    status: row.status as FocusGroupStatus,
    myAnswer: o.myAnswer,
    full: row.accepted_count >= row.capacity,
    amFacilitator: o.amFacilitator,
    summary: showSummary ? row.summary : null,
    summaryPublishedAt: row.summary_published_at,
  };
}
