import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheets first, so that the features' own sheets (imported by their pages) come after them.
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
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
  // The page's chunk, messages and frame are fetched while the app asks who is signed in.
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
  // compete with the first page for a slow connection (docs/decisions/038-first-load-within-budget.md).
  const loaded = new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  void Promise.all([firstPage, loaded]).then(() =>
    setTimeout(() => {
      void loadHelpPage().catch(() => null);
      void loadLanguage(currentLocale()).catch(() => null);
      registerServiceWorker();
    }, 1000),
  );
}
