import type { home as indonesian } from '../id/home.js';
import type { Translation } from '../shape.js';

/** UI text: home, one section per role. */
export const home: Translation<typeof indonesian> = {
  greeting: {
    morning: 'Good morning, {{name}}',
    midday: 'Good afternoon, {{name}}',
    afternoon: 'Good afternoon, {{name}}',
    evening: 'Good evening, {{name}}',
  },
  lead: 'You are registered in {{unit}}.',
  employee: {
    title: 'For you',
    self_check: 'Self-check',
    self_check_body:
      'Short, validated questionnaires to recognise your levels of stress, anxiety and mood, with a suggested next step.',
    check_in: 'Daily check-in',
    check_in_body: 'Note your mood, sleep and workload today. Under 20 seconds, for you alone.',
    safety_plan: 'Safety plan',
    safety_plan_body:
      'The warning signs to watch for, what calms you and whom to call, written by you for a hard moment.',
    self_care: 'Self-care plan',
    self_care_body:
      'Small habits for sleep, food, movement, breathing and work boundaries, with a daily tick and no guilt.',
    plan: 'Time management',
    plan_body: 'A task matrix, a day plan with buffers, Pomodoro, a weekly review and scripts for saying no.',
    crisis: 'Crisis help',
    crisis_body:
      'Emergency and help contacts, and a way to ask an agency counsellor to contact you. Also behind the "I need help now" button on every page.',
    invitation_title: 'Self-check invitation: {{title}}',
    invitation_body:
      'Your agency invites you to take a self-check by {{date}}. It is voluntary, and your result is yours alone.',
    invitation_link: 'Open self-check',
    next_label: 'What you can do',
    privacy_title: 'Your data is yours',
    privacy_body:
      'Your self-check results and safety plan are visible to you alone, except a result you choose to share with a counsellor. Managers and HR never see individual data; they only see combined summaries of enough people that nobody can be recognised.',
  },
  request: {
    title: 'Your request for help',
    loading: 'Loading your request for help…',
    steps_label: 'Where your request stands',
    step_open: 'Received',
    step_acknowledged: 'A counsellor is on it',
    step_closed: 'Closed',
    current_step: 'current stage',
    open: 'We received your request on {{date}}. A duty counsellor will contact you the way you chose.',
    acknowledged:
      'A counsellor has been handling your request since {{date}} and will contact you. There is no need to send it again.',
    closed:
      'Your request was closed on {{date}}. If you would still like to talk to a counsellor, you can ask again at any time.',
    ask_again: 'Ask to be contacted again',
    waiting_title: 'While you wait',
    waiting_contacts: 'See the help contacts',
    waiting_contacts_body: 'Services you can call right now, with their hours.',
    waiting_plan: 'Open your safety plan',
    waiting_plan_body: 'The steps you prepared yourself for a moment like this.',
    waiting_urgent:
      'If you do not feel safe right now, do not wait: call 112 or 119, or go to the nearest hospital emergency department.',
  },
  latest: {
    title: 'Your latest self-check',
    loading: 'Loading your latest result…',
    empty_title: 'You have not taken a self-check yet',
    empty_body:
      'A self-check helps you recognise how you are doing. The shortest is just two questions, and the result is yours alone.',
    empty_action: 'Start a self-check',
    taken: 'Taken {{date}}',
    see_result: 'See the result and the suggested next step',
    check_again: 'Feelings change. If you like, check again around {{date}}.',
    check_again_due:
      'It has been about two weeks since your last check. If you like, now is a good time to check again.',
    check_again_action: 'Check again',
    history: 'All my results',
  },
  manager: {
    title: 'Your team',
    lead: 'Employees in {{units}}, including its sub-units.',
    loading: 'Loading your team…',
    empty: 'There are no other employees in your unit yet.',
    no_position: 'Position not filled in',
    more: 'Showing {{shown}} of {{total}} employees.',
    whole_agency: 'the whole agency',
    aggregates_title: 'Your team members’ health data stays theirs',
    aggregates_body:
      'As a manager you never see anyone’s individual self-check result. Figures about a team are only ever shown combined, for at least {{k}} people.',
  },
  wellbeing: {
    title: 'Employee wellbeing',
    lead: 'Tools for the wellbeing team and HR. You see combined figures only, never an individual result.',
    campaigns: 'Screening campaigns',
    campaigns_body:
      'Invitations to a self-check for all employees; you see only participation and combined distributions.',
  },
  counsellor: {
    title: 'Counselling service',
    lead: 'The urgent-request queue and the results employees shared with you.',
    urgent: 'Urgent requests',
    urgent_body: 'People who asked a duty counsellor to contact them.',
    urgent_count: '{{count}} new requests not yet taken up.',
    urgent_waiting: '{{count}} urgent requests waiting',
    urgent_open: 'Open the urgent queue',
    shared: 'Shared results',
    shared_body: 'Self-check results employees shared with you, with their consent.',
  },
  admin: {
    title: 'Agency administration',
    lead: "Your agency's current figures and shortcuts to the admin pages.",
    loading: 'Loading agency figures…',
    units: 'Active work units',
    active_people: 'Active employees',
    signed_up: 'Have an account',
    pending_invitations: 'Invitations not yet accepted',
    units_body: 'Arrange the organisation and its time zones.',
    people_body: 'Find, add and invite employees; manage roles.',
    import_body: 'Import work units and employees from CSV or XLSX files.',
    audit_body: 'See who did what, and when.',
    outbox_body: 'Invitation emails held or sent.',
    settings_body: 'Agency name, time zone, anonymity threshold and DPO.',
    help_contacts_body: 'Crisis and help contacts, and safety outreach.',
  },
  platform: {
    title: 'Platform',
    lead: 'You also manage this Teduh platform for several agencies.',
    link: 'Manage agencies',
  },
};
