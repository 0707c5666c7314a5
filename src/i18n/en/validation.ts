import type { validation as indonesian } from '../id/validation.js';
import type { Translation } from '../shape.js';

/** Field validation messages, used by the server and the web forms. */
export const validation: Translation<typeof indonesian> = {
  required: 'Required.',
  invalid_type: 'This field is not in the expected format.',
  string_too_short: 'At least {{minimum}} characters.',
  string_too_long: 'At most {{maximum}} characters.',
  number_too_small: 'The smallest allowed value is {{minimum}}.',
  number_too_big: 'The largest allowed value is {{maximum}}.',
  not_integer: 'Must be a whole number.',
  array_too_small: 'Choose at least {{minimum}}.',
  array_too_big: 'Choose at most {{maximum}}.',
  invalid_email: 'Not a valid email address.',
  invalid_option: 'Choose one of the available options.',
  invalid_format: 'The format is not right.',
  invalid_id: 'Not a valid identifier.',
  unrecognized_keys: 'Unknown fields: {{keys}}.',
  time_zone: 'Choose the WIB, WITA or WIT time zone.',
  phone: 'A phone number may hold digits, spaces, + and -, with 8–15 digits.',
  unit_code: 'A unit code may hold letters, digits, dots, underscores and hyphens.',
  totp_code: 'The code is the 6 digits shown in your authenticator app.',
  // Work-hour boundaries (docs/boundaries.md).
  boundaries: {
    time_format: 'Write the time as HH:MM, for example 09:00.',
    not_cuti_bersama: 'This date is not a cuti bersama. Only a cuti bersama can be made a working day.',
    already_holiday: 'This date is already a national holiday or cuti bersama.',
    ramadan_year: 'Ramadan must begin in the year being set.',
    ramadan_order: 'The last day of Ramadan cannot be before its first day.',
    ramadan_length: 'Ramadan lasts 29 or 30 days; please check the dates (28–31 days are accepted).',
    personal_order: 'The end time must be after the start time.',
    personal_too_short: 'Leave at least one hour so messages can still reach you.',
    personal_wider: "Your own hours can only narrow the agency's working hours (07:30–16:30).",
  },
  nip: {
    required: 'A NIP is required for PNS and PPPK staff.',
    not_digits: 'A NIP holds digits only.',
    wrong_length: 'A NIP has exactly 18 digits.',
    birth_date_invalid: 'The first 8 digits of a NIP must be a valid birth date (YYYYMMDD).',
    birth_date_in_future: 'The birth date in this NIP is in the future.',
    appointment_invalid: 'Digits 9–14 of a PNS NIP must be a valid year and month of CPNS appointment (YYYYMM).',
    appointment_before_adulthood: 'The appointment date in this NIP is too close to the birth date (minimum age 18).',
    appointment_in_future: 'The appointment year in this NIP is too far in the future.',
    pppk_before_2019: 'PPPK numbers began in 2019; digits 9–12 must be an appointment year of 2019 or later.',
    gender_digit_invalid: 'Digit 15 of a NIP is the gender code: 1 (male) or 2 (female).',
    sequence_zero: 'The last 3 digits of a NIP are a sequence number starting at 001.',
    not_allowed_for_non_asn: 'Non-ASN staff have no NIP; leave this field empty.',
  },
  import: {
    employment_type: 'The employment type must be PNS, PPPK or NON_ASN.',
    time_zone: 'The time zone must be WIB, WITA or WIT (or Asia/Jakarta, Asia/Makassar, Asia/Jayapura).',
    duplicate_nip: 'This NIP already appears in row {{row}}.',
    duplicate_email: 'This email address already appears in row {{row}}.',
    duplicate_code: 'This unit code already appears in row {{row}}.',
    nip_taken: 'This NIP is already registered in another agency.',
    email_taken: 'This email address is already used by someone else.',
    unit_not_found: 'Unit code "{{code}}" was not found in this agency. Import or create the unit first.',
    unit_inactive: 'Unit "{{code}}" is inactive.',
    parent_not_found: 'Parent unit code "{{code}}" is neither in this file nor in the agency.',
    parent_required: 'A parent unit code is required. Only the top-level unit may leave it empty.',
    parent_self: 'A unit cannot be its own parent.',
    root_unit_move: 'The top-level unit of the agency cannot be moved under another unit. Leave its parent code empty.',
    unit_cycle: 'These parent units go round in a circle: the unit would end up under one of its own sub-units.',
    manager_not_found: 'Nobody with manager NIP {{nip}} is in this file or in the agency.',
    manager_self: "The manager NIP is this person's own NIP.",
    manager_cycle: 'This reporting line goes round in a circle back to the same person.',
    depends_on_row: 'This row depends on row {{row}}, which still has problems.',
    number_lost_digits:
      'The spreadsheet stored this NIP as a number, so its last digits were lost. Format the column as Text and type the NIP again.',
    unreadable: {
      corrupt: 'the file is damaged or is not a valid XLSX file.',
      no_sheet: 'the file has no worksheet.',
      too_large: 'its contents are far larger than any normal worksheet.',
      csv_syntax: 'the CSV is malformed near line {{line}}.',
    },
    template: {
      sheet_units: 'Units',
      sheet_people: 'People',
      sheet_guide: 'Guide',
      column: 'Column',
      required: 'Required',
      description: 'Description',
      example: 'Example',
      yes: 'Yes',
      no: 'No',
      guide_header:
        'The first row holds the column headers; do not change them. Delete the example row before uploading.',
      guide_empty:
        'An optional column left empty clears the stored value. Remove the column if you do not want to change that data.',
      guide_csv:
        'Save as CSV UTF-8; comma and semicolon separators both work. Lines starting with # are ignored. If you open this file in Excel, format the NIP columns as Text so no digits are lost.',
      columns: {
        units: {
          kode_unit:
            "The unit's unique code in your agency, e.g. DINKES or DINKES.SEK: letters, digits, dots, underscores and hyphens. A unit whose code is already registered is updated.",
          nama_unit: "The unit's full name.",
          kode_unit_induk:
            'The code of the unit this one belongs to: a registered unit or another unit in this file. Leave empty only for the top-level unit.',
          zona_waktu: "WIB, WITA or WIT. When empty, a new unit takes its parent unit's time zone.",
        },
        people: {
          nip: 'NIP (PNS) or NI PPPK, 18 digits; spaces between groups are fine. Leave empty for non-ASN staff. A person whose NIP is already registered is updated.',
          nama_lengkap: 'Full name with titles, as written in the appointment decree.',
          jenis_kepegawaian: 'PNS, PPPK or NON_ASN.',
          email: 'Work email address, for invitations and password resets.',
          telepon: 'Phone or mobile number, 8–15 digits.',
          jabatan: 'Position title.',
          kode_unit:
            "Code of the person's unit. The unit must already be registered in Teduh; import units first if needed.",
          nip_atasan:
            'NIP of the direct manager: a registered person or another person in this file. Leave empty if there is none.',
        },
      },
      example_unit_name: 'Dinas Kesehatan',
      example_person_name: 'Budi Santoso, S.Kom.',
      example_position: 'Pranata Komputer Ahli Pertama',
    },
  },
  password: {
    too_short: 'Use at least 12 characters. A phrase of a few words is easy to remember and hard to guess.',
    too_long: 'Use at most 256 characters.',
    common: 'This password is too common or has appeared in a breach. Choose another.',
    repetitive: 'This password is too repetitive or sequential. Choose something less predictable.',
    contains_identity: 'Do not use your name, NIP or email in your password.',
    wrong_current: 'Your current password is wrong.',
    mismatch: 'The two passwords do not match.',
  },
  help: {
    contact_needs_phone_or_url: 'Give a phone number or a website so this contact can be reached.',
  },
  article: {
    title_too_short: 'The title needs at least 3 characters.',
    too_many_tags: 'At most 8 tags.',
  },
  check_in: {
    too_many_tags: 'At most 12 tags. Choose the ones that describe today best.',
    future_day: 'That date has not come yet. Check in for today or yesterday.',
    range_order: 'The start date must come before the end date.',
    range_too_long: 'The range can be at most {{days}} days.',
  },
  safety_plan: {
    empty: 'Fill in at least one thing in one of the sections before saving.',
    too_many_entries: 'This section has too many entries. Keep the most important ones and remove the rest.',
  },
  campaign: {
    closes_before_opens: 'The closing date cannot be before the opening date.',
    closes_in_past: 'The closing date has passed. Choose today or a later date.',
  },
  answers: {
    not_a_list: 'The answers must be a list of {{expected}} values.',
    wrong_length: 'This questionnaire has {{expected}} items; {{received}} were sent.',
    not_a_number: 'The answer to item {{item}} must be the number of an answer option.',
    not_an_option: 'The answer to item {{item}} is not one of the options ({{allowed}}).',
    required: 'Item {{item}} must be answered.',
    not_asked: 'Item {{item}} was not asked of you; leave it empty.',
  },
  // The DPO console (docs/decisions/012-separation-of-duties.md).
  invalid_datetime: 'Enter a valid date and time.',
  date_in_future: 'This time is in the future.',
  occurred_after_discovery: 'The time it happened cannot be after the time it was discovered.',
  retention_days: 'The retention must be a whole number of days between {{min}} and {{max}}.',
  selfcare: {
    weekdays_required: 'Choose at least one day.',
  },
  notes: {
    withheld_reason_required: "Write why this note is left out of the client's copy.",
    break_glass_reason_short: 'Write a clear reason of at least {{minimum}} characters.',
  },
  referrals: {
    bpjs_number: 'A BPJS Kesehatan card number has 13 digits.',
    self_to_fktp: 'A letter you write yourself goes to a Puskesmas or a primary clinic.',
  },
  booking: {
    end_before_start: 'The end must come after the start.',
    mode_required: 'Choose at least one way of meeting.',
  },
  plan: {
    end_before_start: 'The end time must be after the start time.',
    review_empty: 'Fill in at least one part of the review.',
    week_not_monday: 'A review week starts on a Monday.',
    too_many_blocks: 'A day holds at most {{max}} time blocks.',
  },
};
