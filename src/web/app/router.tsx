import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactElement } from 'react';
import { matchRoutes, Outlet, useRoutes, type RouteObject } from 'react-router';
import { NotFoundPage } from '../components/layout/ErrorPages.js';
import { Skeleton } from '../components/Skeleton.js';
import { RequireRole, RequireSession, SignedOutOnly } from './guards.js';
import { Root } from './Root.js';
import { currentLocale, loadAreas, loadLanguage, type MessageArea } from '../i18n.js';
import { PAGE_AREAS } from '../lib/page-areas.js';
import { FACILITATOR_ROLES } from '../features/peer-groups/facilitators.js';
import { PublicLayout, preloadSignedInShell } from '../components/layout/PublicLayout.js';

/**
 * Every page loads on demand, so that a phone downloads only what the page it opens needs before
 * it can show it (the first-load budgets, docs/decisions/025-static-assets.md and
 * 038-first-load-within-budget.md); main.tsx starts fetching the first page at once.
 *
 * The table is react-router's declarative routes (`useRoutes`), not its data router: the app
 * loads its data with TanStack Query, and the data router's loaders, actions and fetchers were
 * 17 KB of gzipped JavaScript in every first load (docs/decisions/038-first-load-within-budget.md).
 * A page is a `React.lazy` component; a navigation is a transition, so the page on screen stays
 * until the next one has arrived, and the first load shows a skeleton (guards.tsx, App.tsx).
 */
type PageComponent = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/**
 * A page, shown once its chunk and its messages are both there (they are fetched together). A page
 * that names its message areas waits for those only; any other waits for its whole language
 * (docs/decisions/025-static-assets.md). The areas a page's own code and the components it
 * imports use are checked by router.test.ts.
 */
const page = (load: () => Promise<ComponentType>, areas?: readonly MessageArea[]): ReactElement => {
  let pending: Promise<ComponentType> | null = null;
  const messages = () => (areas ? loadAreas(currentLocale(), areas) : loadLanguage(currentLocale()));
  const preload = () => {
    pending ??= Promise.all([load(), messages()]).then(([Component]) => Component);
    // A failed chunk (offline, a new release) may be fetched again by the next attempt.
    pending.catch(() => (pending = null));
    return pending;
  };
  const Page: PageComponent = Object.assign(
    lazy(() => preload().then((Component) => ({ default: Component }))),
    { preload },
  );
  return <Page />;
};

/** The message areas of the peer-group and return-to-work pages (decision 045). */
const GROUP_AREAS = ['peer_groups', 'validation'] as const satisfies readonly MessageArea[];
// The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md).
const COMMITTEE_AREAS = ['committee', 'validation'] as const satisfies readonly MessageArea[];
const FOCUS_AREAS = ['focus_groups', 'committee', 'validation'] as const satisfies readonly MessageArea[];
const RETURN_AREAS = ['return_to_work', 'validation'] as const satisfies readonly MessageArea[];

/** The help page, fetched early by main.tsx and opened from every page. */
export const loadHelpPage = () => import('../features/help/HelpPage.js').then((m) => m.HelpPage);

