import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { focusGroupsQuery, type FocusGroupView } from '../../api/focus-groups.api.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageHeaderLinks } from '../../components/PageHeaderLinks.js';
import { hasRole, useSignedIn } from '../../api/session.js';
import { QueryState } from '../../components/QueryState.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import '../../components/gatherings.css';

/** /focus-groups — my invitations, the groups I facilitate, and published summaries. */
export function FocusGroupsPage() {
  const { t } = useT();
  const session = useSignedIn();
  const groups = useQuery(focusGroupsQuery);
  return (
    <PageContent>
      <PageHeader
        title={t('focus_groups.title')}
        lead={t('focus_groups.intro')}
        actions={
          <PageHeaderLinks
            links={[
              { to: '/committee', label: t('focus_groups.committee_link') },
              hasRole(session, 'wellbeing_admin') && {
                to: '/focus-groups/manage',
                label: t('focus_groups.manage_link'),
              },
            ]}
          />
        }
      />
      <QueryState query={groups} skeleton="cards" loadingLabel={t('focus_groups.loading')}>
        {(data) => {
          if (data.items.length === 0) return <EmptyState title={t('focus_groups.empty')} />;
          const sections = [
            { id: 'invited', items: data.items.filter((g) => g.myAnswer !== null) },
            { id: 'facilitating', items: data.items.filter((g) => g.amFacilitator) },
            {
              id: 'summaries',
              items: data.items.filter((g) => g.myAnswer === null && !g.amFacilitator && g.summaryPublishedAt),
            },
          ] as const;
          return sections
            .filter((s) => s.items.length > 0)
            .map((s) => (
              <section key={s.id} aria-labelledby={`fg-${s.id}`}>
                <h2 id={`fg-${s.id}`}>{t(`focus_groups.${s.id}`)}</h2>
                <ul className="committee-list">
                  {s.items.map((g) => (
                    <GroupCard key={g.id} group={g} />
                  ))}
                </ul>
              </section>
            ));
        }}
      </QueryState>
    </PageContent>
  );
}

function GroupCard({ group: g }: { group: FocusGroupView }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <li className="committee-card">
      <p>
        <Link to={`/focus-groups/${g.id}`}>{g.topic}</Link>
      </p>
      <p className="muted small">{fmt.dateTime(g.startsAt)}</p>
      <p>
        <Badge tone={g.status === 'cancelled' ? 'warning' : 'neutral'}>{t(`focus_groups.statuses.${g.status}`)}</Badge>{' '}
        {g.summaryPublishedAt && <Badge tone="success">{t('focus_groups.manage.summary_published')}</Badge>}{' '}
        {g.myAnswer && (
          <Badge tone={g.myAnswer === 'accepted' ? 'success' : 'neutral'}>
            {t(`focus_groups.answers.${g.myAnswer}`)}
          </Badge>
        )}
      </p>
    </li>
  );
}
