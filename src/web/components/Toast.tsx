import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n.js';

/** How long a confirmation stays on screen; it can be closed sooner, and is announced at once. */
const SHOW_MS = 8_000;

/**
 * A short confirmation ("saved", "deleted") floating at the bottom of the screen. The live region
 * is always in the page, so screen readers announce each message as it appears.
 */
export function Toast({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  const { t } = useT();
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(onDismiss, SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="toast-region" role="status">
      {message && (
        <div className="toast">
          <p className="toast__message">{message}</p>
          <button type="button" className="toast__close" onClick={onDismiss}>
            {t('common.actions.close')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The message a page's Toast shows, and how to show or dismiss one. */
export function useToast() {
  const [message, setMessage] = useState<string | null>(null);
  const dismiss = useCallback(() => setMessage(null), []);
  return { message, show: setMessage, dismiss };
}
