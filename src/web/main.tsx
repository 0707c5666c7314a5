import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheets first, so that the features' own sheets (imported by their pages) come after them.
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import { queryClient } from './api/query-client.js';
import { sessionQuery, setupQuery } from './api/session.js';
import { App } from './app/App.js';
import { loadHelpPage, preloadRoute } from './app/router.js';
import { currentLocale, firstLanguageReady, loadLanguage } from './i18n.js';
import { offerUpdate } from './lib/app-update.js';

/**
 * The installable app's service worker (vite.config.ts): registered once the first page is up, in
 * a production build only; a newer version waits until the person chooses to reload.
 */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register')
    .then(({ registerSW }) => {
      const update = registerSW({ onNeedRefresh: () => offerUpdate(() => update(true)) });
    })
    .catch(() => undefined);
}

const root = document.getElementById('root');
if (root) {
  // Everything the first page needs goes out at once, not one after the other
  // (docs/decisions/038-first-load-within-budget.md): the questions who is signed in and whether
  // the install is set up, the page's chunk, its messages and, for a signed-in page, the shell.
  void queryClient.prefetchQuery(sessionQuery);
  void queryClient.prefetchQuery(setupQuery);
  const firstPage = preloadRoute(window.location.pathname);
  void firstLanguageReady()
    .catch(() => undefined) // without its chunk the page still shows, in Indonesian
    .then(() => {
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
  // Once the first page is up, the help page and the rest of its language follow while the person
  // reads or types, so that help opens at once from any page; they wait until then so as not to
  // compete with the first page for a slow connection.
  const loaded = new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  void Promise.all([firstPage, loaded]).then(() =>
    setTimeout(() => {
      void loadHelpPage().catch(() => null);
      void loadLanguage(currentLocale()).catch(() => null);
      registerServiceWorker();
    }, 1000),
  );
}
