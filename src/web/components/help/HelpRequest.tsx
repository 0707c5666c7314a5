import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ContactRequestBody } from '../../../contracts/help.js';
import { isApiError, newIdempotencyKey } from '../../api/client.js';
import { Alert } from '../Alert.js';
import { useT } from '../../i18n.js';
import { ContactRequestForm } from './ContactRequestForm.js';
import { myHelpRequestsQuery, sendHelpRequest } from '../../api/help.api.js';
import './help.css';

/** The calm confirmation after a request: what happens next, and what to do if it gets worse. */
export function RequestReceived({ method }: { method: ContactRequestBody['method'] }) {
  const { t } = useT();
  return (
    <Alert tone="success" title={t('help.request.received_title')}>
      <p>{t(`help.request.received_body.${method}`)}</p>
      <p>{t('help.request.received_meanwhile')}</p>
    </Alert>
  );
}

/**
 * "Hubungi saya" on its own (the help page, or during a form): one submission key for this
 * request, reused when the person presses send again after a failure, so it is stored once.
 */
export function HelpRequest({
  idPrefix,
  onSent,
  autoFocus = false,
}: {
  idPrefix: string;
  onSent?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const submissionKey = useRef(newIdempotencyKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState<ContactRequestBody['method'] | null>(null);

  if (sent) return <RequestReceived method={sent} />;

  const send = async (body: ContactRequestBody) => {
    setBusy(true);
    setError(null);
    try {
      await sendHelpRequest({ ...body, submissionKey: submissionKey.current });
      setSent(body.method);
      // The home shows where the person's own request stands: read it again there.
      void queryClient.invalidateQueries({ queryKey: myHelpRequestsQuery.queryKey });
      onSent?.();
    } catch (err) {
      // A final refusal (not a lost connection) frees the key: the corrected request is a new one.
      if (!(isApiError(err) && err.isRetryable)) submissionKey.current = newIdempotencyKey();
      setError(isApiError(err) ? err.message : t('common.errors.unexpected'));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ContactRequestForm
      idPrefix={idPrefix}
      onSubmit={(body) => void send(body)}
      submitLabel={t('help.request.submit')}
      busy={busy}
      error={error}
      errorAttempt={attempt}
      autoFocus={autoFocus}
    />
  );
}
