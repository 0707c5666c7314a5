import { Navigate, useLocation } from 'react-router';
import { peekSessionEnded } from '../../lib/auth-events.js';

/**
 * To the sign-in page, saying why when the session ended, and remembering the page that was asked
 * for (not after a deliberate sign-out: the next person to sign in may be someone else).
 */
export function ToSignIn() {
  const location = useLocation();
  const reason = peekSessionEnded();
  const from =
    reason === 'signed_out' || reason === 'signed_out_everywhere' ? undefined : location.pathname + location.search;
  return <Navigate to="/sign-in" replace state={{ from, notice: reason ?? undefined }} />;
}
