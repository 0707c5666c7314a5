import type { help as indonesian } from '../id/help.js';
import type { Translation } from '../shape.js';

/** UI text: crisis help, "contact me", and the agency's help contacts. */
export const help: Translation<typeof indonesian> = {
  page: {
    title: 'I need help now',
    lead: 'You are not alone. If you or someone else is in danger, call 112 or 119 now, or go to the nearest hospital emergency department.',
    meanwhile_title: 'While you wait for help',
    tip_people: 'If you can, do not stay alone. Call or go to someone you trust and tell them how you feel.',
    tip_safe: 'Keep away from things or places that could hurt you.',
    tip_breathe:
      'Breathe in slowly through your nose, hold it for a moment, then breathe out slowly. Repeat a few times.',
    tip_later: 'Very heavy feelings can ease. Help from other people makes that more likely.',
    book_link: 'Talk to a counsellor: book a time',
    referrals_link: 'Referral letter to the Puskesmas (BPJS path)',
    groups_link: 'Peer support groups: talk with colleagues who have been there',
    return_link: 'My return-to-work plan',
  },
  contacts: {
    title: 'Services you can contact',
    label: 'Help contacts and emergency services',
    loading: 'Loading help contacts…',
    offline: 'Your agency’s contact list could not be loaded. You can still call the national emergency numbers:',
    hours: 'Hours:',
    call: 'Call {{number}}',
    open: 'Open {{site}}',
    new_tab: '(opens in a new tab)',
  },
  request: {
    title: 'Ask a counsellor to contact you',
    lead: 'Leave a way to reach you. Your agency’s duty counsellor will contact you as soon as they can.',
    form_label: 'Request to be contacted',
    method: 'How should we contact you?',
    methods: {
      phone: 'Phone',
      whatsapp: 'WhatsApp',
      email: 'Email',
    },
    contact_label: {
      phone: 'Phone number',
      whatsapp: 'WhatsApp number',
      email: 'Email address',
    },
    contact_hint: {
      phone: 'A number you can be reached on, for example 0812 3456 7890.',
      whatsapp: 'The number registered with WhatsApp, for example 0812 3456 7890.',
      email: 'An email address you read regularly.',
    },
    preferred_time: 'Best time to reach you',
    preferred_time_hint: 'For example: today after 4 pm, or any time.',
    note: 'Note for the counsellor',
    note_hint: 'Tell them a little if you like. You may leave this empty.',
    who_sees: 'Only your agency’s duty counsellors receive this request, and they are bound to confidentiality.',
    submit: 'Send request',
    received_title: 'We have received your request',
    received_body: {
      phone: 'A duty counsellor will call you as soon as they can, at the time you gave if possible.',
      whatsapp: 'A duty counsellor will contact you on WhatsApp as soon as they can, at the time you gave if possible.',
      email: 'A duty counsellor will reply by email as soon as they can.',
    },
    received_meanwhile:
      'If things feel worse before you are contacted, call 112 or 119, or another service in the list above.',
    signed_out:
      'If you are an employee registered with Teduh, sign in so you can ask your agency’s duty counsellor to contact you.',
    sign_in: 'Sign in to Teduh',
    unavailable:
      'Your agency has no duty counsellor in Teduh yet. Please contact a service in the list above; they are ready to help.',
  },
  kinds: {
    crisis_line: 'Crisis service',
    emergency: 'Emergency',
    counselling: 'Counselling',
    clinic: 'Clinic',
    hospital: 'Hospital',
    other: 'Other',
  },
  presets: {
    emergency_112: {
      name: 'Emergency number 112',
      description:
        'The national emergency number for life-threatening situations: police, fire brigade, ambulance. Free from any phone.',
      hours: '24 hours, every day',
    },
    ambulance_119: {
      name: 'Medical emergency 119',
      description: 'Ambulance and emergency medical help (SPGDT).',
      hours: '24 hours, every day',
    },
    healing119: {
      name: 'healing119.id — Ministry of Health',
      description: 'Psychological first aid and crisis support from the Ministry of Health, online.',
      hours: 'Online; see the website for hours',
    },
    kemenkes_119_8: {
      name: 'Mental-health line 119 extension 8',
      description:
        'Call 119, then press 8 for the Ministry of Health’s mental-health service. You may have to wait your turn.',
      hours: 'Office hours',
    },
    hospital_ed: {
      name: 'Nearest hospital emergency department',
      description:
        'The emergency department (IGD) helps with a mental-health crisis at any time. In an emergency no BPJS referral letter is needed.',
      hours: '24 hours, every day',
    },
  },
  admin: {
    title: 'Help contacts',
    lead: 'The crisis and help contacts employees see behind the "I need help now" button and after a crisis answer. Check the numbers and hours regularly.',
    list_title: 'Contacts',
    list_lead: 'Emergency numbers always come first. The order sets the position within the same kind.',
    preset: 'National default',
    inactive: 'Inactive',
    edit: 'Edit',
    edit_label: 'Edit contact {{name}}',
    preset_edit_note:
      'This is a national default whose texts exist in both languages. If you change its kind, name, description, number, website or hours, it becomes your agency’s own contact and is shown exactly as you write it, in any language. Changing only the order does not.',
    deactivate: 'Deactivate',
    activate: 'Reactivate',
    deactivate_title: 'Deactivate {{name}}?',
    deactivate_body: 'Employees will no longer see this contact. You can reactivate it at any time.',
    deactivated: '{{name}} has been deactivated.',
    activated: '{{name}} is active again.',
    saved: 'Changes to {{name}} are saved.',
    added: '{{name}} has been added.',
    add_title: 'Add a contact',
    add_submit: 'Add contact',
    fields: {
      kind: 'Kind',
      name: 'Name',
      description: 'Description',
      phone: 'Phone number',
      url: 'Website',
      hours: 'Hours',
      sort_order: 'Order',
    },
    phone_hint: 'A number that can be called directly, for example 0274 123456 or 112.',
    url_hint: 'The full address starting with https://.',
    hours_hint: 'For example: Monday–Friday 07:30–16:00 WIB, or 24 hours.',
    sort_hint: 'Smaller numbers come first.',
  },
  outreach: {
    title: 'Disclosed safety outreach',
    on: 'On',
    off: 'Off',
    what: 'This setting decides what happens when an employee answers the question about thoughts of ending their life or hurting themselves (PHQ-9 item 9, SRQ-20 item 17).',
    when_on:
      'When on: the agency’s duty counsellors are told and the answer goes into the urgent queue, even if the employee did not ask to be contacted, so a counsellor can reach out.',
    when_off:
      'When off: counsellors are told only when the employee asks to be contacted. The employee still sees the help contacts at once.',
    never: 'Whatever the setting, managers, HR and admins are never told.',
    consent:
      'The consent text employees read before every questionnaire changes with it, so they know before they answer (version {{on}} when on, {{off}} when off).',
    current_version: 'Consent text in force now: version {{version}}.',
    switch: 'Turn on disclosed safety outreach',
    save: 'Save setting',
    saved: 'The safety outreach setting is saved.',
    confirm_on_title: 'Turn on disclosed safety outreach?',
    confirm_on_body:
      'From now on, every answer about thoughts of ending one’s life is passed to the agency’s duty counsellors. Employees will read a new consent text that says so before every questionnaire.',
    confirm_on: 'Turn on',
    confirm_off_title: 'Turn off disclosed safety outreach?',
    confirm_off_body:
      'Duty counsellors will be told only when the employee asks to be contacted. The consent text before questionnaires goes back to the usual version.',
    confirm_off: 'Turn off',
  },
};
