import { CONSENT_TEXTS } from '../../domain/assessments/consent.js';
import { PURPOSE_TEXTS } from '../../domain/data-rights/purposes.js';
import type { MessageKey } from '../i18n.js';

/**
 * Every consent text a person can have agreed to, by its recorded version: what it is called, its
 * version number and its paragraphs. A new version gets new keys, never edited ones, so a record
 * always points at the words the person saw. People read the name and the number ("Persetujuan
 * cek diri, versi 1"), never the version id.
 */
export const CONSENT_TEXT_VERSIONS: Record<
  string,
  { name: MessageKey; number: number; paragraphs: readonly MessageKey[] }
> = {
  [CONSENT_TEXTS.self_assessment]: {
    name: 'my_data.consent_texts.names.self_assessment',
    number: 1,
    paragraphs: [
      'assessments.consent.self_assessment.private',
      'assessments.consent.self_assessment.not_diagnosis',
      'assessments.consent.self_assessment.voluntary',
      'assessments.consent.self_assessment.crisis',
      'assessments.consent.self_assessment.campaign',
    ],
  },
  [CONSENT_TEXTS.self_assessment_outreach]: {
    name: 'my_data.consent_texts.names.self_assessment_outreach',
    number: 1,
    paragraphs: [
      'assessments.consent.self_assessment.private',
      'assessments.consent.self_assessment.not_diagnosis',
      'assessments.consent.self_assessment.voluntary',
      'assessments.consent.self_assessment_outreach.crisis',
      'assessments.consent.self_assessment.campaign',
    ],
  },
  [CONSENT_TEXTS.share_result]: {
    name: 'my_data.consent_texts.names.share_result',
    number: 1,
    paragraphs: [
      'assessments.consent.share_result.what',
      'assessments.consent.share_result.reads',
      'assessments.consent.share_result.revoke',
      'assessments.consent.share_result.nobody_else',
    ],
  },
  [PURPOSE_TEXTS.store_results]: {
    name: 'my_data.consent_texts.names.store_results',
    number: 1,
    paragraphs: ['my_data.purposes.store_results.text'],
  },
  [PURPOSE_TEXTS.campaign_participation]: {
    name: 'my_data.consent_texts.names.campaign_participation',
    number: 1,
    paragraphs: ['my_data.purposes.campaign_participation.text'],
  },
  [PURPOSE_TEXTS.email_notifications]: {
    name: 'my_data.consent_texts.names.email_notifications',
    number: 1,
    paragraphs: ['my_data.purposes.email_notifications.text'],
  },
};

/** Where a person reads the exact words of a consent version they agreed to. */
export const consentTextPath = (version: string) => `/profile/privacy/consents/${encodeURIComponent(version)}`;
