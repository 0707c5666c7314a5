import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { groupsQuery, type GroupView } from '../../api/peer-groups.api.js';
import { hasRole, useSignedIn } from '../../api/session.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { scheduleText } from './group-labels.js';
import './peer-groups.css';

/** /groups — open peer groups of the agency and mine: a count of members, never who. */
export function GroupsPage() {
  const { t } = useT();
  const session = useSignedIn();
  const groups = useQuery(groupsQuery);
  const facilitates = hasRole(session, 'counsellor') || hasRole(session, 'wellbeing_admin');
  return (
    <PageContent>
      <PageHeader
        title={t('peer_groups.list.title')}
        lead={t('peer_groups.list.intro')}
        actions={
          facilitates ? (
            <Link className="btn btn--secondary" to="/groups/manage">
              {t('peer_groups.list.manage')}
            </Link>
          ) : undefined
        }
      />
      <QueryState query={groups} skeleton="cards" loadingLabel={t('peer_groups.list.loading')}>
        {(data) => {
          const mine = data.items.filter((g) => g.myDisplayName !== null);
          const open = data.items.filter((g) => g.myDisplayName === null);
          if (data.items.length === 0)
            return (
              <EmptyState
                title={t('peer_groups.list.empty')}
                action={
                  <Link className="btn btn--primary" to="/counselling/book">
                    {t('peer_groups.list.book')}
                  </Link>
                }
              >
                <p>{t('peer_groups.list.empty_body')}</p>
              </EmptyState>
            );
          return (
            <>
              {mine.length > 0 && (
                <section aria-labelledby="groups-mine">
                  <h2 id="groups-mine">{t('peer_groups.list.mine')}</h2>
                  <ul className="group-list">
                    {mine.map((g) => (
                      <GroupCard key={g.id} group={g} />
                    ))}
                  </ul>
                </section>
              )}
              {open.length > 0 && (
                <section aria-labelledby="groups-open">
                  <h2 id="groups-open">{t('peer_groups.list.open')}</h2>
                  <ul className="group-list">
                    {open.map((g) => (
                      <GroupCard key={g.id} group={g} />
                    ))}
                  </ul>
                </section>
              )}
            </>
          );
        }}
      </QueryState>
    </PageContent>
  );
}

function GroupCard({ group: g }: { group: GroupView }) {
  const { t } = useT();
  const fmt = useFormat();
  const next = g.sessions.find((s) => !s.cancelled);
  return (
    <li className="group-card">
      <h3 className="group-card__title">
        <Link to={`/groups/${g.id}`}>{g.topic}</Link>
      </h3>
      <p>{g.description}</p>
      <p className="muted small">
        {scheduleText(g, t, fmt)} · {t(`peer_groups.modes.${g.mode}`)}
      </p>
      <p className="small">
        {next ? t('peer_groups.card.next', { when: fmt.dateTime(next.start) }) : t('peer_groups.card.no_next')}
      </p>
      <p>
        {g.myDisplayName !== null ? (
          <Badge tone="success">{t('peer_groups.card.joined_as', { name: g.myDisplayName })}</Badge>
        ) : g.full ? (
          <Badge tone="warning">{t('peer_groups.card.full')}</Badge>
        ) : (
          <Badge tone="neutral">
            {t('peer_groups.card.seats', { count: fmt.number(g.memberCount), capacity: fmt.number(g.capacity) })}
          </Badge>
        )}
      </p>
    </li>
  );
}
