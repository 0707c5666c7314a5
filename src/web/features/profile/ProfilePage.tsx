import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { changePasswordBody, passwordConfirmBody } from '../../../contracts/auth.js';
import { profileUpdateBody } from '../../../contracts/profile.js';
import { firstNameOf, PREFERRED_NAME_MAX } from '../../../domain/org/preferred-name.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';
import { changePassword, updateProfile } from '../../api/profile.api.js';
import {
  disableTwoFactor,
  endSession,
  mySessionsQuery,
  recoveryCodesLeftQuery,
  regenerateRecoveryCodes,
  signOutEverywhere,
  type SessionItem,
} from '../../api/auth.api.js';
import { isApiError } from '../../api/client.js';
import { clearPersonalData, refreshSession, sessionQuery, useSignedIn } from '../../api/session.js';
import { markSessionEnded } from '../../lib/auth-events.js';
import { roleLabel } from '../../lib/options.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PasswordField, RadioGroup, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { i18n, setLocaleCookie, useT } from '../../i18n.js';
import { checkNewPassword, PasswordPolicyHint } from '../../components/auth/password.js';
import { RecoveryCodes } from '../../components/auth/RecoveryCodes.js';
import { KeyValueList } from '../../components/KeyValueList.js';
import './profile.css';
import { PageColumns } from '../../components/layout/PageLayout.js';

function ProfileSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card profile-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function AboutMe() {
  const { t } = useT();
  const session = useSignedIn();
  const rows: Array<[string, string]> = [
    [t('profile.about.name'), session.person.fullName],
    [t('profile.about.nip'), session.person.nip ?? t('common.none')],
    [t('profile.about.email'), session.person.email ?? t('common.none')],
    [t('profile.about.phone'), session.person.phone ?? t('common.none')],
    [t('profile.about.unit'), session.unit.name],
    [t('profile.about.roles'), session.roles.map((r) => roleLabel(t, r)).join(', ')],
  ];
  return (
    <ProfileSection id="profile-about" title={t('profile.about.title')}>
      <KeyValueList rows={rows} />
      <p className="muted small">{t('profile.about.change_note')}</p>
    </ProfileSection>
  );
}

/**
 * "Nama panggilan": the short name Teduh greets the person by, instead of their full name with its
 * titles (docs/decisions/022-preferred-name-and-own-state.md). Empty goes back to the first name.
 */
