import { Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../domain/access/roles.js';
import { useSession, type Session } from '../api/session.js';
import { ToSignIn } from '../components/layout/ToSignIn.js';
import { ForbiddenPage } from '../components/layout/ErrorPages.js';
import { SignedInShell } from '../components/layout/PublicLayout.js';
import { PageSkeleton, Skeleton } from '../components/Skeleton.js';

/** Where a session at a given stage belongs. */
export function pathForStage(stage: Session['stage']): string {
  if (stage === 'two_factor') return '/sign-in/two-factor';
  if (stage === 'two_factor_setup') return '/two-factor/setup';
  return '/';
}

/** The signed-in part of the app: a complete sign-in, inside the shell. */
export function RequireSession() {
  const { data: session } = useSession();
  const location = useLocation();
  if (!session) return <ToSignIn />;
  if (session.stage !== 'full')
    return <Navigate to={pathForStage(session.stage)} replace state={{ from: location.pathname }} />;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <SignedInShell>
        {/* The first load of a page shows the shell around a skeleton; later pages arrive in a
            transition, with the page before them still on screen (router.tsx). */}
        <Suspense fallback={<Skeleton />}>
          <Outlet />
        </Suspense>
      </SignedInShell>
    </Suspense>
  );
}

/**
 * Pages for one role (or any of several); others see a plain "not for your role" page, or are sent
 * to `otherwise`.
 */
export function RequireRole({
  role,
  children,
  otherwise,
}: {
  role: Role | readonly Role[];
  children?: ReactNode;
  otherwise?: string;
}) {
  const { data: session } = useSession();
  const allowed = typeof role === 'string' ? [role] : role;
  if (!allowed.some((r) => session?.roles.includes(r)))
    return otherwise ? <Navigate to={otherwise} replace /> : <ForbiddenPage />;
  return <>{children ?? <Outlet />}</>;
}

/** Sign-in and friends: someone already signed in goes where their stage belongs. */
export function SignedOutOnly({ children }: { children?: ReactNode }) {
  const { data: session } = useSession();
  const location = useLocation();
  if (session) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={session.stage === 'full' && from ? from : pathForStage(session.stage)} replace />;
  }
  return <>{children ?? <Outlet />}</>;
}
