import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSignedIn, type Session } from '../../api/session.js';
import { pagesOf } from '../../components/layout/Shell.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useMessageAreas, useT, type MessageKey } from '../../i18n.js';
import { ADMIN_HOME_AREAS } from '../../lib/page-areas.js';
import { Skeleton } from '../../components/Skeleton.js';
import { agencyQuery, agencyStatsQuery } from '../../api/agency.api.js';
import { myCampaignsQuery } from '../../api/campaigns.api.js';
import { crisisRequestsQuery } from '../../api/urgent-requests.api.js';
import { peopleQuery } from '../../api/org.api.js';
import { LatestResult, MyHelpRequest, NextSteps } from './EmployeeHome.js';
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

function Section({ id, title, lead, children }: { id: string; title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <section className="home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p className="muted">{lead}</p>}
      {children}
    </section>
  );
}

interface Shortcut {
  to: string;
  title: string;
  body: ReactNode;
}

function Shortcuts({ items }: { items: readonly Shortcut[] }) {
  return (
    <ul className="link-grid">
      {items.map((s) => (
        <li key={s.to}>
          <Link to={s.to} className="link-card">
            <span className="link-card__title">{s.title}</span>
            <span className="link-card__body">{s.body}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Open invitations to a campaign, with what is still to fill in. */
function Invitations() {
  const { t } = useT();
  const fmt = useFormat();
  const campaigns = useQuery(myCampaignsQuery);
  const open = campaigns.data?.items.filter((c) => c.instruments.some((i) => !i.completed)) ?? [];
  if (open.length === 0) return null;
  return (
    <div className="home-invitations">
      {open.map((c) => (
        <Alert key={c.id} tone="info" live={false} title={t('home.employee.invitation_title', { title: c.title })}>
          <p>{t('home.employee.invitation_body', { date: fmt.day(c.closesOn) })}</p>
          <p>
            <Link to="/self-check">{t('home.employee.invitation_link')}</Link>
          </p>
        </Alert>
      ))}
    </div>
  );
}

// Check-ins and habit ticks kept on this device while offline are sent from the home too, not only
// from their own pages (docs/decisions/032-check-ins.md); the sender (and the device store) loads once the
// home is on screen, not as part of its first load (docs/decisions/038-first-load-within-budget.md).
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
        <Invitations />
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

function ManagerSection({ session }: { session: Session }) {
  const { t } = useT();
  const fmt = useFormat();
  const team = useQuery(peopleQuery({ pageSize: 50, status: 'active' }));
  const agency = useQuery(agencyQuery);
  const scopes = session.grants.filter((g) => g.role === 'manager');
  const scopeText = scopes.map((g) => g.unitName ?? t('home.manager.whole_agency')).join(', ');
  return (
    <Section
      id="home-manager"
      title={t('home.manager.title')}
      lead={scopeText ? t('home.manager.lead', { units: scopeText }) : undefined}
    >
      <QueryState query={team} loadingLabel={t('home.manager.loading')}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('home.manager.empty')} />
          ) : (
            <>
              <ul className="people-list">
                {page.items
                  .filter((p) => p.id !== session.person.id)
                  .map((p) => (
                    <li key={p.id}>
                      <span className="people-list__name">{p.fullName}</span>
                      <span className="people-list__meta">{p.position ?? t('home.manager.no_position')}</span>
                    </li>
                  ))}
              </ul>
              {page.total > page.items.length && (
                <p className="muted small">
                  {t('home.manager.more', { shown: fmt.number(page.items.length), total: fmt.number(page.total) })}
                </p>
              )}
            </>
          )
        }
      </QueryState>
      {/* Schedules only, and only those a person chose to share (docs/decisions/045-peer-groups-and-return-to-work.md). */}
      <p>
        <Link to="/team/return-to-work">{t('home.manager.return_link')}</Link>
      </p>
      <Alert tone="info" live={false} title={t('home.manager.aggregates_title')}>
        <p>{t('home.manager.aggregates_body', { k: agency.data?.anonymityThreshold ?? 5 })}</p>
      </Alert>
    </Section>
  );
}

/**
 * Waits for the admin section's own message areas, and does nothing else: a component that
 * suspends half-way through its hooks and is replayed when the messages arrive made React 19
 * throw "update hook called on initial render" (error 467) on a fast second load, then recover by
 * rendering the whole page again. Suspending before any other hook keeps the replay identical.
 */
function AdminSection() {
  useMessageAreas(ADMIN_HOME_AREAS);
  return <AdminSectionBody />;
}

function AdminSectionBody() {
  const { t } = useT();
  const fmt = useFormat();
  const stats = useQuery(agencyStatsQuery);
  const figures: Array<{ key: string; label: MessageKey; value: (s: NonNullable<typeof stats.data>) => number }> = [
    { key: 'units', label: 'home.admin.units', value: (s) => s.units },
    { key: 'people', label: 'home.admin.active_people', value: (s) => s.activePeople },
    { key: 'signedUp', label: 'home.admin.signed_up', value: (s) => s.signedUp },
    { key: 'pending', label: 'home.admin.pending_invitations', value: (s) => s.pendingInvitations },
  ];
  return (
    <Section id="home-admin" title={t('home.admin.title')} lead={t('home.admin.lead')}>
      <QueryState query={stats} loadingLabel={t('home.admin.loading')}>
        {(s) => (
          <dl className="stats">
            {figures.map((f) => (
              <div key={f.key} className="stat">
                <dt>{t(f.label)}</dt>
                <dd>{fmt.number(f.value(s))}</dd>
              </div>
            ))}
          </dl>
        )}
      </QueryState>
      <ul className="link-grid">
        {pagesOf('agency_admin').map((page) => (
          <li key={page.to}>
            <Link to={page.to} className="link-card">
              <span className="link-card__title">{t(page.label)}</span>
              {page.summary && <span className="link-card__body">{t(page.summary)}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function CounsellorSection() {
  const { t } = useT();
  const fmt = useFormat();
  const open = useQuery(crisisRequestsQuery('open'));
  const count = open.data?.items.length;
  return (
    <Section id="home-counsellor" title={t('home.counsellor.title')} lead={t('home.counsellor.lead')}>
      {count !== undefined && count > 0 && (
        <Alert tone="warning" live={false} title={t('home.counsellor.urgent_waiting', { count: fmt.number(count) })}>
          <p>
            <Link to="/counselling/urgent">{t('home.counsellor.urgent_open')}</Link>
          </p>
        </Alert>
      )}
      <Shortcuts
        items={[
          {
            to: '/counselling/urgent',
            title: t('home.counsellor.urgent'),
            body:
              count === undefined
                ? t('home.counsellor.urgent_body')
                : t('home.counsellor.urgent_count', { count: fmt.number(count) }),
          },
          { to: '/counselling/shared', title: t('home.counsellor.shared'), body: t('home.counsellor.shared_body') },
        ]}
      />
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
      {has('manager') && <ManagerSection session={session} />}
      {has('wellbeing_admin') && (
        <Section id="home-wellbeing" title={t('home.wellbeing.title')} lead={t('home.wellbeing.lead')}>
          <Shortcuts
            items={[
              { to: '/campaigns', title: t('home.wellbeing.campaigns'), body: t('home.wellbeing.campaigns_body') },
            ]}
          />
        </Section>
      )}
      {has('counsellor') && <CounsellorSection />}
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
