import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { roleLabel } from '../../lib/role-label.js';
import { useFormat } from '../../lib/use-format.js';
import { useT, type TranslateFn } from '../../i18n.js';
import { notificationsQuery, type NotificationView } from '../../api/notifications.api.js';

const meetingPath = (n: NotificationView) => `/committee/meetings/${String(n.payload.id ?? '')}`;
const focusGroupPath = (n: NotificationView) => `/focus-groups/${String(n.payload.id ?? '')}`;

/**
 * The words and the page of a notification, from its kind; the payload holds ids and titles only.
 * `day` writes a calendar day of the payload as the viewer's language does.
 */
export function describeNotification(
  t: TranslateFn,
  n: NotificationView,
  day: (value: string) => string = (value) => value,
): { text: string; to: string } {
  const title = typeof n.payload.title === 'string' ? n.payload.title : '';
  const date = typeof n.payload.date === 'string' ? day(n.payload.date) : '';
  switch (n.kind) {
    case 'campaign.invited':
      return { text: t('notifications.kinds.campaign_invited', { title }), to: '/self-check' };
    case 'campaign.reminder':
      return { text: t('notifications.kinds.campaign_reminder', { title }), to: '/self-check' };
    // Climate surveys: straight to the form (docs/surveys.md).
    case 'survey.invited':
    case 'survey.reminder': {
      const to = typeof n.payload.surveyId === 'string' ? `/surveys/mine/${n.payload.surveyId}` : '/surveys/mine';
      const what = n.kind === 'survey.invited' ? 'survey_invited' : 'survey_reminder';
      return { text: t(`notifications.kinds.${what}`, { title }), to };
    }
    // Survey results published to staff (docs/decisions/051-survey-publication-and-actions.md).
    case 'survey.published': {
      const to = typeof n.payload.surveyId === 'string' ? `/surveys/published/${n.payload.surveyId}` : '/surveys/mine';
      return { text: t('notifications.kinds.survey_published', { title }), to };
    }
    case 'crisis.request':
      return { text: t('notifications.kinds.crisis_request'), to: '/counselling/urgent' };
    // Account recovery (docs/decisions/011-account-recovery.md): the person hears of every change to how their account is reached.
    case 'auth.password_changed':
      return { text: t('notifications.kinds.password_changed'), to: '/profile' };
    case 'auth.invitation_accepted':
      return { text: t('notifications.kinds.invitation_accepted'), to: '/profile' };
    case 'auth.email_changed':
      return { text: t('notifications.kinds.email_changed'), to: '/profile' };
    // Separation of duties (docs/decisions/012-separation-of-duties.md): a grant waiting for a second person, and its approval (to the grantee and the DPO).
    case 'role.requested':
    case 'role.approved': {
      const role = roleLabel(t, String(n.payload.role ?? ''));
      const name = typeof n.payload.personName === 'string' ? n.payload.personName : null;
      const what = n.kind === 'role.requested' ? 'role_requested' : 'role_approved';
      return name
        ? { text: t(`notifications.kinds.${what}`, { role, name }), to: '/dpo' }
        : { text: t(`notifications.kinds.${what}_self`, { role }), to: '/profile/privacy/clinical-access' };
    }
    // A self-care reminder names no habit (docs/decisions/035-self-care-and-plan.md).
    case 'habit.reminder':
      return { text: t('notifications.kinds.habit_reminder'), to: '/self-care' };
    // Booking (docs/decisions/040-booking.md): a reminder the person chose, or a cancellation by the counsellor.
    case 'booking.reminder':
      return { text: t('notifications.kinds.booking_reminder'), to: '/counselling/mine' };
    case 'booking.cancelled':
      return { text: t('notifications.kinds.booking_cancelled'), to: '/counselling/mine' };
    // Break-glass (docs/decisions/041-session-notes.md): to the DPO, naming the supervisor only.
    case 'note.break_glass':
      return {
        text: t('notifications.kinds.note_break_glass', { name: String(n.payload.supervisorName ?? '') }),
        to: '/dpo',
      };
    // The counsellor's workspace (docs/decisions/043-counsellor-workspace.md): a first session from a
    // request for help, to the person; a client's change, to the counsellor. No reason, no name.
    case 'booking.scheduled':
      return { text: t('notifications.kinds.booking_scheduled'), to: '/counselling/mine' };
    case 'booking.client_cancelled':
      return { text: t('notifications.kinds.booking_client_cancelled'), to: '/counselling/appointments' };
    case 'booking.client_moved':
      return { text: t('notifications.kinds.booking_client_moved'), to: '/counselling/appointments' };
    // Peer groups and return to work (docs/decisions/045-peer-groups-and-return-to-work.md): the
    // group's topic and a date to its members; to the client, that a plan changed or a check-in is
    // near; to the manager, whose schedule is shared or withdrawn. Never a reason or a clinical word.
    case 'peer_group.session_cancelled':
      return {
        text: t('notifications.kinds.peer_group_session_cancelled', { title, date }),
        to: `/groups/${String(n.payload.groupId ?? '')}`,
      };
    case 'peer_group.moved':
      return {
        text: t('notifications.kinds.peer_group_moved', { title }),
        to: `/groups/${String(n.payload.groupId ?? '')}`,
      };
    case 'peer_group.closed':
      return { text: t('notifications.kinds.peer_group_closed', { title }), to: '/groups' };
    // The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md).
    case 'committee.meeting_scheduled':
      return { text: t('notifications.kinds.committee_meeting_scheduled', { title }), to: meetingPath(n) };
    case 'committee.meeting_changed':
      return { text: t('notifications.kinds.committee_meeting_changed', { title }), to: meetingPath(n) };
    case 'committee.meeting_cancelled':
      return { text: t('notifications.kinds.committee_meeting_cancelled', { title }), to: meetingPath(n) };
    case 'focus_group.invited':
      return { text: t('notifications.kinds.focus_group_invited', { title }), to: focusGroupPath(n) };
    case 'focus_group.reminder':
      return { text: t('notifications.kinds.focus_group_reminder', { title }), to: focusGroupPath(n) };
    case 'focus_group.cancelled':
      return { text: t('notifications.kinds.focus_group_cancelled', { title }), to: focusGroupPath(n) };
    case 'return_plan.proposed':
      return { text: t('notifications.kinds.return_plan_proposed'), to: '/return-to-work' };
    case 'return_plan.changed':
      return { text: t('notifications.kinds.return_plan_changed'), to: '/return-to-work' };
    case 'return_plan.checkin_due':
      return { text: t('notifications.kinds.return_plan_checkin_due', { date }), to: '/return-to-work' };
    case 'return_plan.schedule_shared':
    case 'return_plan.schedule_withdrawn': {
      const name = String(n.payload.personName ?? '');
      const what = n.kind === 'return_plan.schedule_shared' ? 'return_schedule_shared' : 'return_schedule_withdrawn';
      return { text: t(`notifications.kinds.${what}`, { name }), to: '/team/return-to-work' };
    }
    default:
      return { text: t('notifications.kinds.other'), to: '/notifications' };
  }
}

/** The bell in the header: how many notifications are unread, and the way to them. */
export function NotificationBell() {
  const { t } = useT();
  const fmt = useFormat();
  const notifications = useQuery(notificationsQuery);
  const unread = notifications.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bell_unread', { count: unread }) : t('notifications.bell');
  return (
    <NavLink to="/notifications" className="bell" aria-label={label}>
      <span className="bell__icon" aria-hidden="true" />
      {unread > 0 && (
        <span className="bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : fmt.number(unread)}
        </span>
      )}
    </NavLink>
  );
}
