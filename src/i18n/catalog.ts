/**
 * The message catalog: one file per area and language. Add an area by adding its two files and
 * one line per language below.
 */
import { common as id_common } from './id/common.js';
import { shell as id_shell } from './id/shell.js';
import { auth as id_auth } from './id/auth.js';
import { setup as id_setup } from './id/setup.js';
import { home as id_home } from './id/home.js';
import { profile as id_profile } from './id/profile.js';
import { org as id_org } from './id/org.js';
import { imports as id_imports } from './id/imports.js';
import { audit as id_audit } from './id/audit.js';
import { agency as id_agency } from './id/agency.js';
import { platform as id_platform } from './id/platform.js';
import { errors as id_errors } from './id/errors.js';
import { validation as id_validation } from './id/validation.js';
import { email as id_email } from './id/email.js';
import { counselling as id_counselling } from './id/counselling.js';
import { campaigns as id_campaigns } from './id/campaigns.js';
import { help as id_help } from './id/help.js';
import { assessments as id_assessments } from './id/assessments.js';
import { instrument_labels as id_instrument_labels } from './id/instrument-labels.js';
import { safety_plan as id_safety_plan } from './id/safety-plan.js';
import { selfcare as id_selfcare } from './id/selfcare.js';
import { plan as id_plan } from './id/plan.js';
// My data (docs/decisions/013-data-rights.md).
import { my_data as id_my_data } from './id/my-data.js';
import { common as en_common } from './en/common.js';
import { shell as en_shell } from './en/shell.js';
import { auth as en_auth } from './en/auth.js';
import { setup as en_setup } from './en/setup.js';
import { home as en_home } from './en/home.js';
import { profile as en_profile } from './en/profile.js';
import { org as en_org } from './en/org.js';
import { imports as en_imports } from './en/imports.js';
import { audit as en_audit } from './en/audit.js';
import { agency as en_agency } from './en/agency.js';
import { platform as en_platform } from './en/platform.js';
import { errors as en_errors } from './en/errors.js';
import { validation as en_validation } from './en/validation.js';
import { email as en_email } from './en/email.js';
import { counselling as en_counselling } from './en/counselling.js';
import { campaigns as en_campaigns } from './en/campaigns.js';
import { help as en_help } from './en/help.js';
import { assessments as en_assessments } from './en/assessments.js';
import { instrument_labels as en_instrument_labels } from './en/instrument-labels.js';
import { safety_plan as en_safety_plan } from './en/safety-plan.js';
import { selfcare as en_selfcare } from './en/selfcare.js';
import { plan as en_plan } from './en/plan.js';
// My data (docs/decisions/013-data-rights.md).
import { my_data as en_my_data } from './en/my-data.js';
// Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md).
import { dpo as id_dpo } from './id/dpo.js';
import { dpo as en_dpo } from './en/dpo.js';
import { notifications as id_notifications } from './id/notifications.js';
import { notifications as en_notifications } from './en/notifications.js';
// Work-hour boundaries (docs/boundaries.md).
import { boundaries as id_boundaries } from './id/boundaries.js';
import { boundaries as en_boundaries } from './en/boundaries.js';
// Guided exercises and the psycho-education library (docs/decisions/034-psycho-education-library.md).
import { exercises as id_exercises } from './id/exercises.js';
import { exercises as en_exercises } from './en/exercises.js';
import { learn as id_learn } from './id/learn.js';
import { learn as en_learn } from './en/learn.js';
// Daily check-ins (docs/decisions/032-check-ins.md).
import { checkin as id_checkin } from './id/checkin.js';
import { checkin as en_checkin } from './en/checkin.js';
// Counsellors, availability and booking (docs/decisions/040-booking.md).
import { booking as id_booking } from './id/booking.js';
import { booking as en_booking } from './en/booking.js';
// Session notes and break-glass (docs/decisions/041-session-notes.md).
import { notes as id_notes } from './id/notes.js';
import { notes as en_notes } from './en/notes.js';
// Counselling consent and the client's record (docs/decisions/042-counselling-consent.md).
import { consent as id_consent } from './id/consent.js';
import { consent as en_consent } from './en/consent.js';
import { client_record as id_client_record } from './id/client-record.js';
import { client_record as en_client_record } from './en/client-record.js';
// Referrals on the BPJS path (docs/decisions/044-referrals.md).
import { referrals as id_referrals } from './id/referrals.js';
import { referrals as en_referrals } from './en/referrals.js';
// Peer groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md).
import { peer_groups as id_peer_groups } from './id/peer-groups.js';
import { peer_groups as en_peer_groups } from './en/peer-groups.js';
import { committee as id_committee } from './id/committee.js';
import { committee as en_committee } from './en/committee.js';
import { focus_groups as id_focus_groups } from './id/focus-groups.js';
import { focus_groups as en_focus_groups } from './en/focus-groups.js';
import { return_to_work as id_return_to_work } from './id/return-to-work.js';
import { return_to_work as en_return_to_work } from './en/return-to-work.js';
// Climate surveys (docs/decisions/048-climate-surveys.md).
import { surveys as id_surveys } from './id/surveys.js';
import { surveys as en_surveys } from './en/surveys.js';
// The anonymous suggestion box (docs/decisions/052-suggestion-box.md).
import { suggestions as id_suggestions } from './id/suggestions.js';
import { suggestions as en_suggestions } from './en/suggestions.js';
// Survey results published to staff and action plans (docs/decisions/051-survey-publication-and-actions.md).
import { survey_actions as id_survey_actions } from './id/survey-actions.js';
import { survey_actions as en_survey_actions } from './en/survey-actions.js';
import type { Locale } from './locales.js';
import type { Translation } from './shape.js';

