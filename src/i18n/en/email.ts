import type { email as indonesian } from '../id/email.js';
import type { Translation } from '../shape.js';

/** Emails to staff. Plain text, short, never any health data. */
export const email: Translation<typeof indonesian> = {
  signature: 'Kind regards,\nThe Teduh team at {{agency}}\n\nThis email was sent automatically; please do not reply.',
  invite: {
    subject: 'Your invitation to Teduh — {{agency}}',
    body: 'Hello {{name}},\n\n{{agency}} invites you to Teduh, a confidential place to look after your mental health. The results of your self-checks are visible to you alone.\n\nCreate your password with this link (valid until {{expires}}):\n{{link}}\n\nIf this invitation means nothing to you, simply ignore this email.',
  },
  reset: {
    subject: 'Reset your Teduh password',
    body: 'Hello {{name}},\n\nSomeone (hopefully you) asked to reset your Teduh password. Create a new password with this link (valid until {{expires}}):\n{{link}}\n\nIf you did not ask for this, ignore this email; your password has not changed.',
  },
  password_changed: {
    subject: 'Your Teduh password was changed',
    body: 'Hello {{name}},\n\nYour Teduh password was just changed on {{when}}, and all your other sessions were signed out. If this was not you, contact your agency admin at once.',
  },
  crisis_request: {
    subject: 'Urgent request for help in Teduh',
    body: 'Hello {{name}},\n\nAn employee of {{agency}} has an urgent request for help that a duty counsellor needs to follow up at once. To keep it confidential, the details can only be read in Teduh:\n{{link}}\n\nIf you are not on duty, make sure another duty counsellor has taken it.',
  },
  survey_invite: {
    subject: 'Climate survey: {{title}}',
    body: 'Hello {{name}},\n\n{{agency}} would like to hear how work is treating you. The survey "{{title}}" is open until {{closes}} and takes a few minutes.\n\nIt is anonymous: all that is kept is that you answered, not what you answered. Answers are stored without names and shown only as totals of groups large enough that nobody can be recognised.\n\nAnswer here:\n{{link}}',
  },
  survey_reminder: {
    subject: 'Climate survey reminder: {{title}}',
    body: 'Hello {{name}},\n\nThe survey "{{title}}" is open until {{closes}}. Your voice helps decide what the agency improves, and your answers stay anonymous.\n\n{{link}}\n\nIf you would rather not take part, please ignore this reminder.',
  },
  survey_published: {
    subject: 'Survey results and what comes next: {{title}}',
    body: 'Hello {{name}},\n\nThank you for your time on the survey "{{title}}". {{agency}} now shares what we heard and what we will do about it.\n\nResults are shown only as totals of groups large enough that nobody can tell who answered what.\n\nRead it here:\n{{link}}',
  },
  campaign_invite: {
    subject: 'Self-check invitation: {{title}}',
    body: 'Hello {{name}},\n\n{{agency}} invites you to take the self-check "{{title}}" until {{closes}}. Your results are visible to you alone; the agency receives only combined summaries of groups large enough that nobody can be recognised. Taking part is voluntary.\n\nStart here:\n{{link}}',
  },
  campaign_reminder: {
    subject: 'Self-check reminder: {{title}}',
    body: 'Hello {{name}},\n\nThe self-check "{{title}}" is open until {{closes}}. If you would like to take part, you can do it any time before then. Your results remain yours alone.\n\n{{link}}\n\nIf you have already taken it or would rather not, please ignore this reminder.',
  },
  // Account recovery (docs/decisions/011-account-recovery.md).
  redacted_link: '[secret link: sent to the recipient only]',
  invitation_accepted: {
    subject: 'Your Teduh account is active',
    body: 'Hello {{name}},\n\nYour Teduh account was just activated with a new password at {{when}}, and any other session was signed out. If this was not you, contact your agency’s data-protection officer or admin at once.',
  },
  email_changed: {
    subject: 'The email address of your Teduh account was changed',
    body: 'Hello {{name}},\n\nAn admin of {{agency}} changed the email address of your Teduh account at {{when}} to {{masked}}. For your safety, your password cannot be reset through that new address until {{until}}.\n\nIf you asked for this change, confirm it with this link so that resets work at once:\n{{link}}\n\nIf you did not ask for it, do not click the link. Your password still works; sign in as usual and contact your agency’s data-protection officer.',
  },
  reset_on_hold: {
    subject: 'Your Teduh password cannot be reset yet',
    body: 'Hello {{name}},\n\nSomeone asked to reset the password of your Teduh account. Because this account’s email address was recently changed by an admin, resets are held until {{until}}, unless the change is confirmed from the old address. After that, please ask for a reset again.',
  },
  // Separation of duties (docs/decisions/012-separation-of-duties.md).
  role_requested: {
    subject: 'A request to give you the {{role}} role in Teduh',
    body: "Hello {{name}},\n\nAn administrator of {{agency}} asked that you be given the {{role}} role in Teduh. It takes effect only after a second person (another agency admin or the data-protection officer) approves it. Who can read health data in your agency is always open to every employee:\n{{link}}\n\nIf you did not expect this role, contact your agency's data-protection officer.",
  },
  role_request_review: {
    subject: 'Approval needed: the {{role}} role for {{person}}',
    body: 'Hello {{name}},\n\nSomeone asked that {{person}} be given the {{role}} role at {{agency}}. It has no effect until a second person, neither the requester nor the grantee, approves it. Review it and approve or reject it in the DPO console:\n{{link}}',
  },
  role_approved: {
    subject: 'Your {{role}} role in Teduh is now in effect',
    body: 'Hello {{name}},\n\nYour {{role}} role at {{agency}} was approved and is in effect now. Your name is on the open list of people who can read health data, which every employee can see:\n{{link}}',
  },
  role_request_approved_dpo: {
    subject: 'Approved: the {{role}} role for {{person}}',
    body: 'Hello {{name}},\n\nThe {{role}} role for {{person}} at {{agency}} was approved and is in effect now. The details are in the DPO console:\n{{link}}',
  },
  break_glass: {
    subject: 'Emergency access to session notes opened by {{supervisor}}',
    body: "Hello {{name}},\n\n{{supervisor}}, a clinical supervisor at {{agency}}, has just opened emergency access (break-glass) to an employee's session notes, with a written reason. The access lasts 60 minutes and is in the audit log. Please review whether the reason holds:\n{{link}}",
  },
  // A booking reminder (docs/decisions/049-counselling-journey.md): only when — work mailboxes are often read by others.
  booking_reminder: {
    subject: 'A reminder from Teduh',
    body: 'Hello {{name}},\n\nYou have an appointment through Teduh {{day}} at {{time}}. The details are in Teduh:\n{{link}}\n\nThis email was sent because you asked for it. To stop it, change your reminders in Teduh.',
  },
  // Committee meetings and focus groups (docs/decisions/053-committee-and-focus-groups.md).
  committee_meeting_scheduled: {
    subject: 'Wellbeing committee meeting: {{title}}',
    body: 'Hello {{name}},\n\nAs a member of the wellbeing committee of {{agency}} you are invited to the meeting "{{title}}" on {{when}}, at {{place}}. The agenda is in Teduh:\n{{link}}',
  },
  committee_meeting_changed: {
    subject: 'Changed: wellbeing committee meeting {{title}}',
    body: 'Hello {{name}},\n\nThe wellbeing committee meeting "{{title}}" has changed. It is now on {{when}}, at {{place}}. The details and agenda are in Teduh:\n{{link}}',
  },
  committee_meeting_cancelled: {
    subject: 'Cancelled: wellbeing committee meeting {{title}}',
    body: 'Hello {{name}},\n\nThe wellbeing committee meeting "{{title}}" planned for {{when}} has been cancelled.\n{{link}}',
  },
  focus_group_invite: {
    subject: 'Invitation to a focus group: {{title}}',
    body: 'Hello {{name}},\n\n{{agency}} invites you to a focus group on "{{title}}" on {{when}}, at {{place}}, to understand the results of a staff survey better. Taking part is voluntary: you may accept or decline in Teduh, without giving a reason, and nobody is told why. Only the facilitator and the wellbeing admin see who accepted; the summary of the discussion names nobody.\n\nAnswer here:\n{{link}}',
  },
  focus_group_reminder: {
    subject: 'Tomorrow: focus group {{title}}',
    body: 'Hello {{name}},\n\nA reminder: the focus group "{{title}}" you accepted is on {{when}}, at {{place}}. If you can no longer come, you can change your answer in Teduh:\n{{link}}',
  },
  focus_group_cancelled: {
    subject: 'Cancelled: focus group {{title}}',
    body: 'Hello {{name}},\n\nThe focus group "{{title}}" planned for {{when}} has been cancelled. Thank you for being willing to take part.\n{{link}}',
  },
};
