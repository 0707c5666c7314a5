import { CONSENT_TEXT_VERSIONS } from '../../lib/consent-texts.js';
import { useT } from '../../i18n.js';

/** A consent text exactly as versioned: the person agrees to these words, and the version is recorded. */
export function ConsentText({ version, id }: { version: string; id?: string }) {
  const { t } = useT();
  const paragraphs = CONSENT_TEXT_VERSIONS[version]?.paragraphs ?? [];
  return (
    <ul className="consent-text" id={id} data-consent-version={version}>
      {paragraphs.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}
