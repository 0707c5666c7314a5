/**
 * Component tests (docs/decisions/021-web-layers.md): render a piece of the web app with what the
 * app gives it (a query client with the session already known, a data router at a given URL), and
 * clean the document up after each test. Imported only by *.test.tsx files, never by the app.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import { Suspense, type ReactElement } from 'react';
import {
  createMemoryRouter,
  MemoryRouter,
  RouterProvider,
  useLocation,
  useRoutes,
  type RouteObject,
} from 'react-router';
import { afterEach, vi } from 'vitest';
import type { Session } from './api/session.js';
import { i18n, loadLanguage } from './i18n.js';

// The app loads its messages area by area; a component test has them all from the start.
await Promise.all([loadLanguage('id'), loadLanguage('en')]);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// jsdom lays nothing out: scrolling is a no-op.
if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};

// jsdom has <dialog> but not its modal methods.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

/** A signed-in person at the given stage, with the given roles; enough for the app's frame. */
export function sessionFixture(overrides: Partial<Session> = {}): Session {
  return {
    stage: 'full',
    csrfToken: 'csrf-test',
    person: {
      id: 'p1',
      fullName: 'Sri Wahyuningsih',
      email: 'sri@example.go.id',
      nip: null,
      locale: 'id',
      preferredName: null,
      greetingName: 'Sri',
      phone: null,
    },
    roles: ['employee'],
    grants: [],
    agency: { id: 'a1', name: 'Pemerintah Kabupaten Sleman', shortName: 'Sleman', timeZone: 'Asia/Jakarta' },
    unit: { id: 'u1', name: 'Sekretariat Daerah', timeZone: 'Asia/Jakarta' },
    twoFactor: { enabled: true, required: true },
    ...overrides,
  };
}

export interface RenderOptions {
  /** The URL the page is opened at. */
  url?: string;
  /** Who is signed in; nobody by default. */
  session?: Session | null;
}

export function renderWithApp(
  ui: ReactElement,
  { url = '/', session = null }: RenderOptions = {},
): RenderResult & { router: ReturnType<typeof createMemoryRouter>; queryClient: QueryClient } {
  const queryClient = testQueryClient(session);
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [url] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

/** Indonesian, no retries, and the session already known, as the app has it once signed in. */
function testQueryClient(session: Session | null): QueryClient {
  void i18n.changeLanguage('id');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(['session'], session);
  return queryClient;
}

/** A JSON answer for a stubbed fetch. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * Replaces fetch with answers by "METHOD path", the path without the API's version prefix and
 * query string ("GET /agency/outreach"); anything else is a 404. Returns the calls made, so a test
 * can say that nothing was sent.
 */
export function stubApi(routes: Record<string, () => Response>): Array<{ method: string; path: string }> {
  const calls: Array<{ method: string; path: string }> = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    calls.push({ method, path });
    const answer = routes[`${method} ${path}`];
    return answer ? answer() : json({ error: { code: 'not_found', message: 'Not found', details: [] } }, 404);
  });
  return calls;
}

/**
 * Pages rendered the way the app routes them: react-router's declarative routes, where a
 * navigation is a transition and the page on screen stays until the next one has arrived
 * (app/router.tsx): for what happens between a click and the next page's arrival. `location`
 * is the URL of what is on screen.
 */
export function renderWithRoutes(
  routes: RouteObject[],
  { url = '/', session = null }: RenderOptions = {},
): RenderResult & { location: () => string } {
  const queryClient = testQueryClient(session);
  let current = url;
  function Routes() {
    const location = useLocation();
    current = location.pathname + location.search;
    return useRoutes(routes);
  }
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Suspense fallback={null}>
          <Routes />
        </Suspense>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, location: () => current };
}
