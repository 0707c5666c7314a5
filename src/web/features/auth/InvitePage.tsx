import { useParams } from 'react-router';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { useGoToStage } from './stage.js';
import { TokenLinkFallback, TokenPasswordForm, useTokenLink } from './token-pages.js';
import './auth.css';

/** Accepting an invitation: who it is for, then a first password; signs the person in. */
export function InvitePage() {
  const { t } = useT();
  const { token = '' } = useParams();
  const goToStage = useGoToStage();
  const fmt = useFormat();
  const link = useTokenLink('invitation', token);

  if (!link.data) {
    return (
      <TokenLinkFallback link={link} deadTitle={t('auth.invite.dead_title')}>
        <p>{t('auth.invite.dead_body')}</p>
        <p>{t('auth.invite.dead_next')}</p>
      </TokenLinkFallback>
    );
  }
  const invitation = link.data;

  const accept = async (password: string) => {
    const result = await link.calls.acceptInvitation(password);
    await goToStage({ stage: result.stage });
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
      <TokenPasswordForm
        idPrefix="invite"
        link={link}
        passwordLabel={t('auth.fields.choose_password')}
        submitLabel={t('auth.invite.submit')}
        note={<p className="muted small">{t('auth.invite.expires', { when: fmt.dateTime(invitation.expiresAt) })}</p>}
        send={accept}
      />
    </div>
  );
}