/** Every page of the web app. Access is checked by the server; the guards only route. */
export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      { path: '/setup', element: page(() => import('../features/setup/SetupPage.js').then((m) => m.SetupPage)) },
      {
        element: (
          <PublicLayout>
            <Suspense fallback={<Skeleton shape="form" />}>
              <Outlet />
            </Suspense>
          </PublicLayout>
        ),
        children: [
          {
            element: <SignedOutOnly />,
            children: [
              {
                path: '/sign-in',
                element: page(
                  () => import('../features/auth/SignInPage.js').then((m) => m.SignInPage),
                  PAGE_AREAS.sign_in,
                ),
              },
            ],
          },
          {
            path: '/reset-password',
            element: page(
              () => import('../features/auth/ResetRequestPage.js').then((m) => m.ResetRequestPage),
              PAGE_AREAS.sign_in,
            ),
          },
          {
            path: '/reset-password/:token',
            element: page(() => import('../features/auth/ResetPasswordPage.js').then((m) => m.ResetPasswordPage)),
          },
          {
            path: '/invite/:token',
            element: page(() => import('../features/auth/InvitePage.js').then((m) => m.InvitePage)),
          },
          // Account recovery (docs/decisions/011-account-recovery.md): the old address confirms an admin's change of email.
          {
            path: '/confirm-email-change/:token',
            element: page(() =>
              import('../features/auth/ConfirmEmailChangePage.js').then((m) => m.ConfirmEmailChangePage),
            ),
          },
        ],
      },
      // Help for everyone, signed in or not. It must open at once: its chunk is fetched as soon as the
      // first page is up (main.tsx), so a tap on "Bantuan sekarang" finds it already there.
      { path: '/help', element: page(loadHelpPage, PAGE_AREAS.help) },
      // Guided exercises: pure client code, open signed in or not (the help page links here).
      {
        path: '/exercises',
        element: page(() => import('../features/exercises/ExercisesPage.js').then((m) => m.ExercisesPage)),
      },
      {
        path: '/exercises/:id',
        element: page(() => import('../features/exercises/ExercisesPage.js').then((m) => m.ExercisePage)),
      },
      {
        path: '/sign-in/two-factor',
        element: page(() => import('../features/auth/TwoFactorVerifyPage.js').then((m) => m.TwoFactorVerifyPage)),
      },
      {
        path: '/two-factor/setup',
        element: page(() => import('../features/auth/TwoFactorSetupPage.js').then((m) => m.TwoFactorSetupPage)),
      },
      {
        element: <RequireSession />,
        children: [
          {
            index: true,
            element: page(() => import('../features/home/HomePage.js').then((m) => m.HomePage), PAGE_AREAS.home),
          },
          {
            path: '/profile',
            element: page(() => import('../features/profile/ProfilePage.js').then((m) => m.ProfilePage)),
          },
          {
            path: '/profile/privacy',
            element: page(() => import('../features/privacy/PrivacyPage.js').then((m) => m.PrivacyPage)),
          },
          // Counselling consent and who opened my counselling data (docs/decisions/042-counselling-consent.md).
          {
            path: '/profile/privacy/counselling',
            element: page(
              () => import('../features/consent/ConsentPage.js').then((m) => m.ConsentPage),
              ['consent', 'validation'],
            ),
          },
          {
            path: '/profile/privacy/consents/:version',
            element: page(() => import('../features/privacy/PrivacyPage.js').then((m) => m.ConsentTextPage)),
          },
          {
            path: '/notifications',
            element: page(() =>
              import('../features/notifications/NotificationsPage.js').then((m) => m.NotificationsPage),
            ),
          },
          {
            path: '/self-check',
            element: page(() => import('../features/assessments/SelfCheckPage.js').then((m) => m.SelfCheckPage)),
          },
          {
            path: '/self-check/results/:id',
            element: page(() => import('../features/assessments/ResultPage.js').then((m) => m.ResultPage)),
          },
          {
            path: '/self-check/history/:instrumentId',
            element: page(() => import('../features/assessments/HistoryPage.js').then((m) => m.HistoryPage)),
          },
          {
            path: '/self-check/:instrumentId',
            element: page(() => import('../features/assessments/AssessmentPage.js').then((m) => m.AssessmentPage)),
          },
          {
            path: '/me/boundaries',
            element: page(() => import('../features/boundaries/BoundariesPage.js').then((m) => m.BoundariesPage)),
          },
          {
            path: '/me/safety-plan',
            element: page(() => import('../features/safety-plan/SafetyPlanPage.js').then((m) => m.SafetyPlanPage)),
          },
          // The psycho-education library (docs/decisions/034-psycho-education-library.md).
          { path: '/learn', element: page(() => import('../features/learn/LearnPage.js').then((m) => m.LearnPage)) },
          {
            path: '/learn/:id',
            element: page(() => import('../features/learn/ArticlePage.js').then((m) => m.ArticlePage)),
          },
          // Daily check-ins (docs/decisions/032-check-ins.md) and, at /check-in/insights, the
          // insights from them (docs/decisions/036-insights.md; its own chunk, loaded by CheckInPage).
          {
            path: '/check-in/insights?',
            element: page(() => import('../features/check-in/CheckInPage.js').then((m) => m.CheckInPage)),
          },
          // Self-care plan and time management (docs/decisions/035-self-care-and-plan.md).
          {
            path: '/self-care',
            element: page(() => import('../features/self-care/SelfCarePage.js').then((m) => m.SelfCarePage)),
          },
          {
            path: '/plan',
            element: page(() => import('../features/plan/PlanLayout.js').then((m) => m.PlanLayout)),
            children: [
              { index: true, element: page(() => import('../features/plan/MatrixPage.js').then((m) => m.MatrixPage)) },
              { path: 'day', element: page(() => import('../features/plan/DayPage.js').then((m) => m.DayPage)) },
              { path: 'focus', element: page(() => import('../features/plan/FocusPage.js').then((m) => m.FocusPage)) },
              {
                path: 'review',
                element: page(() => import('../features/plan/ReviewPage.js').then((m) => m.ReviewPage)),
              },
              {
                path: 'scripts',
                element: page(() => import('../features/plan/ScriptsPage.js').then((m) => m.ScriptsPage)),
              },
            ],
          },
          // Data rights (docs/decisions/013-data-rights.md).
          {
            path: '/me/data',
            element: page(() => import('../features/my-data/MyDataPage.js').then((m) => m.MyDataPage)),
          },
          // Counselling bookings (docs/decisions/040-booking.md): every employee books and sees their own.
          {
            path: '/counselling/book',
            element: page(() => import('../features/booking/BookPage.js').then((m) => m.BookPage)),
          },
          {
            path: '/counselling/mine',
            element: page(() => import('../features/booking/MyAppointmentsPage.js').then((m) => m.MyAppointmentsPage)),
          },
          // Referrals on the BPJS path (docs/decisions/044-referrals.md): reached from the home and /help.
          {
            path: '/referrals',
            element: page(() => import('../features/referrals/ReferralsPage.js').then((m) => m.ReferralsPage)),
          },
          {
            path: '/referrals/new',
            element: page(() => import('../features/referrals/NewReferralPage.js').then((m) => m.NewReferralPage)),
          },
          {
            path: '/referrals/:id',
            element: page(() =>
              import('../features/referrals/ApproveReferralPage.js').then((m) => m.ApproveReferralPage),
            ),
          },
          // Peer groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md):
          // reached from the home's "Bantuan" group and /help, not the menu. /groups/manage is for the
          // roles that facilitate (counsellors and wellbeing admins); the server answers 403 to others.
          {
            path: '/groups',
            element: page(() => import('../features/peer-groups/GroupsPage.js').then((m) => m.GroupsPage), GROUP_AREAS),
          },
          {
            path: '/groups/manage',
            element: <RequireRole role={FACILITATOR_ROLES} />,
            children: [
              {
                index: true,
                element: page(
                  () => import('../features/peer-groups/ManageGroupsPage.js').then((m) => m.ManageGroupsPage),
                  GROUP_AREAS,
                ),
              },
              {
                path: ':id',
                element: page(
                  () => import('../features/peer-groups/ManageGroupsPage.js').then((m) => m.ManageGroupPage),
                  GROUP_AREAS,
                ),
              },
            ],
          },
          // The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md):
          // every employee sees /committee and answers invitations; /manage is the wellbeing admin's.
          {
            path: '/committee',
            element: page(
              () => import('../features/committee/CommitteePage.js').then((m) => m.CommitteePage),
              COMMITTEE_AREAS,
            ),
          },
          {
            path: '/committee/meetings/:id',
            element: page(
              () => import('../features/committee/MeetingPage.js').then((m) => m.MeetingPage),
              COMMITTEE_AREAS,
            ),
          },
          {
            path: '/focus-groups',
            element: page(
              () => import('../features/focus-groups/FocusGroupsPage.js').then((m) => m.FocusGroupsPage),
              FOCUS_AREAS,
            ),
          },
          {
            path: '/focus-groups/:id',
            element: page(
              () => import('../features/focus-groups/FocusGroupPage.js').then((m) => m.FocusGroupPage),
              FOCUS_AREAS,
            ),
          },
          {
            element: <RequireRole role="wellbeing_admin" />,
            children: [
              {
                path: '/committee/manage',
                element: page(
                  () => import('../features/committee/ManageCommitteePage.js').then((m) => m.ManageCommitteePage),
                  COMMITTEE_AREAS,
                ),
              },
              {
                path: '/focus-groups/manage',
                element: page(
                  () =>
                    import('../features/focus-groups/ManageFocusGroupsPage.js').then((m) => m.ManageFocusGroupsPage),
                  FOCUS_AREAS,
                ),
              },
            ],
          },
          {
            path: '/groups/:id',
            element: page(() => import('../features/peer-groups/GroupPage.js').then((m) => m.GroupPage), GROUP_AREAS),
          },
          {
            path: '/return-to-work',
            element: page(
              () => import('../features/return-to-work/MyReturnPage.js').then((m) => m.MyReturnPage),
              RETURN_AREAS,
            ),
          },
          {
            path: '/team/return-to-work',
            element: <RequireRole role="manager" />,
            children: [
              {
                index: true,
                element: page(
                  () => import('../features/return-to-work/TeamReturnPage.js').then((m) => m.TeamReturnPage),
                  RETURN_AREAS,
                ),
              },
            ],
          },
          {
            path: '/counselling',
            element: <RequireRole role="counsellor" />,
            children: [
              {
                path: 'return-to-work',
                element: page(
                  () =>
                    import('../features/return-to-work/CounsellorReturnPage.js').then((m) => m.CounsellorReturnPage),
                  RETURN_AREAS,
                ),
              },
              {
                path: 'return-to-work/:clientId',
                element: page(
                  () => import('../features/return-to-work/PlanEditorPage.js').then((m) => m.PlanEditorPage),
                  RETURN_AREAS,
                ),
              },
              {
                path: 'appointments',
                element: page(() =>
                  import('../features/booking/CounsellorAppointmentsPage.js').then((m) => m.CounsellorAppointmentsPage),
                ),
              },
              {
                path: 'profile',
                element: page(() =>
                  import('../features/booking/CounsellorProfilePage.js').then((m) => m.CounsellorProfilePage),
                ),
              },
              // Session notes (docs/decisions/041-session-notes.md): the author's note of one appointment.
              {
                path: 'appointments/:id/note',
                element: page(
                  () => import('../features/notes/NoteEditorPage.js').then((m) => m.NoteEditorPage),
                  ['notes', 'booking', 'validation', 'errors'],
                ),
              },
              {
                path: 'referrals',
                element: page(() =>
                  import('../features/referrals/CounsellorReferralsPage.js').then((m) => m.CounsellorReferralsPage),
                ),
              },
              // The counsellor's caseload (docs/decisions/047-caseload.md).
              {
                path: 'caseload',
                element: page(() => import('../features/counselling/CaseloadPage.js').then((m) => m.CaseloadPage)),
              },
              {
                path: 'urgent',
                element: page(() =>
                  import('../features/counselling/UrgentQueuePage.js').then((m) => m.UrgentQueuePage),
                ),
              },
              {
                path: 'shared',
                element: page(() =>
                  import('../features/counselling/SharedResultsPage.js').then((m) => m.SharedResultsPage),
                ),
              },
              // A client's record (docs/decisions/042-counselling-consent.md); the caseload links here.
              {
                path: 'clients/:id',
                element: page(
                  () => import('../features/client-record/ClientRecordPage.js').then((m) => m.ClientRecordPage),
                  ['client_record', 'booking', 'notes'],
                ),
              },
              {
                path: 'shared/:shareId',
                element: page(() =>
                  import('../features/counselling/SharedResultsPage.js').then((m) => m.SharedResultPage),
                ),
              },
            ],
          },
          // Break-glass (docs/decisions/041-session-notes.md): a clinical supervisor's hour with one client's notes.
          {
            path: '/counselling/break-glass',
            element: <RequireRole role="clinical_supervisor" />,
            children: [
              {
                index: true,
                element: page(
                  () => import('../features/notes/BreakGlassPage.js').then((m) => m.BreakGlassPage),
                  ['notes', 'validation'],
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
                element: page(() => import('../features/campaigns/CampaignsPage.js').then((m) => m.CampaignsPage)),
              },
              {
                path: 'new',
                element: page(() =>
                  import('../features/campaigns/CampaignEditPage.js').then((m) => m.CampaignEditPage),
                ),
              },
              {
                path: ':id/edit',
                element: page(() =>
                  import('../features/campaigns/CampaignEditPage.js').then((m) => m.CampaignEditPage),
                ),
              },
              {
                path: ':id/stats',
                element: page(() =>
                  import('../features/campaigns/CampaignStatsPage.js').then((m) => m.CampaignStatsPage),
                ),
              },
            ],
          },
          // Climate surveys (docs/decisions/048-climate-surveys.md): the wellbeing admin's pages; anyone
          // else opening /surveys is taken to the surveys they were asked.
          {
            path: '/surveys',
            element: <RequireRole role="wellbeing_admin" otherwise="/surveys/mine" />,
            children: [
              {
                index: true,
                element: page(() => import('../features/surveys/SurveysPage.js').then((m) => m.SurveysPage)),
              },
              {
                path: 'new',
                element: page(() => import('../features/surveys/SurveyNewPage.js').then((m) => m.SurveyNewPage)),
              },
              {
                path: ':id',
                element: page(() => import('../features/surveys/SurveyPage.js').then((m) => m.SurveyPage)),
              },
              {
                path: ':id/results',
                element: page(() =>
                  import('../features/surveys/SurveyResultsPage.js').then((m) => m.SurveyResultsPage),
                ),
              },
              // Sharing results with staff and the follow-up (docs/decisions/051-survey-publication-and-actions.md).
              {
                path: ':id/publication',
                element: page(() =>
                  import('../features/survey-actions/SurveyPublicationPage.js').then((m) => m.SurveyPublicationPage),
                ),
              },
            ],
          },
          {
            path: '/surveys/mine',
            element: page(() => import('../features/surveys/MySurveysPage.js').then((m) => m.MySurveysPage)),
          },
          {
            path: '/surveys/mine/:id',
            element: page(() => import('../features/surveys/MySurveyPage.js').then((m) => m.MySurveyPage)),
          },
          // The anonymous suggestion box (docs/decisions/052-suggestion-box.md): everyone writes and
          // reads the board; the wellbeing team replies, hides and releases.
          {
            path: '/suggestions',
            element: page(() =>
              import('../features/suggestions/SuggestionBoxPage.js').then((m) => m.SuggestionBoxPage),
            ),
          },
          {
            path: '/suggestions/manage',
            element: <RequireRole role="wellbeing_admin" otherwise="/suggestions" />,
            children: [
              {
                index: true,
                element: page(() =>
                  import('../features/suggestions/ManageSuggestionsPage.js').then((m) => m.ManageSuggestionsPage),
                ),
              },
            ],
          },
          {
            path: '/surveys/published/:id',
            element: page(() =>
              import('../features/survey-actions/PublishedSurveyPage.js').then((m) => m.PublishedSurveyPage),
            ),
          },
          {
            path: '/survey-actions',
            element: <RequireRole role="wellbeing_admin" />,
            children: [
              {
                index: true,
                element: page(() =>
                  import('../features/survey-actions/SurveyActionsPage.js').then((m) => m.SurveyActionsPage),
                ),
              },
              {
                path: ':id',
                element: page(() =>
                  import('../features/survey-actions/SurveyActionPage.js').then((m) => m.SurveyActionPage),
                ),
              },
            ],
          },
          {
            path: '/admin',
            element: <RequireRole role="agency_admin" />,
            children: [
              { path: 'units', element: page(() => import('../features/org/UnitsPage.js').then((m) => m.UnitsPage)) },
              {
                path: 'people',
                element: page(() => import('../features/org/PeoplePage.js').then((m) => m.PeoplePage)),
              },
              {
                path: 'people/new',
                element: page(() => import('../features/org/PersonPage.js').then((m) => m.PersonPage)),
              },
              {
                path: 'people/:id',
                element: page(() => import('../features/org/PersonPage.js').then((m) => m.PersonPage)),
              },
              {
                path: 'import',
                element: page(() => import('../features/imports/ImportPage.js').then((m) => m.ImportPage)),
              },
              { path: 'audit', element: page(() => import('../features/audit/AuditPage.js').then((m) => m.AuditPage)) },
              {
                path: 'help-contacts',
                element: page(() =>
                  import('../features/help/HelpContactsAdminPage.js').then((m) => m.HelpContactsAdminPage),
                ),
              },
              // The agency's own articles in the library (docs/decisions/034-psycho-education-library.md).
              {
                path: 'articles',
                element: page(() => import('../features/learn/ArticlesAdminPage.js').then((m) => m.ArticlesAdminPage)),
              },
              {
                path: 'articles/new',
                element: page(() => import('../features/learn/ArticleEditorPage.js').then((m) => m.ArticleEditorPage)),
              },
              {
                path: 'articles/:id',
                element: page(() => import('../features/learn/ArticleEditorPage.js').then((m) => m.ArticleEditorPage)),
              },
              {
                path: 'settings',
                element: page(() =>
                  import('../features/agency/AgencySettingsPage.js').then((m) => m.AgencySettingsPage),
                ),
              },
              {
                path: 'outbox',
                element: page(() => import('../features/agency/OutboxPage.js').then((m) => m.OutboxPage)),
              },
              // Work-hour boundaries (docs/boundaries.md).
              {
                path: 'calendar',
                element: page(() => import('../features/boundaries/CalendarPage.js').then((m) => m.CalendarPage)),
              },
              // Data rights: correction requests.
              {
                path: 'corrections',
                element: page(() =>
                  import('../features/my-data/CorrectionRequestsPage.js').then((m) => m.CorrectionRequestsPage),
                ),
              },
            ],
          },
          // The open list of clinical access (every employee) and the DPO console (docs/decisions/012-separation-of-duties.md).
          {
            path: '/profile/privacy/clinical-access',
            element: page(() => import('../features/dpo/ClinicalAccessPage.js').then((m) => m.ClinicalAccessPage)),
          },
          {
            path: '/dpo',
            element: <RequireRole role="dpo" />,
            children: [
              {
                element: page(() => import('../features/dpo/DpoLayout.js').then((m) => m.DpoLayout)),
                children: [
                  {
                    index: true,
                    element: page(() => import('../features/dpo/DpoOverviewPage.js').then((m) => m.DpoOverviewPage)),
                  },
                  {
                    path: 'processing',
                    element: page(() => import('../features/dpo/ProcessingPage.js').then((m) => m.ProcessingPage)),
                  },
                  {
                    path: 'breaches',
                    element: page(() => import('../features/dpo/BreachesPage.js').then((m) => m.BreachesPage)),
                  },
                  {
                    path: 'breaches/:id',
                    element: page(() => import('../features/dpo/BreachPage.js').then((m) => m.BreachPage)),
                  },
                  {
                    path: 'retention',
                    element: page(() => import('../features/dpo/RetentionPage.js').then((m) => m.RetentionPage)),
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
                element: page(() => import('../features/platform/AgenciesPage.js').then((m) => m.AgenciesPage)),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The routes, rendered inside the browser router (App.tsx). */
export function AppRoutes() {
  return useRoutes(routes);
}

/**
 * Starts fetching what the page at `pathname` needs — its chunk, its language's messages and, for
 * a signed-in page, the shell — while the app asks who is signed in, instead of after the answer
 * (docs/decisions/038-first-load-within-budget.md). Settles when all of it has arrived or failed.
 */
export function preloadRoute(pathname: string): Promise<void> {
  const pending: Array<Promise<unknown>> = [];
  for (const { route } of matchRoutes(routes, pathname) ?? []) {
    const type = (route.element as ReactElement | undefined)?.type as Partial<PageComponent> | undefined;
    if (type === RequireSession) pending.push(preloadSignedInShell());
    else if (typeof type?.preload === 'function') pending.push(type.preload());
  }
  return Promise.allSettled(pending).then(() => undefined);
}
