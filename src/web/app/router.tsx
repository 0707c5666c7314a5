import { createBrowserRouter, Outlet } from 'react-router';
import { AgencySettingsPage } from '../features/agency/AgencySettingsPage.js';
import { OutboxPage } from '../features/agency/OutboxPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { InvitePage } from '../features/auth/InvitePage.js';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.js';
import { ResetRequestPage } from '../features/auth/ResetRequestPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { TwoFactorSetupPage } from '../features/auth/TwoFactorSetupPage.js';
import { TwoFactorVerifyPage } from '../features/auth/TwoFactorVerifyPage.js';
import { HomePage } from '../features/home/HomePage.js';
import { ImportPage } from '../features/imports/ImportPage.js';
import { PeoplePage } from '../features/org/PeoplePage.js';
import { PersonPage } from '../features/org/PersonPage.js';
import { UnitsPage } from '../features/org/UnitsPage.js';
import { AgenciesPage } from '../features/platform/AgenciesPage.js';
import { ProfilePage } from '../features/profile/ProfilePage.js';
import { SetupPage } from '../features/setup/SetupPage.js';
import { NotFoundPage, RouteErrorPage } from './ErrorPages.js';
import { RequireRole, RequireSession, SignedOutOnly } from './guards.js';
import { Root } from './Root.js';
import { PublicLayout } from './Shell.js';

/** Every page of the web app. Access is checked by the server; the guards only route. */
export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/setup', element: <SetupPage /> },
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
              { path: 'units', element: <UnitsPage /> },
              { path: 'people', element: <PeoplePage /> },
              { path: 'people/new', element: <PersonPage /> },
              { path: 'people/:id', element: <PersonPage /> },
              { path: 'import', element: <ImportPage /> },
              { path: 'audit', element: <AuditPage /> },
              { path: 'settings', element: <AgencySettingsPage /> },
              { path: 'outbox', element: <OutboxPage /> },
            ],
          },
          { path: '/platform/agencies', element: <RequireRole role="platform_admin"><AgenciesPage /></RequireRole> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
