import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { setAuthFailureHandler } from '../api/client.js';
import { clearPersonalData, refreshSession, sessionQuery, setupQuery, useSession } from '../api/session.js';
import { LoadError } from '../components/QueryState.js';
import { PageHeader } from '../components/PageHeader.js';
import { useRouteFocus } from '../components/route-focus.js';
import { PageSkeleton } from '../components/Skeleton.js';
import { useT } from '../i18n.js';
import { markSessionEnded } from '../lib/auth-events.js';
import { PublicLayout } from '../components/layout/PublicLayout.js';
import { UpdatePrompt } from '../components/layout/UpdatePrompt.js';
import { isApiError } from '../api/client.js';
import { useScrollRestoration } from './scroll.js';

/**
 * The top of every page: learns whether the install needs set-up and who is signed in, sends
 * everyone to /setup on a fresh install, reacts to a session that ends, and moves focus on
 * navigation.
 */
export function Root() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const setup = useQuery(setupQuery);
  const session = useSession();
  const location = useLocation();
  useRouteFocus();
  useScrollRestoration();

  useEffect(() => {
    setAuthFailureHandler(async (kind) => {
      if (kind === 'unauthenticated') {
        if (queryClient.getQueryData(sessionQuery.queryKey)) markSessionEnded('session_expired');
        clearPersonalData(queryClient);
        return;
      }
      // CSRF token renewed, or a two-factor step owed: the session says where to go.
      await refreshSession(queryClient).catch(() => null);
    });
    return () => setAuthFailureHandler(null);
  }, [queryClient]);

  // Offline, help still opens: its page and the person's contacts come from the device
  // (docs/decisions/032-check-ins.md). Queries wait for a network that is not there, or fail for
  // lack of one; either way the help page does not need them.
  const waiting = setup.isPending || session.isPending;
  const failedForNetwork =
    Boolean(setup.error || session.error) &&
    [setup.error, session.error].every((e) => !e || (isApiError(e) && e.status === 0));
  if (location.pathname === '/help' && ((waiting && !navigator.onLine) || failedForNetwork)) return <Outlet />;
  if (waiting) return <PageSkeleton />;
  if (setup.error || session.error) {
    return (
      <PublicLayout>
        <div className="narrow">
          <PageHeader title={t('shell.unreachable.title')} lead={t('shell.unreachable.lead')} />
          <LoadError
            error={setup.error ?? session.error}
            onRetry={() => {
              void setup.refetch();
              void session.refetch();
            }}
          />
        </div>
      </PublicLayout>
    );
  }
  // Help stays reachable on a fresh install too: nobody should have to set Teduh up to find it.
  if (setup.data.needsSetup && location.pathname !== '/setup' && location.pathname !== '/help')
    return <Navigate to="/setup" replace />;
  return (
    <>
      <Outlet />
      <UpdatePrompt />
    </>
  );
}
