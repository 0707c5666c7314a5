import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../api/auth.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { loadAuthContract, prefetchAuthContract } from './auth-contract.js';
import './auth.css';

/**
 * "Forgot password": always the same neutral confirmation, whether or not the account exists,
 * so the form cannot be used to find out who has an account.
 */
export function ResetRequestPage() {
  const { t } = useT();
  const form = useForm('reset-request', { identifier: '' });
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { resetRequestBody } = await loadAuthContract();
      const body = form.validate(resetRequestBody, form.values);
      if (!body) return;
      await requestPasswordReset(body);
      setSent(true);
    } catch (err) {
      form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeader title={t('auth.reset_request.title')} lead={sent ? undefined : t('auth.reset_request.lead')} />
      {sent ? (
        <>
          <Alert tone="success" title={t('auth.reset_request.sent_title')}>
            <p>{t('auth.reset_request.sent_body')}</p>
            <p>{t('auth.reset_request.sent_help')}</p>
          </Alert>
          <p>
            <Link to="/sign-in">{t('auth.links.to_sign_in')}</Link>
          </p>
        </>
      ) : (
        <form className="card form" onSubmit={(e) => void submit(e)} onFocus={prefetchAuthContract} noValidate>
          <FormErrorSummary {...form.summary} labels={{ identifier: t('auth.fields.identifier') }} />
          <TextField
            {...form.field('identifier')}
            label={t('auth.fields.identifier')}
            hint={t('auth.reset_request.hint')}
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
          />
          <Button type="submit" busy={busy}>
            {t('auth.reset_request.submit')}
          </Button>
          <p>
            <Link to="/sign-in">{t('auth.links.back_to_sign_in')}</Link>
          </p>
        </form>
      )}
    </div>
  );
}
