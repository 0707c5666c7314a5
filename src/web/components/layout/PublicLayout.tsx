import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { signOut as endSession } from '../../api/auth.api.js';
import { clearPersonalData, useSession } from '../../api/session.js';
import { useT } from '../../i18n.js';
import { markSessionEnded } from '../../lib/auth-events.js';
import { PageSkeleton } from '../Skeleton.js';
import { HelpNowLink } from './HelpNowLink.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/**
 * The frame every visitor sees first: the signed-out pages' layout and the parts it shares with the
 * signed-in shell (skip link, brand, footer, sign-out). The signed-in shell, with its menus and
 * bell, is a chunk of its own, loaded with the first signed-in page rather than with the sign-in
 * page (docs/decisions/025-static-assets.md).
 */
const loadShell = () => import('./Shell.js');
export const SignedInShell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));

/** Fetches the shell ahead of the session's answer (src/web/app/router.tsx, preloadRoute). */
export function preloadSignedInShell(): Promise<unknown> {
  return loadShell().catch(() => null);
}

export function SkipLink() {
  const { t } = useT();
  return (
    <a className="skip-link" href="#main">
      {t('shell.skip_to_content')}
    </a>
  );
}

export function Brand({ subtitle }: { subtitle?: string }) {
  const { t } = useT();
  return (
    <Link to="/" className="brand">
      <span className="brand__mark" aria-hidden="true" />
      <span className="brand__text">
        <span className="brand__name">Teduh</span>
        <span className="brand__subtitle">{subtitle ?? t('shell.tagline')}</span>
      </span>
    </Link>
  );
}

/** Signs out of this browser and returns to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      await endSession();
    } catch {
      // Already signed out or offline: the local state is cleared either way.
    }
    markSessionEnded('signed_out');
    clearPersonalData(queryClient);
    // Signing out clears what this app kept on the device: waiting check-ins, offline copies.
    await import('../../lib/device-store.js').then((m) => m.clearDevice()).catch(() => undefined);
    setBusy(false);
    await navigate('/sign-in', { replace: true, state: { notice: 'signed_out' } });
  };
  return { signOut, busy };
}

export function Footer() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('shell.footer.privacy')}</p>
        <p className="muted">{t('shell.footer.name')}</p>
      </div>
    </footer>
  );
}

/** The frame of the signed-out pages (sign-in, set-up, invitations) and of two-factor steps. */
export function PublicLayout({
  children,
  wide = false,
  showSignOut = false,
}: {
  children: ReactNode;
  wide?: boolean;
  showSignOut?: boolean;
}) {
  const { t } = useT();
  const { signOut, busy } = useSignOut();
  return (
    <div className="app app--public">
      <SkipLink />
      <header className="site-header site-header--public">
        <div className="container site-header__bar">
          <Brand />
          <HelpNowLink />
          <div className="site-header__public-tools">
            <LanguageSwitch />
            {showSignOut && (
              <button
                type="button"
                className="btn btn--quiet btn--small"
                onClick={() => void signOut()}
                disabled={busy}
              >
                {t('shell.sign_out')}
              </button>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={`container main main--public ${wide ? 'main--wide' : ''}`}>
        {children}
      </main>
      <Footer />
    </div>
  );
}

/** The shell when signed in, the public frame otherwise (not-found page). */
export function AdaptiveLayout({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  if (session?.stage === 'full')
    return (
      <Suspense fallback={<PageSkeleton />}>
        <SignedInShell>{children}</SignedInShell>
      </Suspense>
    );
  return <PublicLayout>{children}</PublicLayout>;
}
