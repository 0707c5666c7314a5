import { CONSENT_TEXTS } from '../../../domain/assessments/consent.js';
import { useT, type MessageKey } from '../../i18n.js';

/** The paragraphs of each consent text, by version: a new version gets new keys, never edited ones. */
const PARAGRAPHS: Record<string, readonly MessageKey[]> = {
  [CONSENT_TEXTS.self_assessment]: [
    'assessments.consent.self_assessment.private',
    'assessments.consent.self_assessment.not_diagnosis',
    'assessments.consent.self_assessment.voluntary',
    'assessments.consent.self_assessment.crisis',
    'assessments.consent.self_assessment.campaign',
  ],
  [CONSENT_TEXTS.self_assessment_outreach]: [
    'assessments.consent.self_assessment.private',
    'assessments.consent.self_assessment.not_diagnosis',
    'assessments.consent.self_assessment.voluntary',
    'assessments.consent.self_assessment_outreach.crisis',
    'assessments.consent.self_assessment.campaign',
  ],
  [CONSENT_TEXTS.share_result]: [
    'assessments.consent.share_result.what',
    'assessments.consent.share_result.reads',
    'assessments.consent.share_result.revoke',
    'assessments.consent.share_result.nobody_else',
  ],
};

/** A consent text exactly as versioned: the person agrees to these words, and the version is recorded. */
export function ConsentText({ version, id }: { version: string; id?: string }) {
  const { t } = useT();
  const paragraphs = PARAGRAPHS[version] ?? [];
  return (
    <ul className="consent-text" id={id} data-consent-version={version}>
      {paragraphs.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}
