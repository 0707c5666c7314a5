import type { common as indonesian } from '../id/common.js';
import type { Translation } from '../shape.js';

/** UI text used on many pages. */
export const common: Translation<typeof indonesian> = {
  none: '—',
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    back: 'Back',
    next: 'Next',
    try_again: 'Try again',
    close: 'Close',
  },
  status: {
    loading: 'Loading…',
    working: 'Working…',
  },
  form: {
    optional: 'optional',
    choose: 'Choose…',
    summary_title: 'Please check the following',
    failed_title: 'That did not work',
    error_prefix: 'Error:',
    show_password: 'Show',
    hide_password: 'Hide',
  },
  errors: {
    network: 'Cannot reach the server. Check your internet connection, then try again.',
    server: 'Something went wrong on the server. Please try again shortly.',
    unexpected: 'Something unexpected went wrong. Please try again.',
    aborted: 'The upload was cancelled.',
    load_failed: 'This could not be loaded',
    request_id: 'Request code: {{id}} (quote it if you contact your admin).',
  },
  pagination: {
    label: 'Pages',
    previous: 'Previous',
    next: 'Next',
    status: 'Page {{page}} of {{pages}} · {{total}} in all',
  },
  roles: {
    employee: 'Employee',
    manager: 'Manager',
    wellbeing_admin: 'Wellbeing admin',
    counsellor: 'Counsellor',
    agency_admin: 'Agency admin',
    platform_admin: 'Platform admin',
    // Separation of duties (docs/decisions/012-separation-of-duties.md).
    clinical_supervisor: 'Clinical supervisor',
    dpo: 'Data-protection officer (DPO)',
  },
  employment: {
    pns: 'PNS (civil servant)',
    pppk: 'PPPK (contract civil servant)',
    non_asn: 'Non-ASN',
  },
  agency_kinds: {
    pemerintah_kabupaten: 'Regency government',
    pemerintah_kota: 'City government',
    pemerintah_provinsi: 'Provincial government',
    kementerian: 'Ministry',
    lembaga: 'Agency (lembaga)',
  },
  time_zones: {
    jakarta: 'WIB — Western Indonesia Time',
    makassar: 'WITA — Central Indonesia Time',
    jayapura: 'WIT — Eastern Indonesia Time',
  },
  date_field: {
    format_hint: 'Write day/month/year, for example 17/08/2026.',
    placeholder: 'dd/mm/yyyy',
    invalid: 'This date is not right yet. Write day/month/year, for example 17/08/2026.',
    date: 'Date',
    time: 'Time',
    time_hint: 'Hours and minutes, 24-hour clock, for example 14.30.',
    time_placeholder: 'hh.mm',
    time_invalid: 'This time is not right yet. Write hours and minutes, for example 14.30.',
  },
};
