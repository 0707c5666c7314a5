import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { confirmEmailChange } from '../../api/auth.api.js';
import { isApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import './auth.css';

type State = 'idle' | 'busy' | 'done' | 'dead' | 'failed';

/**
 * Opened from the notice an admin's change of email sends to the OLD address (decision 011). The
 * person confirms that the change was theirs, which lifts the 24-hour hold on password resets.
 * Nothing happens on opening the page: a mail scanner following the link confirms nothing.
 */
export function ConfirmEmailChangePage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const [state, setState] = useState<State>('idle');

  const confirm = async () => {
    setState('busy');
    try {
      await confirmEmailChange(token);
      setState('done');
    } catch (err) {
      setState(isApiError(err) && [400, 404, 410].includes(err.status) ? 'dead' : 'failed');
    }
  };

  return (
    <div className="narrow">
      <PageHeader
        title={t('auth.confirm_email_change.title')}
        lead={state === 'done' ? undefined : t('auth.confirm_email_change.lead')}
      />
      {state === 'done' ? (
        <Alert tone="success" title={t('auth.confirm_email_change.done_title')}>
          <p>{t('auth.confirm_email_change.done_body')}</p>
        </Alert>
      ) : state === 'dead' ? (
        <Alert tone="warning" title={t('auth.confirm_email_change.dead_title')}>
          <p>{t('auth.confirm_email_change.dead_body')}</p>
        </Alert>
      ) : (
        <div className="card stack">
          <p>{t('auth.confirm_email_change.yes_explained')}</p>
          <Button busy={state === 'busy'} onClick={() => void confirm()}>
            {t('auth.confirm_email_change.confirm')}
          </Button>
          <Alert tone="info" live={false} title={t('auth.confirm_email_change.not_me_title')}>
            <p>{t('auth.confirm_email_change.not_me_body')}</p>
          </Alert>
          {state === 'failed' && <Alert tone="error">{t('auth.confirm_email_change.failed')}</Alert>}
        </div>
      )}
      <p>
        <Link to="/sign-in">{t('auth.links.to_sign_in')}</Link>
      </p>
    </div>
  );
}
