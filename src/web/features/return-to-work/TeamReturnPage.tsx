import { useQuery } from '@tanstack/react-query';
import { teamSchedulesQuery } from '../../api/return-to-work.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { PlanSchedule } from './PlanSchedule.js';
import './return-to-work.css';

/**
 * /team/return-to-work — the manager's view: for each person who chose to share it, their name and
 * the dated workload, titled "Rencana kembali bekerja bertahap" and nothing more (no reason, no
 * counsellor, no notes).
 */
export function TeamReturnPage() {
  const { t } = useT();
  const schedules = useQuery(teamSchedulesQuery);
  return (
    <PageContent>
      <PageHeader title={t('return_to_work.team.title')} lead={t('return_to_work.team.intro')} />
      <QueryState query={schedules} skeleton="cards">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('return_to_work.team.empty')} />
          ) : (
            <ul className="plan-list">
              {data.items.map((s) => (
                <li key={s.personId} className="plan-card">
                  <h2>{s.personName}</h2>
                  <p className="muted small">{t('return_to_work.team.label')}</p>
                  <PlanSchedule plan={s} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </PageContent>
  );
}
