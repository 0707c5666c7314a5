import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { twoFactorEnableBody } from '../../../contracts/auth.js';
import { enableTwoFactor, twoFactorEnrolmentKey, twoFactorEnrolmentQuery } from '../../api/auth.api.js';
import { isApiError } from '../../api/client.js';
import { refreshSession, useSession, type Session } from '../../api/session.js';
import { ToSignIn } from '../../components/layout/ToSignIn.js';
import { PublicLayout } from '../../components/layout/PublicLayout.js';
import { Shell } from '../../components/layout/Shell.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { CodeField } from './CodeField.js';
import { RecoveryCodes } from '../../components/auth/RecoveryCodes.js';
import { destinationFor } from './stage.js';
import './auth.css';

/** An SVG string as a data: URL for <img> (the CSP allows data: images; no markup is injected). */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** "JBSW Y3DP EHPK 3PXP": groups of four are easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * Two-factor enrolment. Reached right after sign-in when a role requires it (no shell then:
 * nothing else is open until it is done), or from the profile.
 */
export function TwoFactorSetupPage() {
  const { data: session } = useSession();
  const location = useLocation();
  // Chosen once: a session refetch after enabling must not swap the frame and lose the codes.
  const [framed] = useState(() => session?.stage === 'full');
  if (!session) return <ToSignIn />;
  if (session.stage === 'two_factor') return <Navigate to="/sign-in/two-factor" replace />;
  const from = (location.state as { from?: string } | null)?.from ?? null;
  const content = <TwoFactorSetup session={session} from={from} />;
  return framed ? <Shell>{content}</Shell> : <PublicLayout showSignOut>{content}</PublicLayout>;
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <section className="step" aria-labelledby={`step-${number}`}>
      <h2 id={`step-${number}`} className="step__title">
        <span className="step__number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      <div className="step__body">{children}</div>
    </section>
  );
}

function TwoFactorSetup({ session, from }: { session: Session; from: string | null }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [savedError, setSavedError] = useState<string | undefined>();
  const [continuing, setContinuing] = useState(false);
  const form = useForm('totp-enable', { code: '' });
  const [busy, setBusy] = useState(false);
  const alreadyOn = session.twoFactor.enabled && codes === null;

  const enrolment = useQuery({ ...twoFactorEnrolmentQuery(session.person.id), enabled: !alreadyOn && codes === null });

  if (alreadyOn) {
    return (
      <div className="narrow">
        <PageHeader title={t('auth.two_factor_setup.title')} />
        <Alert tone="success">{t('auth.two_factor_setup.already_on')}</Alert>
        <p>
          <Link to="/profile">{t('auth.two_factor_setup.to_profile')}</Link>
        </p>
      </div>
    );
  }

  const enable = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(twoFactorEnableBody, form.values);
    if (!body) return;
    setBusy(true);
    try {
      // No Idempotency-Key: the answer holds the recovery codes, which must not be stored.
      const result = await enableTwoFactor(body);
      setCodes(result.recoveryCodes);
      queryClient.removeQueries({ queryKey: twoFactorEnrolmentKey });
    } catch (err) {
      if (isApiError(err) && err.code === 'invalid_code') form.fail({ code: err.message });
      else form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    if (!saved) {
      setSavedError(t('auth.two_factor_setup.saved_required'));
      document.getElementById('totp-saved')?.focus();
      return;
    }
    setContinuing(true);
    const next = await refreshSession(queryClient).catch(() => null);
    await navigate(destinationFor(next?.stage ?? 'full', from ?? (session.stage === 'full' ? '/profile' : '/')), {
      replace: true,
    });
  };

  if (codes) {
    return (
      <div className="narrow">
        <PageHeader title={t('auth.two_factor_setup.codes_title')} lead={t('auth.two_factor_setup.codes_lead')} />
        <Alert tone="success">{t('auth.two_factor_setup.enabled')}</Alert>
        <div className="card form">
          <RecoveryCodes codes={codes} owner={session.person.fullName} />
          <Checkbox
            id="totp-saved"
            label={t('auth.two_factor_setup.saved_label')}
            checked={saved}
            error={savedError}
            onChange={(checked) => {
              setSaved(checked);
              setSavedError(undefined);
            }}
          />
          <Button onClick={() => void finish()} busy={continuing}>
            {t('auth.two_factor_setup.continue')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeader title={t('auth.two_factor_setup.title')} lead={t('auth.two_factor_setup.lead')} />
      <Alert tone="info" title={t('auth.two_factor_setup.why_title')}>
        <p>
          {session.twoFactor.required
            ? t('auth.two_factor_setup.why_required')
            : t('auth.two_factor_setup.why_optional')}
        </p>
      </Alert>
      <QueryState query={enrolment} loadingLabel={t('auth.two_factor_setup.preparing')}>
        {(data) => (
          <div className="card steps">
            <Step number={1} title={t('auth.two_factor_setup.step_app')}>
              <p>{t('auth.two_factor_setup.step_app_body')}</p>
            </Step>
            <Step number={2} title={t('auth.two_factor_setup.step_scan')}>
              <div className="qr">
                <img
                  className="qr__image"
                  src={svgDataUrl(data.qrSvg)}
                  alt={t('auth.two_factor_setup.qr_alt')}
                  width={200}
                  height={200}
                />
                <div className="qr__manual">
                  <p>{t('auth.two_factor_setup.manual')}</p>
                  <dl className="key-value">
                    <div>
                      <dt>{t('auth.two_factor_setup.secret_label')}</dt>
                      <dd>
                        <code className="secret" data-testid="totp-secret">
                          {groupSecret(data.secret)}
                        </code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('auth.two_factor_setup.type_label')}</dt>
                      <dd>{t('auth.two_factor_setup.type_value')}</dd>
                    </div>
                  </dl>
                </div>
              </div>
            </Step>
            <Step number={3} title={t('auth.two_factor_setup.step_code')}>
              <form className="form" onSubmit={(e) => void enable(e)} noValidate>
                <FormErrorSummary {...form.summary} labels={{ code: t('auth.fields.totp_code') }} />
                <CodeField {...form.field('code')} />
                <Button type="submit" busy={busy}>
                  {t('auth.two_factor_setup.submit')}
                </Button>
              </form>
            </Step>
          </div>
        )}
      </QueryState>
    </div>
  );
}
