import { useState } from 'react';
import { Button, ButtonRow } from '../Button.js';
import { useT } from '../../i18n.js';
import './auth.css';

/** Ten single-use codes, with copy and download. Shown once: the server keeps only hashes. */
export function RecoveryCodes({ codes, owner }: { codes: readonly string[]; owner: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const text = [t('auth.recovery.file_title', { name: owner }), t('auth.recovery.file_note'), '', ...codes, ''].join(
    '\n',
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('auth.recovery.file_name');
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="recovery-codes">
      <ol className="recovery-codes__list" aria-label={t('auth.recovery.list_label')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <ButtonRow>
        <Button variant="secondary" onClick={() => void copy()}>
          {t('auth.recovery.copy')}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t('auth.recovery.download')}
        </Button>
      </ButtonRow>
      <p role="status" className="small">
        {copied === 'copied' ? t('auth.recovery.copied') : copied === 'failed' ? t('auth.recovery.copy_failed') : ''}
      </p>
    </div>
  );
}
