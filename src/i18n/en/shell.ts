import type { shell as indonesian } from '../id/shell.js';
import type { Translation } from '../shape.js';

/** UI text: the app frame (header, menu, footer, error pages). */
export const shell: Translation<typeof indonesian> = {
  tagline: 'Mental health for civil servants',
  skip_to_content: 'Skip to main content',
  menu: 'Menu',
  signed_in_as: 'Signed in as',
  sign_out: 'Sign out',
  help_now: 'I need help now',
  language: {
    label: 'Language',
  },
  nav: {
    label: 'Main menu',
    // The agency admin's pages, grouped (one row at 1280 px).
    groups: {
      organisation: 'Organisation',
      services: 'Services',
      privacy: 'Privacy',
      counselling: 'Counselling',
      wellbeing: 'Wellbeing',
    },
    self_care: 'Self-care',
    plan: 'Plan my time',
    home: 'Home',
    self_check: 'Self-check',
    appointments: 'Appointments',
    caseload: 'My clients',
    counsellor_profile: 'Counsellor profile',
    break_glass: 'Emergency note access',
    referrals: 'Referrals',
    return_to_work: 'Return to work',
    peer_groups: 'Peer groups',
    committee: 'Wellbeing committee',
    urgent: 'Urgent requests',
    shared: 'Shared results',
    campaigns: 'Campaigns',
    surveys: 'Surveys',
    suggestions: 'Suggestion box',
    suggestions_manage: 'Manage suggestions',
    help_contacts: 'Help contacts',
    library: 'Library',
    articles: 'Agency articles',
    units: 'Work units',
    people: 'Employees',
    import: 'Import data',
    audit: 'Audit log',
    outbox: 'Email outbox',
    settings: 'Settings',
    calendar: 'Work calendar',
    agencies: 'Agencies',
    profile: 'Profile',
    // My data (docs/decisions/013-data-rights.md).
    corrections: 'Data corrections',
    my_data: 'My data',
    // The DPO console (docs/decisions/012-separation-of-duties.md).
    dpo: 'DPO console',
  },
  footer: {
    privacy: 'Your self-check results and health records are visible to you alone.',
    name: 'Teduh — open-source software for government agencies.',
  },
  not_found: {
    title: 'Page not found',
    lead: 'This address does not exist or has moved. Please check it.',
    home: 'Back to home',
  },
  forbidden: {
    title: 'This page is not for your role',
    lead: 'This page is for certain roles only. If you need it, contact your agency admin.',
  },
  error: {
    title: 'Sorry, something went wrong on this page',
    lead: 'An error occurred while showing this page. Your data is not lost. Reload the page or go back home.',
    reload: 'Reload',
  },
  unreachable: {
    title: 'Teduh cannot be reached',
    lead: 'We cannot connect to the server. Check your connection, then try again.',
  },
  update: {
    available: 'A new version is available — reload to use it.',
    reload: 'Reload',
  },
};
