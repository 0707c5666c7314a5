import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { useT } from '../../../i18n.js';

/**
 * Warns before unsaved changes are lost: the browser's own question when the tab closes or
 * reloads, and a confirmation when a link inside the app is followed (the app's router has no
 * blocker, so links are caught on their way, before the router sees them).
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [leavingTo, setLeavingTo] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(`${url.pathname}${url.search}${url.hash}`);
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  return (
    <ConfirmDialog
      open={leavingTo !== null}
      title={t('surveys.builder.leave_title')}
      confirmLabel={t('surveys.builder.leave_confirm')}
      cancelLabel={t('surveys.builder.stay')}
      tone="danger"
      onCancel={() => setLeavingTo(null)}
      onConfirm={() => {
        const to = leavingTo;
        setLeavingTo(null);
        if (to) void navigate(to);
      }}
    >
      <p>{t('surveys.builder.leave_body')}</p>
    </ConfirmDialog>
  );
}
