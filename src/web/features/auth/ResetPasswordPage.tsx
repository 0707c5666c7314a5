import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { clearPersonalData } from '../../api/session.js';
import { Button } from '../../components/Button.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Loading } from '../../components/Spinner.js';
import { useT } from '../../i18n.js';
import { checkNewPassword, NewPasswordFields } from './password.js';
import { DeadLinkPage, isDeadLink, TokenLoadError, type TokenInfo } from './token-pages.js';

/** A new password from a reset link; every session ends and the person signs in again. */
export function ResetPasswordPage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const info = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.get<TokenInfo>(`/api/v1/auth/password-reset/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Infinity,
  });
  const form = useForm('reset', { password: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [gone, setGone] = useState(false);

  if (info.isPending) return <Loading />;
  if (gone || isDeadLink(info.error)) {
    return (
      <DeadLinkPage title={t('auth.reset.dead_title')}>
        <p>{t('auth.reset.dead_body')}</p>
        <p>
          <Link to="/reset-password">{t('auth.reset.request_new')}</Link>
        </p>
      </DeadLinkPage>
    );
  }
  if (info.error || !info.data) return <TokenLoadError error={info.error} onRetry={() => void info.refetch()} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkNewPassword(form.values.password, form.values.confirm);
    if (Object.keys(problems).length > 0) return form.fail(problems);
    setBusy(true);
    try {
      await api.post(`/api/v1/auth/password-reset/${encodeURIComponent(token)}`, { password: form.values.password }, { idempotencyKey: false, handleAuth: false });
      // Every session of the account has ended, this browser's included.
      clearPersonalData(queryClient);
      await navigate('/sign-in', { replace: true, state: { notice: 'password_reset' } });
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.status === 410) setGone(true);
      else form.showServerError(err);
    }
  };

  return (
    <div className="narrow">
      <PageHeader title={t('auth.reset.title')} lead={t('auth.reset.lead', { name: info.data.fullName })} />
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrorSummary
          idPrefix={form.idPrefix}
          errors={form.errors}
          formError={form.formError}
          attempt={form.attempt}
          labels={{ password: t('auth.fields.new_password'), confirm: t('auth.fields.confirm_password') }}
        />
        <NewPasswordFields password={form.field('password')} confirm={form.field('confirm')} />
        <Button type="submit" busy={busy}>
          {t('auth.reset.submit')}
        </Button>
      </form>
    </div>
  );
}
