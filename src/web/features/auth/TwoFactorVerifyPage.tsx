import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { twoFactorVerifyBody } from '../../../contracts/auth.js';
import { verifyTwoFactor } from '../../api/auth.api.js';
import { isApiError } from '../../api/client.js';
import { useSession } from '../../api/session.js';
import { ToSignIn } from '../../components/layout/ToSignIn.js';
import { PublicLayout } from '../../components/layout/PublicLayout.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { CodeField } from './CodeField.js';
import { destinationFor, useGoToStage } from './stage.js';
import './auth.css';

/** The contract's two ways through this step, each checked on its own by the form. */
const [codeBody, recoveryBody] = twoFactorVerifyBody.options;

/** The second sign-in step: a code from the authenticator app, or one recovery code. */
export function TwoFactorVerifyPage() {
  const { data: session } = useSession();
  const location = useLocation();
  if (!session) return <ToSignIn />;
  if (session.stage !== 'two_factor') return <Navigate to={destinationFor(session.stage)} replace />;
  const from = (location.state as { from?: string } | null)?.from ?? null;
  return (
    <PublicLayout showSignOut>
      <TwoFactorVerifyForm from={from} />
    </PublicLayout>
  );
}

function TwoFactorVerifyForm({ from }: { from: string | null }) {
  const { t } = useT();
  const goToStage = useGoToStage();
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const form = useForm('two-factor', { code: '', recoveryCode: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body =
      mode === 'code'
        ? form.validate(codeBody, { code: form.values.code })
        : form.validate(recoveryBody, { recoveryCode: form.values.recoveryCode });
    if (!body) return;
    setBusy(true);
    try {
      await verifyTwoFactor(body);
      await goToStage({ from });
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.code === 'invalid_code')
        form.fail({ [mode === 'code' ? 'code' : 'recoveryCode']: err.message });
      else form.showServerError(err);
    }
  };

  const switchMode = () => {
    setMode((m) => (m === 'code' ? 'recovery' : 'code'));
    form.setErrors({});
    form.setFormError(null);
  };

  return (
    <div className="narrow">
      <PageHeader
        title={t('auth.two_factor.title')}
        lead={mode === 'code' ? t('auth.two_factor.lead_code') : t('auth.two_factor.lead_recovery')}
      />
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{ code: t('auth.fields.totp_code'), recoveryCode: t('auth.fields.recovery_code') }}
        />
        {mode === 'code' ? (
          <CodeField {...form.field('code')} />
        ) : (
          <TextField
            {...form.field('recoveryCode')}
            label={t('auth.fields.recovery_code')}
            hint={t('auth.two_factor.recovery_hint')}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
          />
        )}
        <Button type="submit" busy={busy}>
          {t('auth.two_factor.submit')}
        </Button>
        <p>
          <button type="button" className="link-button" onClick={switchMode}>
            {mode === 'code' ? t('auth.two_factor.use_recovery') : t('auth.two_factor.use_code')}
          </button>
        </p>
      </form>
    </div>
  );
}
