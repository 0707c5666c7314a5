import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SessionProbeView, SessionView } from '../../contracts/auth.js';
import type { setupStatus } from '../../contracts/setup.js';
import type { Role } from '../../domain/access/roles.js';
import { i18n } from '../i18n.js';
import { api, isApiError, setCsrfToken } from './client.js';

export type Session = SessionView;

/** Who is signed in (null when nobody). Feeds the CSRF token and the language. */
export const sessionQuery = queryOptions({
  queryKey: ['session'] as const,
  queryFn: async (): Promise<Session | null> => {
    // The probe answers 200 either way: a signed-out browser is a state, not an error.
    const session = await api.get<SessionProbeView>('/api/v1/auth/session', undefined, { handleAuth: false });
    if (session.stage === 'signed_out') {
      setCsrfToken(null);
      return null;
    }
    setCsrfToken(session.csrfToken);
    if (i18n.language !== session.person.locale) await i18n.changeLanguage(session.person.locale);
    return session;
  },
  staleTime: 60_000,
  refetchOnWindowFocus: true,
  retry: (count, err) => count < 2 && isApiError(err) && (err.status === 0 || err.status >= 500),
});

export const setupQuery = queryOptions({
  queryKey: ['setup'] as const,
  queryFn: () => api.get<z.infer<typeof setupStatus>>('/api/v1/setup'),
  staleTime: Infinity,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** The session inside the signed-in part of the app, where the guard has already ensured one. */
export function useSignedIn(): Session {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error('useSignedIn outside a signed-in route');
  return data;
}

/** Fetches the session again now (after sign-in, two-factor, sign-out) and waits for it. */
export async function refreshSession(client: QueryClient): Promise<Session | null> {
  return client.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

/** Forgets everything cached about the previous person. */
export function clearPersonalData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup' });
  client.setQueryData(sessionQuery.queryKey, null);
  setCsrfToken(null);
}

export function hasRole(session: Session | null | undefined, role: Role): boolean {
  return Boolean(session?.roles.includes(role));
}

/** The time zone dates are shown in: the viewer's unit, else the agency's. */
export function viewerTimeZone(session: Session | null | undefined): string {
  return session?.unit.timeZone ?? session?.agency.timeZone ?? 'Asia/Jakarta';
}
