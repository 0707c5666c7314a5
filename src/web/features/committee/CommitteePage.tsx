import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { committeeQuery } from '../../api/committee.api.js';
import { hasRole, useSignedIn } from '../../api/session.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageHeaderLinks } from '../../components/PageHeaderLinks.js';
import { QueryState } from '../../components/QueryState.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import '../../components/gatherings.css';

/** /committee — who is on the agency's wellbeing committee, and its published minutes. */
export function CommitteePage() {
  const { t } = useT();
  const fmt = useFormat();
  const session = useSignedIn();
  const committee = useQuery(committeeQuery);
  return (
    <PageContent>
      <PageHeader
        title={t('committee.title')}
        lead={t('committee.intro')}
        actions={
          <PageHeaderLinks
            links={[
              { to: '/focus-groups', label: t('committee.focus_groups_link') },
              hasRole(session, 'wellbeing_admin') && { to: '/committee/manage', label: t('committee.manage_link') },
            ]}
          />
        }
      />
      <QueryState query={committee} skeleton="cards" loadingLabel={t('committee.loading')}>
        {(data) => (
          <>
            <section aria-labelledby="committee-members">
              <h2 id="committee-members">{t('committee.members')}</h2>
              {data.members.length === 0 ? (
                <EmptyState title={t('committee.members_empty')} />
              ) : (
                <ul className="committee-list committee-list--cards">
                  {data.members.map((m) => (
                    <li key={m.id} className="committee-card">
                      <p>
                        <strong>{m.name}</strong>
                      </p>
                      <p>
                        <Badge tone="info">{t(`committee.roles.${m.role}`)}</Badge>
                      </p>
                      <p className="muted small">{m.unitName}</p>
                      <p className="muted small">
                        {t('committee.term', { from: fmt.day(m.termFrom), to: fmt.day(m.termTo) })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="committee-meetings">
              <h2 id="committee-meetings">{t('committee.meetings')}</h2>
              {data.amMember && <p className="muted">{t('committee.member_note')}</p>}
              {data.meetings.length === 0 ? (
                <EmptyState title={t('committee.meetings_empty')} />
              ) : (
                <ul className="committee-list">
                  {data.meetings.map((m) => (
                    <li key={m.id} className="committee-card">
                      <p>
                        <Link to={`/committee/meetings/${m.id}`}>{m.title}</Link>
                      </p>
                      <p className="muted small">{fmt.dateTime(m.startsAt)}</p>
                      <p>
                        <Badge tone={m.status === 'cancelled' ? 'warning' : 'neutral'}>
                          {t(`committee.statuses.${m.status}`)}
                        </Badge>{' '}
                        <Badge tone={m.minutesStatus === 'published' ? 'success' : 'neutral'}>
                          {t(`committee.minutes_statuses.${m.minutesStatus}`)}
                        </Badge>
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </PageContent>
  );
}
