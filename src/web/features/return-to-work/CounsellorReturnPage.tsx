import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { clientsQuery, counsellorPlansQuery } from '../../api/return-to-work.api.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import './return-to-work.css';

/** /counselling/return-to-work — my clients, each with their plan or a way to make one. */
export function CounsellorReturnPage() {
  const { t } = useT();
  const clients = useQuery(clientsQuery);
  const plans = useQuery(counsellorPlansQuery);
  return (
    <PageContent>
      <PageHeader title={t('return_to_work.counsellor.title')} lead={t('return_to_work.counsellor.intro')} />
      <QueryState query={clients} skeleton="rows">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('return_to_work.counsellor.clients_empty')} />
          ) : (
            <section aria-labelledby="clients-title">
              <h2 id="clients-title">{t('return_to_work.counsellor.clients')}</h2>
              <ul className="client-list">
                {data.items.map((c) => {
                  const plan = plans.data?.items.find((p) => p.clientId === c.id && !p.closed);
                  return (
                    <li key={c.id}>
                      <span>{c.name}</span>
                      {plan && (
                        <span>
                          <Badge tone={plan.agreedVersion === plan.version ? 'success' : 'info'}>
                            {plan.agreedVersion === plan.version
                              ? t('return_to_work.counsellor.agreed')
                              : t('return_to_work.counsellor.waiting')}
                          </Badge>{' '}
                          {plan.sharedWithManager && (
                            <Badge tone="neutral">{t('return_to_work.counsellor.shared')}</Badge>
                          )}
                        </span>
                      )}
                      <Link
                        className="btn btn--secondary btn--small"
                        to={`/counselling/return-to-work/${c.id}`}
                        aria-label={`${c.hasPlan ? t('return_to_work.counsellor.open') : t('return_to_work.counsellor.make')}: ${c.name}`}
                      >
                        {c.hasPlan ? t('return_to_work.counsellor.open') : t('return_to_work.counsellor.make')}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          )
        }
      </QueryState>
    </PageContent>
  );
}
