import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { signIn } from '../../api/auth.api.js';
import { isApiError } from '../../api/client.js';
import { takeSessionEnded } from '../../lib/auth-events.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PasswordField, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT, type MessageKey } from '../../i18n.js';
import { loadAuthContract, prefetchAuthContract } from './auth-contract.js';
import { useGoToStage } from './stage.js';
import './auth.css';

type Notice = 'signed_out' | 'session_expired' | 'password_reset' | 'signed_out_everywhere';
const NOTICES: Record<Notice, MessageKey> = {
  signed_out: 'auth.notices.signed_out',
  session_expired: 'auth.notices.session_expired',
  password_reset: 'auth.notices.password_reset',
  signed_out_everywhere: 'auth.notices.signed_out_everywhere',
};

/** Counts down the seconds the server asked us to wait after too many attempts. */
function useCountdown() {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) setUntil(null);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  const seconds = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  const start = (s: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(at + s * 1000);
  };
  return { seconds, start };
}

export function SignInPage() {
  const { t } = useT();
  const location = useLocation();
  const goToStage = useGoToStage();
  const state = (location.state ?? {}) as { from?: string; notice?: Notice };
  const form = useForm('sign-in', { identifier: '', password: '' });
  const [busy, setBusy] = useState(false);
  const wait = useCountdown();

  useEffect(() => {
    takeSessionEnded();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { signInBody } = await loadAuthContract();
      const body = form.validate(signInBody, form.values);
      if (!body) {
        setBusy(false);
        return;
      }
      const result = await signIn(body);
      await goToStage({ stage: result.stage, from: state.from });
    } catch (err) {
      if (isApiError(err) && err.status === 429) wait.start(err.retryAfterSeconds ?? 60);
      form.showServerError(err);
      setBusy(false);
    }
  };

  const notice = state.notice ? NOTICES[state.notice] : null;
  return (
    <div className="narrow">
      <PageHeader title={t('auth.sign_in.title')} lead={t('auth.sign_in.lead')} />
      {notice && <Alert tone={state.notice === 'session_expired' ? 'warning' : 'success'}>{t(notice)}</Alert>}
      <form className="card form" onSubmit={(e) => void submit(e)} onFocus={prefetchAuthContract} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{ identifier: t('auth.fields.identifier'), password: t('auth.fields.password') }}
        />
        <TextField
          {...form.field('identifier')}
          label={t('auth.fields.identifier')}
          hint={t('auth.sign_in.identifier_hint')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
        />
        <PasswordField {...form.field('password')} label={t('auth.fields.password')} autoComplete="current-password" />
        <Button type="submit" busy={busy} disabled={wait.seconds > 0}>
          {wait.seconds > 0 ? t('auth.sign_in.wait', { seconds: wait.seconds }) : t('auth.sign_in.submit')}
        </Button>
        <p>
          <Link to="/reset-password">{t('auth.sign_in.forgot')}</Link>
        </p>
      </form>
      <p className="muted small">{t('auth.sign_in.no_account')}</p>
    </div>
  );
}
