/**
 * Why the person is being sent to the sign-in page without having asked for it: they signed out,
 * signed out everywhere, or their session ended (idle timeout, ended elsewhere). Set before the
 * session is cleared, read by the guards that redirect, cleared by the sign-in page.
 */
export type SessionEndReason = 'signed_out' | 'signed_out_everywhere' | 'session_expired';

let reason: SessionEndReason | null = null;

export function markSessionEnded(why: SessionEndReason): void {
  reason = why;
}

export function peekSessionEnded(): SessionEndReason | null {
  return reason;
}

export function takeSessionEnded(): SessionEndReason | null {
  const value = reason;
  reason = null;
  return value;
}
