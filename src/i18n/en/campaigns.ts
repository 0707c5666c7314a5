import type { campaigns as indonesian } from '../id/campaigns.js';
import type { Translation } from '../shape.js';

/** UI text: self-check campaigns for wellbeing admins. */
export const campaigns: Translation<typeof indonesian> = {
  status: {
    draft: 'Draft',
    open: 'Running',
    closed: 'Finished',
  },
  fields: {
    title: 'Title',
    message: 'Message to employees',
    instruments: 'Questionnaires',
    units: 'Units invited',
    opens_on: 'Opens on',
    closes_on: 'Closes on',
    reminders: 'Reminders',
    window: 'When',
  },
  list: {
    title: 'Self-check campaigns',
    lead: 'Invite employees in chosen units to take questionnaires within a time window. You see participation and combined distributions only, never an individual result.',
    new: 'New campaign',
    empty: 'No campaigns yet.',
    empty_body: 'Create a campaign to invite units to take a self-check questionnaire.',
    window: '{{from}} – {{to}}',
    invited: 'Invited',
    edit: 'Edit draft',
    stats: 'See figures',
  },
  form: {
    label: 'Campaign details',
    new_title: 'New campaign',
    edit_title: 'Edit campaign',
    lead: 'Save it as a draft first. Once launched, a campaign cannot be changed.',
    title_hint: 'Shown in the invitation, for example "Quarter III self-check".',
    message_hint: 'Say warmly why the agency invites people, and that taking part is voluntary.',
    instruments_hint: 'Choose 1 to 3 questionnaires.',
    units_hint: 'Each unit includes its sub-units. A unit’s figures show only when at least {{k}} people took part.',
    included_in: 'already included in {{name}}',
    dates_hint:
      'Read in each unit’s time zone: opens at the start of the opening day and closes at the end of the closing day.',
    reminders_hint:
      'Reminders in the app and by email, only within working hours in the unit’s time zone, to those who have not taken part.',
    reminders_none: 'No reminders',
    reminders_every: 'Every {{days}} days',
    create: 'Save draft',
    save: 'Save changes',
    saved: 'The campaign draft is saved.',
    not_draft: 'This campaign was launched {{date}} and can no longer be changed.',
  },
  launch: {
    title: 'Launch the campaign',
    lead: 'Invitations go out when the campaign opens ({{from}}), and it runs until {{to}}.',
    save_first: 'Save your changes before launching.',
    button: 'Launch campaign',
    confirm_title: 'Launch "{{title}}"?',
    members_fixed: 'Membership is fixed now: people who later move units or join do not change this campaign’s groups.',
    threshold_frozen:
      'The anonymity threshold is frozen at {{k}} people: a group’s figures show only when at least {{k}} people took part, and this cannot change during the campaign.',
    invitations: 'Employees in the chosen units receive an invitation in the app and by email, within working hours.',
    no_edit: 'Once launched, the title, questionnaires, units and dates cannot be changed.',
    done: 'The campaign has been launched. Its anonymity threshold is {{k}} people.',
  },
  close: {
    button: 'Close campaign',
    title: 'Close "{{title}}"?',
    body: 'Employees can no longer take part in this campaign and reminders stop. Its figures are updated only if at least {{k}} new responses arrived since they were last published; otherwise the last figures stay, so that no single person’s answer can be read from the difference.',
  },
  stats: {
    title: 'Campaign figures: {{title}}',
    invited: 'Invited',
    responses: 'Took part',
    threshold: 'Anonymity threshold',
    participated: 'Took part',
    rate: 'Participation',
    respondents: 'Respondents',
    published:
      'These figures were published {{date}}. They are updated only after at least {{k}} new responses arrive, closing included; a figure that changed only a little stays hidden.',
    rules_title: 'How these figures are protected',
    rules_body:
      'There are no names on this page. A unit’s figures show only when at least {{k}} people took part. Sometimes even a large enough unit’s figures are hidden, so that a small group’s figures cannot be worked out by subtracting one figure from another.',
    dash_legend: 'A "—" means the figure is hidden: fewer than {{k}} people, or hidden to protect another small group.',
    tree_label: 'Figures per unit',
    hidden_badge: 'Partly hidden',
    hidden_all_badge: 'Hidden',
    distribution: '{{name}} results by group',
    withheld_below: 'hidden: fewer than {{k}} people',
    withheld_complementary: 'hidden so that another small group cannot be worked out',
    withheld_cell: 'hidden: fewer than {{k}} people, or so that another small group cannot be worked out',
    // A13 (docs/privacy.md): why a distribution is missing although the respondents are shown.
    distribution_withheld:
      'The spread of results is not shown. Shown, it would let someone guess individual results — for example when all or nearly all respondents fall in one category, or when subtracting other figures would single out a small group.',
  },
};
