import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { Skeleton } from '../Skeleton.js';
import { useT } from '../../i18n.js';
import { safetyPlanQuery } from '../../api/safety-plan.api.js';
import { SafetyPlanSections } from './SafetyPlanSections.js';
import './safety-plan.css';

export const SAFETY_PLAN_PAGE = '/me/safety-plan';

/** A link to the plan's page; in a new tab where leaving would lose an unsent form. */
function PlanLink({ label, newTab }: { label: string; newTab: boolean }) {
  const { t } = useT();
  return (
    <Link
      className="btn btn--secondary btn--small"
      to={SAFETY_PLAN_PAGE}
      {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
    >
      {label}
      {newTab && <span className="visually-hidden"> {t('safety_plan.crisis.new_tab')}</span>}
    </Link>
  );
}

/**
 * The person's safety plan on the crisis and help screens, after the contacts: the sections they
 * wrote, folded so that all fit a phone screen, or an invitation to write one. `newTab` on the
 * screens inside a questionnaire, whose answers are not sent yet.
 */
export function SafetyPlanOnCrisis({
  headingLevel = 3,
  newTab = false,
  announceLoading = true,
}: {
  headingLevel?: 2 | 3;
  newTab?: boolean;
  /** False where the page already says it is loading (the help page's contacts do). */
  announceLoading?: boolean;
}) {
  const { t } = useT();
  const titleId = useId();
  const plan = useQuery(safetyPlanQuery);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const has = Boolean(plan.data);
  return (
    <section className="subsection safety-plan-crisis" aria-labelledby={titleId}>
      <Heading id={titleId}>{has ? t('safety_plan.crisis.title') : t('safety_plan.self_check.title')}</Heading>
      {plan.isPending ? (
        <Skeleton
          label={t('safety_plan.page.loading')}
          shape="rows"
          lines={4}
          heading={false}
          announce={announceLoading}
        />
      ) : plan.error ? (
        <p className="muted">{t('safety_plan.crisis.load_failed')}</p>
      ) : plan.data ? (
        <>
          <p>{t('safety_plan.crisis.lead')}</p>
          <SafetyPlanSections plan={plan.data.plan} collapsed />
          <PlanLink label={t('safety_plan.crisis.edit')} newTab={newTab} />
        </>
      ) : (
        <>
          <p>{t('safety_plan.crisis.none')}</p>
          <PlanLink label={t('safety_plan.crisis.create')} newTab={newTab} />
        </>
      )}
    </section>
  );
}
