import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { refreshSession } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Loading } from '../../components/Spinner.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../app/use-format.js';
import { checkNewPassword, NewPasswordFields } from './password.js';
import { destinationFor, type Stage } from './stage.js';
import { DeadLinkPage, isDeadLink, TokenLoadError, type TokenInfo } from './token-pages.js';

/** Accepting an invitation: who it is for, then a first password; signs the person in. */
export function InvitePage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fmt = useFormat();
  const info = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<TokenInfo>(`/api/v1/auth/invitations/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Infinity,
  });
  const form = useForm('invite', { password: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [gone, setGone] = useState(false);

  if (info.isPending) return <Loading />;
  if (gone || isDeadLink(info.error)) {
    return (
      <DeadLinkPage title={t('auth.invite.dead_title')}>
        <p>{t('auth.invite.dead_body')}</p>
        <p>{t('auth.invite.dead_next')}</p>
      </DeadLinkPage>
    );
  }
  if (info.error || !info.data) return <TokenLoadError error={info.error} onRetry={() => void info.refetch()} />;
  const invitation = info.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkNewPassword(form.values.password, form.values.confirm);
    if (Object.keys(problems).length > 0) return form.fail(problems);
    setBusy(true);
    try {
      const result = await api.post<{ stage: Stage }>(
        `/api/v1/auth/invitations/${encodeURIComponent(token)}/accept`,
        { password: form.values.password },
        { idempotencyKey: false, handleAuth: false },
      );
      await refreshSession(queryClient);
      await navigate(destinationFor(result.stage), { replace: true });
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.status === 410) setGone(true);
      else form.showServerError(err);
    }
  };

  return (
    <div className="narrow">
      <PageHeader
        eyebrow={invitation.agencyName}
        title={t('auth.invite.title', { name: invitation.fullName })}
        lead={t('auth.invite.lead', { agency: invitation.agencyName })}
      />
      <Alert tone="info" live={false}>
        <p>{t('auth.invite.privacy')}</p>
      </Alert>
      {invitation.twoFactorRequired && (
        <Alert tone="warning" live={false}>
          <p>{t('auth.invite.two_factor_note')}</p>
        </Alert>
      )}
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrorSummary
          idPrefix={form.idPrefix}
          errors={form.errors}
          formError={form.formError}
          attempt={form.attempt}
          labels={{ password: t('auth.fields.new_password'), confirm: t('auth.fields.confirm_password') }}
        />
        <NewPasswordFields password={form.field('password')} confirm={form.field('confirm')} passwordLabel={t('auth.fields.choose_password')} />
        <p className="muted small">{t('auth.invite.expires', { when: fmt.dateTime(invitation.expiresAt) })}</p>
        <Button type="submit" busy={busy}>
          {t('auth.invite.submit')}
        </Button>
      </form>
    </div>
  );
}
