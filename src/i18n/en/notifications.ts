import type { notifications as indonesian } from '../id/notifications.js';
import type { Translation } from '../shape.js';

/** UI text: in-app notifications (the bell in the header and the notifications page). */
export const notifications: Translation<typeof indonesian> = {
  bell: 'Notifications',
  bell_unread: 'Notifications, {{count}} unread',
  title: 'Notifications',
  lead: 'Notices for you, newest first.',
  empty: 'No notifications yet.',
  new: 'New',
  open: 'Open',
  read_all: 'Mark all as read',
  // Work-hour boundaries (docs/boundaries.md): routine messages outside your hours are held.
  held_until: 'Held until {{when}}',
  held_hint: 'This routine message will show as new during your working hours.',
  kinds: {
    survey_invited: 'An anonymous climate survey is waiting for your answers: {{title}}',
    survey_reminder: 'The climate survey is still open: {{title}}',
    survey_published: 'Survey results and the follow-up plan are out: {{title}}',
    campaign_invited: 'Your agency invites you to a self-check: {{title}}',
    campaign_reminder: 'Reminder: the self-check "{{title}}" is still open',
    crisis_request: 'An urgent request for help is waiting',
    // Account recovery (docs/decisions/011-account-recovery.md).
    password_changed:
      'Your password was changed and every other session signed out. Not you? Contact your agency’s data-protection officer.',
    invitation_accepted: 'Your account was activated with a new password; any other session was signed out.',
    email_changed:
      'An admin changed your account’s email address. Password resets are held for 24 hours; a notice went to the old address.',
    other: 'There is a new notice',
    // Separation of duties (docs/decisions/012-separation-of-duties.md).
    role_requested: 'The {{role}} role was requested for {{name}} and awaits approval',
    role_approved: 'The {{role}} role for {{name}} was approved',
    role_requested_self: "The {{role}} role was requested for you and awaits a second person's approval",
    role_approved_self: 'Your {{role}} role was approved and is in effect',
    booking_reminder: 'Reminder: you have a counselling appointment soon',
    booking_cancelled: 'Your counsellor cancelled one of your appointments',
    note_break_glass: '{{name}} opened emergency access to session notes. Please review it.',
    booking_scheduled: 'A counsellor scheduled a session with you. See the time in My appointments',
    booking_client_cancelled: 'A client cancelled an appointment with you',
    booking_client_moved: 'A client moved an appointment with you',
    habit_reminder: 'A gentle reminder: a self-care habit is planned for today',
    // Peer groups and return to work (docs/decisions/045-peer-groups-and-return-to-work.md): no
    // reason and no clinical word.
    committee_meeting_scheduled: 'You are invited to a wellbeing committee meeting: {{title}}',
    committee_meeting_changed: 'The time or place of the meeting "{{title}}" has changed',
    committee_meeting_cancelled: 'The meeting "{{title}}" is cancelled',
    focus_group_invited: 'You are invited to a focus group: {{title}}. Taking part is voluntary',
    focus_group_reminder: 'Reminder: the focus group "{{title}}" is tomorrow',
    focus_group_cancelled: 'The focus group "{{title}}" is cancelled',
    peer_group_session_cancelled: 'The "{{title}}" group’s meeting on {{date}} is called off',
    peer_group_moved: 'The "{{title}}" group now meets at another time or place. See the new schedule',
    peer_group_closed: 'The "{{title}}" group was closed by its facilitator',
    return_plan_proposed: 'Your counsellor drew up a return-to-work plan with you. Please read and agree to it',
    return_plan_changed: 'Your counsellor changed your return-to-work plan. Please read the changes',
    return_plan_checkin_due: 'Reminder: your return-to-work plan has a check-in on {{date}}',
    return_schedule_shared: '{{name}} shared an adjusted workload schedule with you',
    return_schedule_withdrawn: '{{name}} no longer shares their adjusted workload schedule with you',
  },
};
