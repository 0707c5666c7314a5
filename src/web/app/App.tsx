import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { queryClient } from '../api/query-client.js';
import { PageSkeleton } from '../components/Skeleton.js';
import { i18n } from '../i18n.js';
import { RouteErrorBoundary } from './RouteErrorBoundary.js';
import { AppRoutes } from './router.js';

/** Providers (query cache, translations) around the router. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <BrowserRouter>
          <RouteErrorBoundary>
            {/* Shown while a public page's chunk arrives on the first load (router.tsx). */}
            <Suspense fallback={<PageSkeleton />}>
              <AppRoutes />
            </Suspense>
          </RouteErrorBoundary>
        </BrowserRouter>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
