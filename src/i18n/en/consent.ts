import type { consent as indonesian } from '../id/consent.js';
import type { Translation } from '../shape.js';

/** Interface text: a client's permissions to counsellors and who opened their data (decision 042). */
export const consent: Translation<typeof indonesian> = {
  title: 'Permissions for counsellors',
  lead: 'You decide what your counsellor may see, and for how long. You can withdraw a permission at any time and it stops at once.',
  back_to_privacy: 'Back to My privacy',
  kinds: {
    shared_results: 'See my self-check results over time',
    check_in_trends: 'See a summary of my daily check-ins',
    notes_transfer: 'Hand my session notes to another counsellor',
  },
  kind_hints: {
    shared_results: 'Your PHQ-9 and GAD-7 scores, so your counsellor can follow how you are doing.',
    check_in_trends: 'Your average mood and energy per week — never the notes or tags you wrote.',
    notes_transfer: 'If you change counsellor, your session notes may be handed to the counsellor you name.',
  },
  texts: {
    shared_results: {
      v1: 'I allow the counsellor I choose to see my PHQ-9 and GAD-7 scores over time, including results I did not share one by one, to follow my progress during counselling. The counsellor sees only the scores and their levels, not my answers to each question. Every time the counsellor opens them, it is recorded and I can see it. This permission lasts until the date I choose, and I can withdraw it at any time; once withdrawn, the counsellor can no longer see them. My manager, HR and admins can never see this data.',
    },
    check_in_trends: {
      v1: 'I allow the counsellor I choose to see a weekly summary of my daily check-ins: how often I checked in and my average mood and energy. The notes and tags I wrote are not shown. Every time the counsellor opens it, it is recorded and I can see it. This permission lasts until the date I choose, and I can withdraw it at any time; once withdrawn, the counsellor can no longer see it. My manager, HR and admins can never see this data.',
    },
    notes_transfer: {
      v1: 'I allow the counsellor I choose to hand my counselling session notes to one other counsellor whom I name, so that my care can continue without my having to tell everything again. The notes go to no one but that counsellor, and every opening of the notes is recorded and I can see it. This permission lasts until the date I choose, and I can withdraw it at any time before the notes are handed over.',
    },
  },
  active: {
    title: 'Permissions you have given',
    empty: 'No permission is in force.',
    empty_hint: 'Without a permission, a counsellor sees only your appointments and the results you share one by one.',
    until: 'Valid until {{date}}',
    to: 'To {{name}}',
    transfer_to: 'Handed to {{name}}',
    revoke: 'Withdraw',
    revoke_named: 'Withdraw the permission for {{name}}: {{kind}}',
    confirm_title: 'Withdraw this permission?',
    confirm_body:
      'From now on {{name}} no longer has the permission “{{kind}}”. The record of your permissions stays for you.',
    confirm: 'Yes, withdraw it',
    cancel: 'Cancel',
    revoked: 'Permission withdrawn. {{name}} can no longer see it.',
  },
  grant: {
    title: 'Give a permission',
    lead: 'You can give a permission only to a counsellor you have seen or will see, or who received one of your self-check results.',
    no_counsellors: 'You do not have a counsellor yet.',
    no_counsellors_hint: 'Once you book an appointment with a counsellor, you can give them a permission here.',
    book: 'Book a counselling session',
    counsellor: 'Counsellor',
    choose_counsellor: 'Choose a counsellor',
    kind: 'What you allow',
    recipient: 'Hand to',
    choose_recipient: 'Choose the receiving counsellor',
    no_recipients: 'There is no other counsellor in your agency yet.',
    text_title: 'What you agree to',
    period: 'Valid for',
    months: '{{count}} months',
    months_until: '{{count}} months (until {{date}})',
    agree: 'I have read the text above and agree.',
    submit: 'Give permission',
    granted: 'Permission given to {{name}}.',
    already: 'This permission is already in force for that counsellor.',
  },
  history: {
    version: 'Version {{number}}',
    title: 'Permission history',
    lead: 'Every permission you have given, including those that ended or were withdrawn.',
    empty: 'No permissions yet.',
    caption: 'History of permissions for counsellors',
    columns: {
      what: 'Permission',
      counsellor: 'Counsellor',
      granted: 'Given',
      status: 'Status',
      version: 'Text version',
    },
    status: {
      active: 'Valid until {{date}}',
      expired: 'Ended {{date}}',
      revoked: 'Withdrawn {{date}}',
    },
  },
  access: {
    title: 'Who opened your data',
    lead: 'Every time a counsellor opens your appointments, results or notes, it is recorded here.',
    empty: 'No one has opened your counselling data yet.',
    more: 'Show older entries',
    entry: '{{name}} {{what}}',
    times: '{{count}} times, {{from}}–{{to}}',
    someone: 'Someone',
    actions: {
      timeline_viewed: 'opened your record (appointments, results and progress chart)',
      shared_result_viewed: 'read a self-check result you shared',
      appointments_viewed: 'looked at your counselling appointments',
      caseload_viewed: 'saw your summary in their list of clients',
      notes: 'opened your session notes',
      notes_transfer: 'read your session notes from {{from}} (the notes transfer you allowed)',
      other: 'opened your counselling data',
    },
  },
};
