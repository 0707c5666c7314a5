import type { agency as indonesian } from '../id/agency.js';
import type { Translation } from '../shape.js';

/** UI text: agency settings and the email outbox. */
export const agency: Translation<typeof indonesian> = {
  settings: {
    title: 'Agency settings',
    lead: "The agency's identity, time zone, anonymity protection and data protection officer.",
    identity: 'Identity',
    name: 'Agency name',
    short_name: 'Short name',
    time_zone: 'Agency time zone',
    time_zone_hint:
      "Used when a unit has no time zone of its own. Each unit's time zone is set on the Work units page.",
    privacy: 'Anonymity',
    threshold: 'Anonymity threshold (minimum number of people)',
    threshold_hint:
      "Any combined figure, such as an average, a percentage or a count, is shown only when it covers at least this many people. That way no one can work out a person's answers from the figures of a small group.",
    threshold_floor:
      'At least 5, and it cannot be lowered below that. A higher number protects more strongly, but more small groups are left out.',
    dpo: 'Data Protection Officer (DPO)',
    dpo_hint:
      'Required by the Personal Data Protection Law (UU PDP No. 27/2022). This name and email are shown to employees who want to ask about or exercise their data rights.',
    dpo_name: 'DPO name',
    dpo_email: 'DPO email',
    saved: 'The settings are saved.',
  },
  outbox: {
    title: 'Email outbox',
    lead: 'Emails from Teduh to your agency’s employees: invitations, password resets and notices.',
    no_smtp_title: 'When no email server (SMTP) is configured',
    no_smtp_body:
      'Emails are not sent; they are held here. Sign-in links (invitations, password resets) are for their recipient alone, so they are not shown here, not even to admins: ask the server’s operator to set SMTP_URL, then send the invitation again.',
    audited:
      'This page shows the addresses and subjects of emails, with their text stripped of links. Every time this page is opened, it is recorded in the audit log.',
    list_label: 'Emails',
    empty: 'No emails yet.',
    empty_body: 'Emails appear here after you invite employees.',
    to: 'To',
    kind: 'Kind',
    created: 'Created',
    sent: 'Sent',
    show_body: 'Show the email',
    status: {
      held: 'Held',
      pending: 'Waiting to send',
      sent: 'Sent',
      cancelled: 'Cancelled',
    },
    templates: {
      invite: 'Invitation',
      reset: 'Password reset',
      password_changed: 'Password changed notice',
      invitation_accepted: 'Account activated notice',
      email_changed: 'Email changed notice (to the old address)',
      reset_on_hold: 'Reset held notice',
      crisis_request: 'Urgent request notice for counsellors',
      survey_invite: 'Climate survey invitation',
      survey_reminder: 'Climate survey reminder',
      survey_published: 'Climate survey results announcement',
      campaign_invite: 'Screening campaign invitation',
      campaign_reminder: 'Screening campaign reminder',
      role_requested: 'Role request notice',
      role_request_review: 'Role approval request',
      role_approved: 'Role approved notice',
      role_request_approved_dpo: 'Role approved notice (for the DPO)',
      other: 'Other email',
    },
  },
};
