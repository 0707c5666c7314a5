import type { setup as indonesian } from '../id/setup.js';
import type { Translation } from '../shape.js';

/** UI text: first-run set-up. */
export const setup: Translation<typeof indonesian> = {
  title: 'Set up Teduh',
  lead: 'Teduh has not been set up on this server yet. Enter the agency, its top work unit and the first admin. You can change all of it later.',
  progress_label: 'Set-up steps',
  step_heading: 'Step {{number}} of {{total}}: {{title}}',
  steps: {
    agency: 'Agency',
    unit: 'Top work unit',
    admin: 'First admin',
  },
  agency_intro: 'The government agency that uses this Teduh.',
  unit_intro:
    'The highest unit of the organisation, such as the Regional Secretariat or the Secretariat General. Units below it can be added or imported later.',
  admin_intro:
    'The person who manages Teduh for this agency. Admins must use two-step verification, so have a phone ready for the next step.',
  fields: {
    agency_name: 'Agency name',
    agency_short_name: 'Short name',
    agency_kind: 'Kind of agency',
    time_zone: 'Time zone',
    unit_name: 'Unit name',
    unit_code: 'Unit code',
    full_name: 'Full name',
    email: 'Email',
    employment_type: 'Employment type',
    nip: 'NIP / NI PPPK',
    password: 'Password',
  },
  hints: {
    agency_name: 'For example: Pemerintah Kabupaten Sleman',
    agency_short_name: 'Shown in the page header. For example: Pemkab Sleman',
    time_zone: "The agency's main time zone. Each unit can have its own.",
    unit_name: 'For example: Sekretariat Daerah',
    unit_code: 'Letters, digits, dots, underscores or hyphens. For example: SETDA',
    email: 'Used to sign in and to receive notices.',
    nip: '18 digits, spaces are fine. Required for PNS and PPPK; leave empty for non-ASN.',
  },
  submit: 'Finish and continue',
};
