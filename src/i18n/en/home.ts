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
  coming_soon: 'Coming soon',
  employee: {
    title: 'For you',
    lead: 'What you can do in Teduh now, and what is coming soon:',
    self_check: 'Self-check',
    self_check_body:
      'Short, validated questionnaires to recognise your levels of stress, anxiety and mood, with a suggested next step.',
    check_in: 'Daily check-in',
    check_in_body: 'Note your mood and energy in a minute, and see the pattern over time.',
    counselling: 'Counselling',
    counselling_body: 'Book a confidential appointment with a counsellor or psychologist who works with your agency.',
    crisis: 'Crisis help',
    crisis_body:
      'Emergency and help contacts, and a way to ask an agency counsellor to contact you. Also behind the "I need help now" button on every page.',
    invitation_title: 'Self-check invitation: {{title}}',
    invitation_body:
      'Your agency invites you to take a self-check by {{date}}. It is voluntary, and your result is yours alone.',
    invitation_link: 'Open self-check',
    privacy_title: 'Your data is yours',
    privacy_body:
      'Your self-check results, check-ins and personal notes are visible to you alone. Managers and HR never see individual data; they only see combined figures over enough people that no one can be recognised.',
    urgent_title: 'Need help now?',
    urgent_body:
      'If you or someone else is in danger, call 112 (emergency services) or 119 (medical emergency) now, or go to the nearest hospital emergency department.',
  },
  manager: {
    title: 'Your team',
    lead: 'Employees in {{units}}, including its sub-units.',
    loading: 'Loading your team…',
    empty: 'There are no other employees in your unit yet.',
    no_position: 'Position not filled in',
    more: 'Showing {{shown}} of {{total}} employees.',
    whole_agency: 'the whole agency',
    aggregates_title: 'Team wellbeing summary coming soon',
    aggregates_body:
      "You will see your team's wellbeing as combined figures only, and only when they cover at least {{k}} people. You will never see anyone's individual results.",
  },
  wellbeing: {
    title: 'Employee wellbeing',
    lead: 'Tools for the wellbeing team and HR. You see combined figures only, never an individual result.',
    surveys: 'Workplace climate surveys',
    surveys_body: 'Anonymous surveys with combined results and action plans.',
    campaigns: 'Screening campaigns',
    campaigns_body:
      'Invitations to a self-check for all employees; you see only participation and combined distributions.',
    programmes: 'Wellbeing programmes',
    programmes_body: 'Programme roadmap, trainings, events and indicators of success.',
  },
  counsellor: {
    title: 'Counselling service',
    lead: 'The urgent-request queue and the results shared with you; more tools are coming soon.',
    urgent: 'Urgent requests',
    urgent_body: 'People who asked a duty counsellor to contact them.',
    urgent_count: '{{count}} new requests not yet taken up.',
    urgent_waiting: '{{count}} urgent requests waiting',
    urgent_open: 'Open the urgent queue',
    shared: 'Shared results',
    shared_body: 'Self-check results employees shared with you, with their consent.',
    appointments: 'Appointments and caseload',
    appointments_body: 'Your counselling schedule and the clients you support.',
    notes: 'Encrypted session notes',
    notes_body: 'Notes only you can read; every access is recorded.',
    referrals: 'Referrals',
    referrals_body: 'Referrals to a Puskesmas, psychologist or psychiatrist through BPJS.',
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
