import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';

export interface TokenInfo {
  fullName: string;
  agencyName: string;
  twoFactorRequired: boolean;
  expiresAt: string;
}

/** A link that has expired, was used, or was replaced by a newer one (410), or is malformed. */
export function isDeadLink(error: unknown): boolean {
  return isApiError(error) && [400, 404, 410].includes(error.status);
}

/** The page for a dead invitation or reset link: what happened and what to do now. */
export function DeadLinkPage({ title, children }: { title: string; children: ReactNode }) {
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

export function TokenLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="narrow">
      <LoadError error={error} onRetry={onRetry} />
    </div>
  );
}
