import type { platform as indonesian } from '../id/platform.js';
import type { Translation } from '../shape.js';

/** UI text: platform admin (agency list). */
export const platform: Translation<typeof indonesian> = {
  title: 'Agencies',
  lead: 'Agencies using this Teduh platform.',
  add: 'Add agency',
  list_title: 'Agency list',
  empty: 'There are no agencies yet.',
  columns: {
    name: 'Name',
    kind: 'Kind',
    time_zone: 'Time zone',
    units: 'Active units',
    people: 'Active employees',
    created: 'Created',
  },
  create: {
    title: 'New agency',
    lead: 'Create an agency with its top unit. Its first admin is invited by email to choose their own password.',
    admin: 'First admin',
    email_hint: 'The invitation is sent to this address.',
    submit: 'Create agency and invite admin',
  },
  created: {
    title: 'Agency {{name}} created',
    invited: 'The invitation for the first admin went to {{email}} and is valid until {{when}}.',
    via_outbox:
      'No email server (SMTP) is configured, so the invitation is held and has not been sent. Its link is shown to nobody but its recipient: set SMTP_URL on the server, then send the invitation again from the person’s page.',
  },
};
