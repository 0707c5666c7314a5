/**
 * Every action the audit log records. Listed in one place so the log's filter, its labels in
 * both languages and the code that writes entries agree.
 */
export const AUDIT_ACTIONS = [
  'setup.completed',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'auth.session_revoked',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.invitation_sent',
  'auth.invitation_accepted',
  'auth.two_factor_enabled',
  'auth.two_factor_disabled',
  'auth.two_factor_failed',
  'auth.recovery_code_used',
  'auth.recovery_codes_regenerated',
  'org.unit_created',
  'org.unit_updated',
  'org.person_created',
  'org.person_updated',
  'org.person_deactivated',
  'org.person_reactivated',
  'org.person_viewed',
  'org.role_granted',
  'org.role_revoked',
  'org.import_validated',
  'org.import_committed',
  'org.import_cancelled',
  'agency.settings_updated',
  'agency.outbox_viewed',
  'agency.help_contact_created',
  'agency.help_contact_updated',
  'agency.help_contact_deactivated',
  'agency.calendar_updated',
  'assessment.shared_result_viewed',
  'assessment.exported',
  'crisis.request_viewed',
  'crisis.request_acknowledged',
  'crisis.request_closed',
  'campaign.launched',
  'campaign.closed',
  'campaign.stats_viewed',
  'campaign.stats_exported',
  'survey.created',
  'survey.opened',
  'survey.closed',
  'survey.reopened',
  'survey.results_viewed',
  'survey.results_exported',
  // The suggestion box (docs/decisions/052-suggestion-box.md): releases, replies and hiding; never a send.
  'suggestion.released',
  'suggestion.replied',
  'suggestion.hidden',
  'suggestion.unhidden',
  // Publication of results and action plans (docs/decisions/051-survey-publication-and-actions.md).
  'survey.published',
  'survey.publication_updated',
  'survey.unpublished',
  'survey_action.created',
  'survey_action.updated',
  'survey_action.noted',
  'platform.agency_created',
  'platform.agency_updated',
  // My data (docs/decisions/013-data-rights.md): the person's own data-subject requests (no health value in any entry).
  'my_data.exported',
  'my_data.erased',
  'my_data.consent_withdrawn',
  'my_data.consent_granted',
  'my_data.correction_requested',
  'my_data.correction_resolved',
  // Account recovery (docs/decisions/011-account-recovery.md).
  'auth.recovery_hold_started',
  'auth.recovery_confirmed',
  'auth.password_reset_held',
  // Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md).
  'org.role_requested',
  'org.role_approved',
  'org.role_rejected',
  'org.role_request_withdrawn',
  'org.role_request_expired',
  'dpo.alert_acknowledged',
  'dpo.processing_activity_updated',
  'dpo.breach_recorded',
  'dpo.breach_updated',
  'dpo.retention_updated',
  'dpo.retention_run',
  // The psycho-education library (docs/decisions/034-psycho-education-library.md): writing only, reading is never recorded.
  'article.created',
  'article.updated',
  'article.published',
  'article.unpublished',
  'article.deleted',
  // Counselling bookings (docs/decisions/040-booking.md): a counsellor's read of their clients' bookings.
  'booking.appointments_viewed',
  'booking.appointment_confirmed',
  'booking.appointment_cancelled',
  // Session notes (docs/decisions/041-session-notes.md): every opening of a note, every save, break-glass, key rotation.
  'note.viewed',
  'note.saved',
  'note.break_glass_opened',
  'note.break_glass_viewed',
  'note.keys_rotated',
  // Notes handed to another counsellor with the client's consent (docs/decisions/050-notes-transfer.md).
  'note.transfer_viewed',
  // Counselling consent and the client's record (docs/decisions/042-counselling-consent.md).
  'consent.granted',
  'consent.revoked',
  'timeline.viewed',
  // The counsellor's workspace (docs/decisions/043-counsellor-workspace.md).
  'booking.appointment_completed',
  'booking.appointment_no_show',
  'booking.first_appointment_scheduled',
  'booking.caseload_viewed',
  // Referrals (docs/decisions/044-referrals.md): a counsellor's preparing, reading and updating of a
  // client's referral, with the client as subject (their access log reads them).
  'referral.prepared',
  'referral.list_viewed',
  'referral.clients_viewed',
  'referral.letter_downloaded',
  'referral.status_changed',
  // Peer groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md).
  'peer_group.created',
  'peer_group.updated',
  'peer_group.members_viewed',
  'return_plan.created',
  'return_plan.updated',
  'return_plan.viewed',
  'return_plan.agreed',
  'return_plan.share_changed',
  'return_plan.schedule_viewed',
  // The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md).
  'committee.member_added',
  'committee.member_updated',
  'committee.member_removed',
  'committee.meeting_scheduled',
  'committee.meeting_updated',
  'committee.minutes_saved',
  'committee.minutes_published',
  'focus_group.created',
  'focus_group.invited',
  'focus_group.participants_viewed',
  'focus_group.cancelled',
  'focus_group.summary_published',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Areas whose entries reveal a health fact about their subject (that a person shared a screening
 * result, or asked for urgent help). The subject and their own audit view may see these entries;
 * the agency's audit log shows them without the subject (docs/privacy.md §1.1: no individual health
 * datum reaches a manager or HR — and the fact of a crisis request is one).
 */
// A session note, a consent to a counsellor, a counsellor opening a client's record, a referral
// letter or a return-to-work plan tells that the person sees a counsellor (docs/decisions/041-session-notes.md,
// 042-counselling-consent.md, 044-referrals.md, 045-peer-groups-and-return-to-work.md).
export const HEALTH_AUDIT_AREAS = [
  'assessment',
  'crisis',
  'booking',
  'note',
  'consent',
  'timeline',
  'referral',
  'return_plan',
] as const;

/**
 * What a person does with their own health data (taking a copy, erasing results, giving or
 * withdrawing consent to keep them): by its mere existence such an entry tells that they use the
 * self-check, so the agency log shows it with neither actor nor subject. Correction requests are
 * not among them: the agency admin answers those by name.
 */
export const SELF_HEALTH_AUDIT_ACTIONS: readonly AuditAction[] = [
  'assessment.exported',
  'my_data.exported',
  'my_data.erased',
  'my_data.consent_withdrawn',
  'my_data.consent_granted',
];

/** Whether an entry of this action tells something about its subject's health. */
export function isHealthAuditAction(action: string): boolean {
  return (
    HEALTH_AUDIT_AREAS.some((area) => action.startsWith(`${area}.`)) ||
    (SELF_HEALTH_AUDIT_ACTIONS as readonly string[]).includes(action)
  );
}