export function PreferredNameSection() {
  const { t } = useT();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const form = useForm('profile-name', { preferredName: session.person.preferredName ?? '' });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const fallback = firstNameOf(session.person.fullName);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const body = form.validate(profileUpdateBody, { preferredName: form.values.preferredName });
    if (!body) return;
    setBusy(true);
    try {
      await updateProfile({ preferredName: body.preferredName ?? null });
      const next = await refreshSession(queryClient);
      form.set('preferredName', next?.person.preferredName ?? '');
      setSaved(next?.person.greetingName ?? fallback);
    } catch (err) {
      form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  const label = t('profile.name.label');
  return (
    <ProfileSection id="profile-name" title={t('profile.name.title')}>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <FormErrorSummary {...form.summary} labels={{ preferredName: label }} />
        <TextField
          {...form.field('preferredName')}
          label={label}
          hint={t('profile.name.hint', { name: fallback })}
          optional
          maxLength={PREFERRED_NAME_MAX}
          autoComplete="nickname"
        />
        {saved && <Alert tone="success">{t('profile.name.saved', { name: saved })}</Alert>}
        <Button type="submit" variant="secondary" busy={busy}>
          {t('profile.name.save')}
        </Button>
      </form>
    </ProfileSection>
  );
}

function LanguageSection() {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Locale>(locale);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await updateProfile({ locale: choice });
      queryClient.setQueryData(sessionQuery.queryKey, (old) =>
        old ? { ...old, person: { ...old.person, locale: choice } } : old,
      );
      setLocaleCookie(choice);
      await i18n.changeLanguage(choice);
      setMessage({ tone: 'success', text: i18n.t('profile.language.saved') });
    } catch (err) {
      setMessage({ tone: 'error', text: isApiError(err) ? err.message : t('common.errors.unexpected') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProfileSection id="profile-language" title={t('profile.language.title')}>
      <form className="form" onSubmit={(e) => void save(e)}>
        <RadioGroup
          id="profile-locale"
          name="locale"
          legend={t('profile.language.legend')}
          hint={t('profile.language.hint')}
          value={choice}
          onChange={(value) => isLocale(value) && setChoice(value)}
          options={[
            { value: 'id', label: <span lang="id">Bahasa Indonesia</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
        />
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <Button type="submit" variant="secondary" busy={busy}>
          {t('profile.language.save')}
        </Button>
      </form>
    </ProfileSection>
  );
}

function PasswordSection() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const empty = { currentPassword: '', newPassword: '', confirm: '' };
  const form = useForm('password', empty);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const extra = checkNewPassword(form.values.newPassword, form.values.confirm, {
      password: 'newPassword',
      confirm: 'confirm',
    });
    const body = form.validate(
      changePasswordBody,
      { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword },
      extra,
    );
    if (!body) return;
    setBusy(true);
    try {
      await changePassword(body);
      form.reset(empty);
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: mySessionsQuery.queryKey });
    } catch (err) {
      form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProfileSection id="profile-password" title={t('profile.password.title')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{
            currentPassword: t('auth.fields.current_password'),
            newPassword: t('auth.fields.new_password'),
            confirm: t('auth.fields.confirm_password'),
          }}
        />
        {done && <Alert tone="success">{t('profile.password.changed')}</Alert>}
        <PasswordField
          {...form.field('currentPassword')}
          label={t('auth.fields.current_password')}
          autoComplete="current-password"
        />
        <PasswordField
          {...form.field('newPassword')}
          label={t('auth.fields.new_password')}
          hint={<PasswordPolicyHint />}
          autoComplete="new-password"
        />
        <PasswordField
          {...form.field('confirm')}
          label={t('auth.fields.confirm_password')}
          autoComplete="new-password"
        />
        <p className="muted small">{t('profile.password.others_signed_out')}</p>
        <Button type="submit" busy={busy}>
          {t('profile.password.submit')}
        </Button>
      </form>
    </ProfileSection>
  );
}

function RegenerateCodes() {
  const { t } = useT();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const form = useForm('regenerate', { password: '' });
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(passwordConfirmBody, form.values);
    if (!body) return;
    setBusy(true);
    try {
      const result = await regenerateRecoveryCodes(body);
      setCodes(result.recoveryCodes);
      form.reset({ password: '' });
      void queryClient.invalidateQueries({ queryKey: recoveryCodesLeftQuery.queryKey });
    } catch (err) {
      if (isApiError(err) && err.code === 'wrong_password') form.fail({ password: err.message });
      else form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <div className="subsection">
        <h3>{t('profile.two_factor.new_codes_title')}</h3>
        <Alert tone="success">{t('profile.two_factor.new_codes_body')}</Alert>
        <RecoveryCodes codes={codes} owner={session.person.fullName} />
        <Button variant="secondary" onClick={() => setCodes(null)}>
          {t('profile.two_factor.codes_done')}
        </Button>
      </div>
    );
  }
  return (
    <form className="form subsection" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="regenerate-title">
      <h3 id="regenerate-title">{t('profile.two_factor.regenerate_title')}</h3>
      <p className="muted">{t('profile.two_factor.regenerate_body')}</p>
      <FormErrorSummary {...form.summary} labels={{ password: t('auth.fields.password') }} />
      <PasswordField
        {...form.field('password')}
        label={t('profile.two_factor.confirm_password')}
        autoComplete="current-password"
      />
      <Button type="submit" variant="secondary" busy={busy}>
        {t('profile.two_factor.regenerate_submit')}
      </Button>
    </form>
  );
}

function DisableTwoFactor() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm('disable-2fa', { password: '' });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!form.validate(passwordConfirmBody, form.values)) return;
    setDialogError(null);
    setConfirming(true);
  };

  const disable = async () => {
    setBusy(true);
    try {
      await disableTwoFactor({ password: form.values.password });
      setConfirming(false);
      form.reset({ password: '' });
      await refreshSession(queryClient);
    } catch (err) {
      setConfirming(false);
      if (isApiError(err) && err.code === 'wrong_password') form.fail({ password: err.message });
      else form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form subsection" onSubmit={ask} noValidate aria-labelledby="disable-2fa-title">
      <h3 id="disable-2fa-title">{t('profile.two_factor.disable_title')}</h3>
      <p className="muted">{t('profile.two_factor.disable_body')}</p>
      <FormErrorSummary {...form.summary} labels={{ password: t('auth.fields.password') }} />
      <PasswordField
        {...form.field('password')}
        label={t('profile.two_factor.confirm_password')}
        autoComplete="current-password"
      />
      <Button type="submit" variant="danger" busy={busy}>
        {t('profile.two_factor.disable_submit')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('profile.two_factor.disable_confirm_title')}
        confirmLabel={t('profile.two_factor.disable_submit')}
        tone="danger"
        busy={busy}
        error={dialogError}
        onConfirm={() => void disable()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('profile.two_factor.disable_confirm_body')}</p>
      </ConfirmDialog>
    </form>
  );
}

function TwoFactorSection() {
  const { t } = useT();
  const session = useSignedIn();
  const enabled = session.twoFactor.enabled;
  const remaining = useQuery({ ...recoveryCodesLeftQuery, enabled });
  return (
    <ProfileSection id="profile-two-factor" title={t('profile.two_factor.title')}>
      <p>
        {t('profile.two_factor.status')}{' '}
        {enabled ? (
          <Badge tone="success">{t('profile.two_factor.on')}</Badge>
        ) : (
          <Badge tone="warning">{t('profile.two_factor.off')}</Badge>
        )}
      </p>
      <p className="muted">
        {session.twoFactor.required ? t('profile.two_factor.required_note') : t('profile.two_factor.optional_note')}
      </p>
      {!enabled && (
        <p>
          <Link to="/two-factor/setup" className="btn btn--primary">
            {t('profile.two_factor.set_up')}
          </Link>
        </p>
      )}
      {enabled && (
        <>
          {remaining.data && (
            <p>
              {t('profile.two_factor.remaining', { number: remaining.data.remaining })}
              {remaining.data.remaining <= 3 && <> {t('profile.two_factor.remaining_low')}</>}
            </p>
          )}
          <RegenerateCodes />
          <DisableTwoFactor />
        </>
      )}
    </ProfileSection>
  );
}

