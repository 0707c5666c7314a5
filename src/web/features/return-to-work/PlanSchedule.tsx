import type { PlanView } from '../../api/return-to-work.api.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

/** The dated workload of a plan: each period with its percentage, then full time. */
export function PlanSchedule({ plan }: { plan: Pick<PlanView, 'periods' | 'fullFrom'> }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <ul className="period-list">
      {plan.periods.map((p) => (
        <li key={p.from}>
          <span>{t('return_to_work.plan.period', { from: fmt.day(p.from), to: fmt.day(p.to) })}</span>
          <strong>{t('return_to_work.plan.percent', { percent: fmt.number(p.percent) })}</strong>
        </li>
      ))}
      <li>
        <span>{t('return_to_work.plan.full', { date: fmt.day(plan.fullFrom) })}</span>
      </li>
    </ul>
  );
}
