import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Toast, useToast } from '../../components/Toast.js';
import { useT, type MessageKey } from '../../i18n.js';

const SCRIPTS = ['delegate', 'renegotiate', 'say_no'] as const;

/** /plan/scripts: short, copyable words for delegating, renegotiating a deadline and saying no. */
export function ScriptsPage() {
  const { t } = useT();
  const toast = useToast();
  const [failed, setFailed] = useState<string | null>(null);
  const copy = async (key: (typeof SCRIPTS)[number]) => {
    setFailed(null);
    try {
      await navigator.clipboard.writeText(t(`plan.scripts.${key}.text` as MessageKey));
      toast.show(t('plan.scripts.copied'));
    } catch {
      setFailed(key);
    }
  };
  return (
    <>
      <PageHeader title={t('plan.scripts.title')} lead={t('plan.scripts.lead')} />
      <ul className="scripts">
        {SCRIPTS.map((key) => (
          <li key={key} className="card script">
            <h2 id={`script-${key}`}>{t(`plan.scripts.${key}.title` as MessageKey)}</h2>
            <p className="muted">{t(`plan.scripts.${key}.when` as MessageKey)}</p>
            <blockquote className="script__text" id={`script-${key}-text`}>
              {t(`plan.scripts.${key}.text` as MessageKey)}
            </blockquote>
            <Button variant="secondary" size="small" aria-describedby={`script-${key}`} onClick={() => void copy(key)}>
              {t('plan.scripts.copy')}
            </Button>
            {failed === key && (
              <p className="field__error" role="alert">
                {t('plan.scripts.copy_failed')}
              </p>
            )}
          </li>
        ))}
      </ul>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
