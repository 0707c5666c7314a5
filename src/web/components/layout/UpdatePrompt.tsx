import { useState } from 'react';
import { useT } from '../../i18n.js';
import { useWaitingUpdate } from '../../lib/app-update.js';

/** "A new version is available — reload": shown when the service worker holds a newer app. */
export function UpdatePrompt() {
  const { t } = useT();
  const apply = useWaitingUpdate();
  const [busy, setBusy] = useState(false);
  if (!apply) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('shell.update.available')}</span>
      <button
        type="button"
        className="btn btn--primary btn--small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void apply();
        }}
      >
        {t('shell.update.reload')}
      </button>
    </div>
  );
}
