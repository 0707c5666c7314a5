/**
 * Which messages a boundary may hold (docs/boundaries.md). Only what is listed as `routine` is
 * held; anything else, including a kind added later and not listed here, is delivered at once,
 * so a new crisis or security message can never be held by accident.
 *
 * - crisis: a request for help and everything about it — never held.
 * - security: changes to the person's own account (password, email, an invitation accepted): the
 *   person must be able to react at once — never held.
 * - deadline: role-grant requests and approvals expire after 7 days; a long holiday run (Lebaran
 *   2026 is seven days off in a row) would let a request lapse before its approver heard of it.
 * - routine: campaign invitations and reminders — held to the next allowed moment.
 */
export type MessageClass = 'crisis' | 'security' | 'deadline' | 'routine';

export const NOTIFICATION_CLASSES: Readonly<Record<string, MessageClass>> = {
  'crisis.request': 'crisis',
  'auth.password_changed': 'security',
  'auth.invitation_accepted': 'security',
  'auth.email_changed': 'security',
  'role.requested': 'deadline',
  'role.approved': 'deadline',
  'campaign.invited': 'routine',
  'campaign.reminder': 'routine',
  'survey.invited': 'routine',
  'survey.reminder': 'routine',
  'survey.published': 'routine',
  // A return-to-work check-in is a day ahead: its reminder can wait for the person's hours (decision 045).
  'return_plan.checkin_due': 'routine',
  // Committee meetings and focus groups (docs/decisions/053-committee-and-focus-groups.md) wait for the person's hours.
  'committee.meeting_scheduled': 'routine',
  'committee.meeting_changed': 'routine',
  'committee.meeting_cancelled': 'routine',
  'focus_group.invited': 'routine',
  'focus_group.reminder': 'routine',
  'focus_group.cancelled': 'routine',
};

export const EMAIL_CLASSES: Readonly<Record<string, MessageClass>> = {
  crisis_request: 'crisis',
  invite: 'security',
  reset: 'security',
  password_changed: 'security',
  invitation_accepted: 'security',
  email_changed: 'security',
  reset_on_hold: 'security',
  role_requested: 'deadline',
  role_request_review: 'deadline',
  role_approved: 'deadline',
  role_request_approved_dpo: 'deadline',
  campaign_invite: 'routine',
  campaign_reminder: 'routine',
  survey_invite: 'routine',
  survey_reminder: 'routine',
  committee_meeting_scheduled: 'routine',
  committee_meeting_changed: 'routine',
  committee_meeting_cancelled: 'routine',
  focus_group_invite: 'routine',
  focus_group_reminder: 'routine',
  focus_group_cancelled: 'routine',
  survey_published: 'routine',
};

export const isHoldableNotification = (kind: string): boolean => NOTIFICATION_CLASSES[kind] === 'routine';
export const isHoldableEmail = (template: string): boolean => EMAIL_CLASSES[template] === 'routine';
