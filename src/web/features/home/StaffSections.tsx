import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Session } from '../../api/session.js';
import { pagesOf } from '../../components/layout/Shell.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryState } from '../../components/QueryState.js';
import { useMessageAreas, useT, type MessageKey } from '../../i18n.js';
import { ADMIN_HOME_AREAS } from '../../lib/page-areas.js';
import { agencyQuery, agencyStatsQuery } from '../../api/agency.api.js';
import { crisisRequestsQuery } from '../../api/urgent-requests.api.js';
import { peopleQuery } from '../../api/org.api.js';
import { Section, Shortcuts } from './home-sections.js';

/*
 * The home's sections for the staff roles (manager, counsellor, agency admin). Most people who open
 * Teduh hold none of them, so these load on their own, after the page, only for those who do: the
 * employee's home stays within its first-load budget (docs/performance.md).
 */

export function ManagerSection({ session }: { session: Session }) {
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
export function AdminSection() {
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

export function CounsellorSection() {
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
