import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { InvitePage } from '../features/auth/InvitePage.js';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.js';
import { ResetRequestPage } from '../features/auth/ResetRequestPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { TwoFactorSetupPage } from '../features/auth/TwoFactorSetupPage.js';
import { TwoFactorVerifyPage } from '../features/auth/TwoFactorVerifyPage.js';
import { HomePage } from '../features/home/HomePage.js';
import { ProfilePage } from '../features/profile/ProfilePage.js';
import { NotFoundPage, RouteErrorPage } from './ErrorPages.js';
import { RequireRole, RequireSession, SignedOutOnly } from './guards.js';
import { Root } from './Root.js';
import { PublicLayout } from './Shell.js';

/**
 * Pages most people never open (admin, platform, first-run set-up) load on demand, so an employee
 * on a phone downloads only what the sign-in, home and profile pages need.
 */
const page = (load: () => Promise<ComponentType>) => async () => ({ Component: await load() });

/** Every page of the web app. Access is checked by the server; the guards only route. */
export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/setup', lazy: page(() => import('../features/setup/SetupPage.js').then((m) => m.SetupPage)) },
      {
        element: (
          <PublicLayout>
            <Outlet />
          </PublicLayout>
        ),
        children: [
          {
            path: '/sign-in',
            element: (
              <SignedOutOnly>
                <SignInPage />
              </SignedOutOnly>
            ),
          },
          { path: '/reset-password', element: <ResetRequestPage /> },
          { path: '/reset-password/:token', element: <ResetPasswordPage /> },
          { path: '/invite/:token', element: <InvitePage /> },
        ],
      },
      { path: '/sign-in/two-factor', element: <TwoFactorVerifyPage /> },
      { path: '/two-factor/setup', element: <TwoFactorSetupPage /> },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/profile', element: <ProfilePage /> },
          {
            path: '/admin',
            element: <RequireRole role="agency_admin" />,
            children: [
              { path: 'units', lazy: page(() => import('../features/org/UnitsPage.js').then((m) => m.UnitsPage)) },
              { path: 'people', lazy: page(() => import('../features/org/PeoplePage.js').then((m) => m.PeoplePage)) },
              { path: 'people/new', lazy: page(() => import('../features/org/PersonPage.js').then((m) => m.PersonPage)) },
              { path: 'people/:id', lazy: page(() => import('../features/org/PersonPage.js').then((m) => m.PersonPage)) },
              { path: 'import', lazy: page(() => import('../features/imports/ImportPage.js').then((m) => m.ImportPage)) },
              { path: 'audit', lazy: page(() => import('../features/audit/AuditPage.js').then((m) => m.AuditPage)) },
              { path: 'settings', lazy: page(() => import('../features/agency/AgencySettingsPage.js').then((m) => m.AgencySettingsPage)) },
              { path: 'outbox', lazy: page(() => import('../features/agency/OutboxPage.js').then((m) => m.OutboxPage)) },
            ],
          },
          {
            path: '/platform',
            element: <RequireRole role="platform_admin" />,
            children: [{ path: 'agencies', lazy: page(() => import('../features/platform/AgenciesPage.js').then((m) => m.AgenciesPage)) }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
