import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { refreshSession, type Session } from '../../api/session.js';

export type Stage = Session['stage'];

/** Where to go after a sign-in step: the page that was asked for, or the next step. */
export function destinationFor(stage: Stage, from?: string | null): string {
  if (stage === 'two_factor') return '/sign-in/two-factor';
  if (stage === 'two_factor_setup') return '/two-factor/setup';
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/**
 * Moves on after a sign-in step (password, invitation, two-factor code). The step changed the
 * session cookie, so the session is fetched again first: the guards of the next page read it.
 * The stage is the one the step answered with, else the fresh session's. The next page replaces
 * the form in the history, so Back does not lead to a spent form.
 */
export function useGoToStage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async ({ stage, from }: { stage?: Stage; from?: string | null } = {}) => {
    const session = await refreshSession(queryClient);
    await navigate(destinationFor(stage ?? session?.stage ?? 'full', from), { replace: true });
  };
}