const id = {
  common: id_common,
  shell: id_shell,
  auth: id_auth,
  setup: id_setup,
  home: id_home,
  profile: id_profile,
  org: id_org,
  imports: id_imports,
  audit: id_audit,
  agency: id_agency,
  platform: id_platform,
  errors: id_errors,
  validation: id_validation,
  email: id_email,
  counselling: id_counselling,
  campaigns: id_campaigns,
  help: id_help,
  assessments: id_assessments,
  instrument_labels: id_instrument_labels,
  safety_plan: id_safety_plan,
  selfcare: id_selfcare,
  plan: id_plan,
  // My data (docs/decisions/013-data-rights.md).
  my_data: id_my_data,
  // Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md).
  dpo: id_dpo,
  notifications: id_notifications,
  boundaries: id_boundaries,
  exercises: id_exercises,
  learn: id_learn,
  checkin: id_checkin,
  booking: id_booking,
  notes: id_notes,
  consent: id_consent,
  client_record: id_client_record,
  referrals: id_referrals,
  peer_groups: id_peer_groups,
  committee: id_committee,
  focus_groups: id_focus_groups,
  return_to_work: id_return_to_work,
  surveys: id_surveys,
  suggestions: id_suggestions,
  survey_actions: id_survey_actions,
};

const en = {
  common: en_common,
  shell: en_shell,
  auth: en_auth,
  setup: en_setup,
  home: en_home,
  profile: en_profile,
  org: en_org,
  imports: en_imports,
  audit: en_audit,
  agency: en_agency,
  platform: en_platform,
  errors: en_errors,
  validation: en_validation,
  email: en_email,
  counselling: en_counselling,
  campaigns: en_campaigns,
  help: en_help,
  assessments: en_assessments,
  instrument_labels: en_instrument_labels,
  safety_plan: en_safety_plan,
  selfcare: en_selfcare,
  plan: en_plan,
  // My data (docs/decisions/013-data-rights.md).
  my_data: en_my_data,
  // Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md).
  dpo: en_dpo,
  notifications: en_notifications,
  boundaries: en_boundaries,
  exercises: en_exercises,
  learn: en_learn,
  checkin: en_checkin,
  booking: en_booking,
  notes: en_notes,
  consent: en_consent,
  client_record: en_client_record,
  referrals: en_referrals,
  peer_groups: en_peer_groups,
  committee: en_committee,
  focus_groups: en_focus_groups,
  return_to_work: en_return_to_work,
  surveys: en_surveys,
  suggestions: en_suggestions,
  survey_actions: en_survey_actions,
};

export type Messages = Translation<typeof id>;

export const catalogs: Record<Locale, Messages> = { id, en };