/** "Chrome di Android": enough to recognise a device without keeping a fingerprint. */
function describeDevice(userAgent: string | null, t: ReturnType<typeof useT>['t']): string {
  if (!userAgent) return t('profile.sessions.unknown_device');
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && os) return t('profile.sessions.device', { browser, os });
  return browser ?? os ?? t('profile.sessions.unknown_device');
}

function SessionsSection() {
  const { t } = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery(mySessionsQuery);
  const [ending, setEnding] = useState<SessionItem | null>(null);
  const [everywhere, setEverywhere] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const endOne = async () => {
    if (!ending) return;
    setBusy(true);
    setError(null);
    try {
      await endSession(ending.id);
      setEnding(null);
      setNotice(t('profile.sessions.ended'));
      await sessions.refetch();
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const endAll = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOutEverywhere();
      markSessionEnded('signed_out_everywhere');
      clearPersonalData(queryClient);
      await navigate('/sign-in', { replace: true, state: { notice: 'signed_out_everywhere' } });
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errors.unexpected'));
      setBusy(false);
    }
  };

  return (
    <ProfileSection id="profile-sessions" title={t('profile.sessions.title')}>
      <p className="muted">{t('profile.sessions.lead')}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <QueryState query={sessions} skeleton="rows" skeletonLines={2}>
        {(data) => (
          <ul className="row-list">
            {data.items.map((s) => (
              <li key={s.id} className="row-list__item">
                <div>
                  <p className="session-list__device">
                    {describeDevice(s.userAgent, t)}{' '}
                    {s.current && <Badge tone="success">{t('profile.sessions.this_device')}</Badge>}
                  </p>
                  <p className="muted small">
                    {t('profile.sessions.details', {
                      started: fmt.dateTime(s.createdAt),
                      seen: fmt.dateTime(s.lastSeenAt),
                    })}
                    {s.ip && <> · {t('profile.sessions.ip', { ip: s.ip })}</>}
                  </p>
                </div>
                {!s.current && (
                  <Button
                    variant="secondary"
                    size="small"
                    onClick={() => setEnding(s)}
                    aria-label={t('profile.sessions.end_named', { device: describeDevice(s.userAgent, t) })}
                  >
                    {t('profile.sessions.end')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <ButtonRow>
        <Button variant="danger" onClick={() => setEverywhere(true)}>
          {t('profile.sessions.everywhere')}
        </Button>
      </ButtonRow>
      <ConfirmDialog
        open={ending !== null}
        title={t('profile.sessions.end_confirm_title')}
        confirmLabel={t('profile.sessions.end')}
        tone="danger"
        busy={busy}
        error={error}
        onConfirm={() => void endOne()}
        onCancel={() => setEnding(null)}
      >
        <p>{t('profile.sessions.end_confirm_body', { device: ending ? describeDevice(ending.userAgent, t) : '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={everywhere}
        title={t('profile.sessions.everywhere_confirm_title')}
        confirmLabel={t('profile.sessions.everywhere')}
        tone="danger"
        busy={busy}
        error={error}
        onConfirm={() => void endAll()}
        onCancel={() => setEverywhere(false)}
      >
        <p>{t('profile.sessions.everywhere_confirm_body')}</p>
      </ConfirmDialog>
    </ProfileSection>
  );
}

/** The person's own account: language, password, two-factor and sessions. */
export function ProfilePage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('profile.title')} lead={t('profile.lead')} />
      {/* The account's settings, and beside them on a wide screen where the person's data is shown. */}
      <PageColumns
        sticky
        aside={
          <div className="stack">
            <ProfileSection id="profile-privacy" title={t('profile.privacy.title')}>
              <p>{t('profile.privacy.card_body')}</p>
              <p>
                <Link to="/profile/privacy" className="btn btn--secondary">
                  {t('profile.privacy.card_link')}
                </Link>
              </p>
              <p>
                <Link to="/me/data" className="btn btn--secondary">
                  {t('my_data.page.link_from_profile')}
                </Link>
              </p>
              <p>
                <Link to="/me/boundaries" className="btn btn--secondary">
                  {t('boundaries.mine.link')}
                </Link>
              </p>
            </ProfileSection>
          </div>
        }
      >
        <div className="stack profile-page">
          <AboutMe />
          <PreferredNameSection />
          <LanguageSection />
          <PasswordSection />
          <TwoFactorSection />
          <SessionsSection />
        </div>
      </PageColumns>
    </>
  );
}
