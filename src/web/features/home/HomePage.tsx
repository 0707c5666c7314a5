import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.js';
import { useSignedIn, type Session } from '../../api/session.js';
import { useFormat } from '../../lib/use-format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { Skeleton } from '../../components/Skeleton.js';
import { myCampaignsQuery } from '../../api/campaigns.api.js';
import { mySurveysQuery } from '../../api/surveys.api.js';
import { LatestResult, MyHelpRequest, NextSteps } from './EmployeeHome.js';
import { Section, Shortcuts } from './home-sections.js';
import './home.css';

type Greeting = 'home.greeting.morning' | 'home.greeting.midday' | 'home.greeting.afternoon' | 'home.greeting.evening';

/** Selamat pagi / siang / sore / malam, by the clock of the person's own unit. */
function greetingFor(timeZone: string): Greeting {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()),
  );
  if (hour >= 4 && hour < 11) return 'home.greeting.morning';
  if (hour >= 11 && hour < 15) return 'home.greeting.midday';
  if (hour >= 15 && hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/** Open invitations to a campaign, with what is still to fill in. */
function Invitations() {
  const { t } = useT();
  const fmt = useFormat();
  const campaigns = useQuery(myCampaignsQuery);
  const open = campaigns.data?.items.filter((c) => c.instruments.some((i) => !i.completed)) ?? [];
  if (open.length === 0) return null;
  return (
    <>
      {open.map((c) => (
        <Alert key={c.id} tone="info" live={false} title={t('home.employee.invitation_title', { title: c.title })}>
          <p>{t('home.employee.invitation_body', { date: fmt.day(c.closesOn) })}</p>
          <p>
            <Link to="/self-check">{t('home.employee.invitation_link')}</Link>
          </p>
        </Alert>
      ))}
    </>
  );
}

/** Open climate surveys I have not answered yet (docs/decisions/048-climate-surveys.md). */
function SurveyInvitations() {
  const { t } = useT();
  const fmt = useFormat();
  const surveys = useQuery(mySurveysQuery);
  const open = surveys.data?.items.filter((s) => !s.answered) ?? [];
  if (open.length === 0) return null;
  return (
    <>
      {open.map((s) => (
        <Alert key={s.id} tone="info" live={false} title={t('home.employee.survey_title', { title: s.title })}>
          <p>{t('home.employee.survey_body', { minutes: fmt.number(s.minutes), date: fmt.day(s.closesOn) })}</p>
          <p>
            <Link to={`/surveys/mine/${s.id}`}>{t('home.employee.survey_link')}</Link>
          </p>
        </Alert>
      ))}
    </>
  );
}

// Check-ins and habit ticks kept on this device while offline are sent from the home too, not only
// from their own pages (docs/decisions/032-check-ins.md); the sender (and the device store) loads once the
// home is on screen, not as part of its first load (docs/decisions/038-first-load-within-budget.md).
// The staff roles' sections load on their own, only for those who hold one (StaffSections.tsx).
const staffSections = () => import('./StaffSections.js');
const ManagerSection = lazy(() => staffSections().then((m) => ({ default: m.ManagerSection })));
const CounsellorSection = lazy(() => staffSections().then((m) => ({ default: m.CounsellorSection })));
const AdminSection = lazy(() => staffSections().then((m) => ({ default: m.AdminSection })));

const DeviceOutboxSender = lazy(() =>
  import('../../lib/check-in-outbox.js').then((m) => ({ default: m.DeviceOutboxSender })),
);

function EmployeeSection() {
  const { t } = useT();
  const personId = useSignedIn().person.id;
  return (
    <Section id="home-employee" title={t('home.employee.title')}>
      <Suspense fallback={null}>
        <DeviceOutboxSender personId={personId} />
      </Suspense>
      {/* In this order on a phone; on a wide screen the person's own state (a request, the latest
          result) with the privacy note beside it, and the next steps across the page below (home.css). */}
      <div className="home-employee-layout">
        {/* One place on a wide screen (home.css) for every invitation: campaigns, then surveys. */}
        <div className="home-invitations">
          <Invitations />
          <SurveyInvitations />
        </div>
        <div className="home-employee">
          <MyHelpRequest />
          <LatestResult />
        </div>
        <nav className="home-employee-layout__next" aria-label={t('home.employee.next_label')}>
          <NextSteps />
        </nav>
        <Alert
          tone="success"
          live={false}
          title={t('home.employee.privacy_title')}
          className="home-employee-layout__privacy"
        >
          <p>{t('home.employee.privacy_body')}</p>
        </Alert>
      </div>
    </Section>
  );
}

/**
 * Home: the person first — their open request for help, their latest self-check — then one section
 * per role they hold, showing only what exists (docs/decisions/022-preferred-name-and-own-state.md).
 */
export function HomePage() {
  const { t } = useT();
  const session = useSignedIn();
  const has = (role: Session['roles'][number]) => session.roles.includes(role);
  return (
    <>
      <PageHeader
        eyebrow={session.agency.name}
        title={t(greetingFor(session.unit.timeZone), { name: session.person.greetingName })}
        lead={t('home.lead', { unit: session.unit.name })}
      />
      <EmployeeSection />
      {has('manager') && (
        <Suspense fallback={<Skeleton shape="cards" lines={3} />}>
          <ManagerSection session={session} />
        </Suspense>
      )}
      {has('wellbeing_admin') && (
        <Section id="home-wellbeing" title={t('home.wellbeing.title')} lead={t('home.wellbeing.lead')}>
          <Shortcuts
            items={[
              { to: '/campaigns', title: t('home.wellbeing.campaigns'), body: t('home.wellbeing.campaigns_body') },
              { to: '/surveys', title: t('home.wellbeing.surveys'), body: t('home.wellbeing.surveys_body') },
            ]}
          />
        </Section>
      )}
      {has('counsellor') && (
        <Suspense fallback={<Skeleton shape="cards" lines={2} />}>
          <CounsellorSection />
        </Suspense>
      )}
      {has('agency_admin') && (
        <Suspense fallback={<Skeleton shape="cards" lines={4} />}>
          <AdminSection />
        </Suspense>
      )}
      {has('platform_admin') && (
        <Section id="home-platform" title={t('home.platform.title')} lead={t('home.platform.lead')}>
          <p>
            <Link to="/platform/agencies" className="btn btn--secondary">
              {t('home.platform.link')}
            </Link>
          </p>
        </Section>
      )}
    </>
  );
}
