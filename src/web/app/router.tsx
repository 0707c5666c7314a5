import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { ResetRequestPage } from '../features/auth/ResetRequestPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { NotFoundPage, RouteErrorPage } from '../components/layout/ErrorPages.js';
import { RequireRole, RequireSession, SignedOutOnly } from './guards.js';
import { Root } from './Root.js';
import { currentLocale, loadLanguage } from '../i18n.js';
import { PublicLayout } from '../components/layout/PublicLayout.js';

/**
 * Every page but sign-in and help loads on demand, so that a phone downloads only what the sign-in
 * page needs before it can show it (the first-load budget, docs/decisions/025-static-assets.md);
 * the home, profile and two-factor pages follow while the person types.
 */
const page = (load: () => Promise<ComponentType>) => async () => {
  // The page and the rest of its language's messages arrive together (docs/decisions/025-static-assets.md).
  const [Component] = await Promise.all([load(), loadLanguage(currentLocale())]);
  return { Component };
};

/** The help page, fetched early by main.tsx and opened from every page. */
export const loadHelpPage = () => import('../features/help/HelpPage.js').then((m) => m.HelpPage);

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
          {
            path: '/reset-password/:token',
            lazy: page(() => import('../features/auth/ResetPasswordPage.js').then((m) => m.ResetPasswordPage)),
          },
          {
            path: '/invite/:token',
            lazy: page(() => import('../features/auth/InvitePage.js').then((m) => m.InvitePage)),
          },
          // Account recovery (docs/decisions/011-account-recovery.md): the old address confirms an admin's change of email.
          {
            path: '/confirm-email-change/:token',
            lazy: page(() =>
              import('../features/auth/ConfirmEmailChangePage.js').then((m) => m.ConfirmEmailChangePage),
            ),
          },
        ],
      },
      // Help for everyone, signed in or not. It must open at once: its chunk is fetched as soon as the
      // first page is up (main.tsx), so a tap on "Bantuan sekarang" finds it already there.
      { path: '/help', lazy: page(loadHelpPage) },
      // Guided exercises: pure client code, open signed in or not (the help page links here).
      {
        path: '/exercises',
        lazy: page(() => import('../features/exercises/ExercisesPage.js').then((m) => m.ExercisesPage)),
      },
      {
        path: '/exercises/:id',
        lazy: page(() => import('../features/exercises/ExercisesPage.js').then((m) => m.ExercisePage)),
      },
      {
        path: '/sign-in/two-factor',
        lazy: page(() => import('../features/auth/TwoFactorVerifyPage.js').then((m) => m.TwoFactorVerifyPage)),
      },
      {
        path: '/two-factor/setup',
        lazy: page(() => import('../features/auth/TwoFactorSetupPage.js').then((m) => m.TwoFactorSetupPage)),
      },
      {
        element: <RequireSession />,
        children: [
          { index: true, lazy: page(() => import('../features/home/HomePage.js').then((m) => m.HomePage)) },
          {
            path: '/profile',
            lazy: page(() => import('../features/profile/ProfilePage.js').then((m) => m.ProfilePage)),
          },
          {
            path: '/profile/privacy',
            lazy: page(() => import('../features/privacy/PrivacyPage.js').then((m) => m.PrivacyPage)),
          },
          {
            path: '/profile/privacy/consents/:version',
            lazy: page(() => import('../features/privacy/PrivacyPage.js').then((m) => m.ConsentTextPage)),
          },
          {
            path: '/notifications',
            lazy: page(() => import('../features/notifications/NotificationsPage.js').then((m) => m.NotificationsPage)),
          },
          {
            path: '/self-check',
            lazy: page(() => import('../features/assessments/SelfCheckPage.js').then((m) => m.SelfCheckPage)),
          },
          {
            path: '/self-check/results/:id',
            lazy: page(() => import('../features/assessments/ResultPage.js').then((m) => m.ResultPage)),
          },
          {
            path: '/self-check/history/:instrumentId',
            lazy: page(() => import('../features/assessments/HistoryPage.js').then((m) => m.HistoryPage)),
          },
          {
            path: '/self-check/:instrumentId',
            lazy: page(() => import('../features/assessments/AssessmentPage.js').then((m) => m.AssessmentPage)),
          },
          {
            path: '/me/boundaries',
            lazy: page(() => import('../features/boundaries/BoundariesPage.js').then((m) => m.BoundariesPage)),
          },
          {
            path: '/me/safety-plan',
            lazy: page(() => import('../features/safety-plan/SafetyPlanPage.js').then((m) => m.SafetyPlanPage)),
          },
          // The psycho-education library (docs/decisions/034-psycho-education-library.md).
          { path: '/learn', lazy: page(() => import('../features/learn/LearnPage.js').then((m) => m.LearnPage)) },
          {
            path: '/learn/:id',
            lazy: page(() => import('../features/learn/ArticlePage.js').then((m) => m.ArticlePage)),
          },
          // Daily check-ins (docs/decisions/032-check-ins.md).
          {
            path: '/check-in',
            lazy: page(() => import('../features/check-in/CheckInPage.js').then((m) => m.CheckInPage)),
          },
          // Self-care plan and time management (docs/decisions/035-self-care-and-plan.md).
          {
            path: '/self-care',
            lazy: page(() => import('../features/self-care/SelfCarePage.js').then((m) => m.SelfCarePage)),
          },
          {
            path: '/plan',
            lazy: page(() => import('../features/plan/PlanLayout.js').then((m) => m.PlanLayout)),
            children: [
              { index: true, lazy: page(() => import('../features/plan/MatrixPage.js').then((m) => m.MatrixPage)) },
              { path: 'day', lazy: page(() => import('../features/plan/DayPage.js').then((m) => m.DayPage)) },
              { path: 'focus', lazy: page(() => import('../features/plan/FocusPage.js').then((m) => m.FocusPage)) },
              { path: 'review', lazy: page(() => import('../features/plan/ReviewPage.js').then((m) => m.ReviewPage)) },
              {
                path: 'scripts',
                lazy: page(() => import('../features/plan/ScriptsPage.js').then((m) => m.ScriptsPage)),
              },
            ],
          },
          // Data rights (docs/decisions/013-data-rights.md).
          { path: '/me/data', lazy: page(() => import('../features/my-data/MyDataPage.js').then((m) => m.MyDataPage)) },
          // Counselling bookings (docs/decisions/040-booking.md): every employee books and sees their own.
          {
            path: '/counselling/book',
            lazy: page(() => import('../features/booking/BookPage.js').then((m) => m.BookPage)),
          },
          {
            path: '/counselling/mine',
            lazy: page(() => import('../features/booking/MyAppointmentsPage.js').then((m) => m.MyAppointmentsPage)),
          },
          {
            path: '/counselling',
            element: <RequireRole role="counsellor" />,
            children: [
              {
                path: 'appointments',
                lazy: page(() =>
                  import('../features/booking/CounsellorAppointmentsPage.js').then((m) => m.CounsellorAppointmentsPage),
                ),
              },
              {
                path: 'profile',
                lazy: page(() =>
                  import('../features/booking/CounsellorProfilePage.js').then((m) => m.CounsellorProfilePage),
                ),
              },
              {
                path: 'urgent',
                lazy: page(() => import('../features/counselling/UrgentQueuePage.js').then((m) => m.UrgentQueuePage)),
              },
              {
                path: 'shared',
                lazy: page(() =>
                  import('../features/counselling/SharedResultsPage.js').then((m) => m.SharedResultsPage),
                ),
              },
              {
                path: 'shared/:shareId',
                lazy: page(() =>
                  import('../features/counselling/SharedResultsPage.js').then((m) => m.SharedResultPage),
                ),
              },
            ],
          },
          {
            path: '/campaigns',
            // Invitation emails link here: an invited employee is taken to their self-check page.
            element: <RequireRole role="wellbeing_admin" otherwise="/self-check" />,
            children: [
              {
                index: true,
                lazy: page(() => import('../features/campaigns/CampaignsPage.js').then((m) => m.CampaignsPage)),
              },
              {
                path: 'new',
                lazy: page(() => import('../features/campaigns/CampaignEditPage.js').then((m) => m.CampaignEditPage)),
              },
              {
                path: ':id/edit',
                lazy: page(() => import('../features/campaigns/CampaignEditPage.js').then((m) => m.CampaignEditPage)),
              },
              {
                path: ':id/stats',
                lazy: page(() => import('../features/campaigns/CampaignStatsPage.js').then((m) => m.CampaignStatsPage)),
              },
            ],
          },
          {
            path: '/admin',
            element: <RequireRole role="agency_admin" />,
            children: [
              { path: 'units', lazy: page(() => import('../features/org/UnitsPage.js').then((m) => m.UnitsPage)) },
              { path: 'people', lazy: page(() => import('../features/org/PeoplePage.js').then((m) => m.PeoplePage)) },
              {
                path: 'people/new',
                lazy: page(() => import('../features/org/PersonPage.js').then((m) => m.PersonPage)),
              },
              {
                path: 'people/:id',
                lazy: page(() => import('../features/org/PersonPage.js').then((m) => m.PersonPage)),
              },
              {
                path: 'import',
                lazy: page(() => import('../features/imports/ImportPage.js').then((m) => m.ImportPage)),
              },
              { path: 'audit', lazy: page(() => import('../features/audit/AuditPage.js').then((m) => m.AuditPage)) },
              {
                path: 'help-contacts',
                lazy: page(() =>
                  import('../features/help/HelpContactsAdminPage.js').then((m) => m.HelpContactsAdminPage),
                ),
              },
              // The agency's own articles in the library (docs/decisions/034-psycho-education-library.md).
              {
                path: 'articles',
                lazy: page(() => import('../features/learn/ArticlesAdminPage.js').then((m) => m.ArticlesAdminPage)),
              },
              {
                path: 'articles/new',
                lazy: page(() => import('../features/learn/ArticleEditorPage.js').then((m) => m.ArticleEditorPage)),
              },
              {
                path: 'articles/:id',
                lazy: page(() => import('../features/learn/ArticleEditorPage.js').then((m) => m.ArticleEditorPage)),
              },
              {
                path: 'settings',
                lazy: page(() => import('../features/agency/AgencySettingsPage.js').then((m) => m.AgencySettingsPage)),
              },
              {
                path: 'outbox',
                lazy: page(() => import('../features/agency/OutboxPage.js').then((m) => m.OutboxPage)),
              },
              // Work-hour boundaries (docs/boundaries.md).
              {
                path: 'calendar',
                lazy: page(() => import('../features/boundaries/CalendarPage.js').then((m) => m.CalendarPage)),
              },
              // Data rights: correction requests.
              {
                path: 'corrections',
                lazy: page(() =>
                  import('../features/my-data/CorrectionRequestsPage.js').then((m) => m.CorrectionRequestsPage),
                ),
              },
            ],
          },
          // The open list of clinical access (every employee) and the DPO console (docs/decisions/012-separation-of-duties.md).
          {
            path: '/profile/privacy/clinical-access',
            lazy: page(() => import('../features/dpo/ClinicalAccessPage.js').then((m) => m.ClinicalAccessPage)),
          },
          {
            path: '/dpo',
            element: <RequireRole role="dpo" />,
            children: [
              {
                lazy: page(() => import('../features/dpo/DpoLayout.js').then((m) => m.DpoLayout)),
                children: [
                  {
                    index: true,
                    lazy: page(() => import('../features/dpo/DpoOverviewPage.js').then((m) => m.DpoOverviewPage)),
                  },
                  {
                    path: 'processing',
                    lazy: page(() => import('../features/dpo/ProcessingPage.js').then((m) => m.ProcessingPage)),
                  },
                  {
                    path: 'breaches',
                    lazy: page(() => import('../features/dpo/BreachesPage.js').then((m) => m.BreachesPage)),
                  },
                  {
                    path: 'breaches/:id',
                    lazy: page(() => import('../features/dpo/BreachPage.js').then((m) => m.BreachPage)),
                  },
                  {
                    path: 'retention',
                    lazy: page(() => import('../features/dpo/RetentionPage.js').then((m) => m.RetentionPage)),
                  },
                ],
              },
            ],
          },
          {
            path: '/platform',
            element: <RequireRole role="platform_admin" />,
            children: [
              {
                path: 'agencies',
                lazy: page(() => import('../features/platform/AgenciesPage.js').then((m) => m.AgenciesPage)),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
