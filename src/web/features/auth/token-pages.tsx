import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { tokenLinkApi, type TokenLinkKind, tokenLinkQuery } from '../../api/auth.api.js';
import { isApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { checkNewPassword, NewPasswordFields } from '../../components/auth/password.js';

/** A link that has expired, was used, or was replaced by a newer one (410), or is malformed. */
function isDeadLink(error: unknown): boolean {
  return isApiError(error) && [400, 404, 410].includes(error.status);
}

/**
 * What an invitation or reset link is for. Read once and not retried: a dead link stays dead.
 * `data` is there only while the link can be used; `calls` read and use the token (api/auth.api.ts).
 */
export function useTokenLink(kind: TokenLinkKind, token: string) {
  const calls = tokenLinkApi(kind, token);
  const info = useQuery(tokenLinkQuery(kind, token));
  // The link can also die while the page is open (used in another tab, replaced, expired).
  const [gone, setGone] = useState(false);
  const dead = gone || isDeadLink(info.error);
  return {
    calls,
    info,
    dead,
    data: dead || info.error ? undefined : info.data,
    /** After a failed use: marks the link dead when the answer was 410 (gone), and says whether it was. */
    markIfGone: (err: unknown): boolean => {
      const isGone = isApiError(err) && err.status === 410;
      if (isGone) setGone(true);
      return isGone;
    },
  };
}

export type TokenLink = ReturnType<typeof useTokenLink>;

/** The page for a dead invitation or reset link: what happened and what to do now. */
function DeadLinkPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="narrow">
      <PageHeader title={title} />
      <Alert tone="warning">{children}</Alert>
      <p>
        <Link to="/sign-in">{t('auth.links.to_sign_in')}</Link>
      </p>
    </div>
  );
}

function TokenLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="narrow">
      <LoadError error={error} onRetry={onRetry} />
    </div>
  );
}

/** What a link's page shows instead of itself: loading, the dead-link page (`children`), or a load error. */
export function TokenLinkFallback({
  link,
  deadTitle,
  children,
}: {
  link: TokenLink;
  deadTitle: string;
  children: ReactNode;
}) {
  if (link.info.isPending) return <Skeleton shape="form" lines={2} />;
  if (link.dead) return <DeadLinkPage title={deadTitle}>{children}</DeadLinkPage>;
  return <TokenLoadError error={link.info.error} onRetry={() => void link.info.refetch()} />;
}

interface TokenPasswordFormProps {
  idPrefix: string;
  link: TokenLink;
  passwordLabel?: string;
  submitLabel: string;
  /** Shown between the fields and the button. */
  note?: ReactNode;
  /** Sends the password with the token; on success it moves on to another page. */
  send: (password: string) => Promise<void>;
}

/**
 * The form of both links: a new password, typed twice and checked here for length and repeat
 * before the token is spent on it. A link that dies meanwhile turns the page into the dead-link page.
 */
export function TokenPasswordForm({ idPrefix, link, passwordLabel, submitLabel, note, send }: TokenPasswordFormProps) {
  const { t } = useT();
  const form = useForm(idPrefix, { password: '', confirm: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkNewPassword(form.values.password, form.values.confirm);
    if (Object.keys(problems).length > 0) return form.fail(problems);
    setBusy(true);
    try {
      await send(form.values.password);
    } catch (err) {
      setBusy(false);
      if (!link.markIfGone(err)) form.showServerError(err);
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
      <FormErrorSummary
        {...form.summary}
        labels={{ password: t('auth.fields.new_password'), confirm: t('auth.fields.confirm_password') }}
      />
      <NewPasswordFields
        password={form.field('password')}
        confirm={form.field('confirm')}
        passwordLabel={passwordLabel}
      />
      {note}
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
