import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { clearPersonalData } from '../../api/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { TokenLinkFallback, TokenPasswordForm, useTokenLink } from './token-pages.js';
import './auth.css';

/** A new password from a reset link; every session ends and the person signs in again. */
export function ResetPasswordPage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = useTokenLink('password-reset', token);

  if (!link.data) {
    return (
      <TokenLinkFallback link={link} deadTitle={t('auth.reset.dead_title')}>
        <p>{t('auth.reset.dead_body')}</p>
        <p>
          <Link to="/reset-password">{t('auth.reset.request_new')}</Link>
        </p>
      </TokenLinkFallback>
    );
  }

  const reset = async (password: string) => {
    await link.calls.resetPassword(password);
    // Every session of the account has ended, this browser's included.
    clearPersonalData(queryClient);
    await navigate('/sign-in', { replace: true, state: { notice: 'password_reset' } });
  };

  return (
    <div className="narrow">
      <PageHeader title={t('auth.reset.title')} lead={t('auth.reset.lead', { name: link.data.fullName })} />
      <TokenPasswordForm idPrefix="reset" link={link} submitLabel={t('auth.reset.submit')} send={reset} />
    </div>
  );
}
