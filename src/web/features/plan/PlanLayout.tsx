import { NavLink, Outlet } from 'react-router';
import { PageRail } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import './plan.css';

const SECTIONS = [
  { to: '/plan', label: 'plan.nav.matrix', end: true },
  { to: '/plan/day', label: 'plan.nav.day' },
  { to: '/plan/focus', label: 'plan.nav.focus' },
  { to: '/plan/review', label: 'plan.nav.review' },
  { to: '/plan/scripts', label: 'plan.nav.scripts' },
] as const;

/** Time management's pages with their own small menu (docs/decisions/035-self-care-and-plan.md). */
export function PlanLayout() {
  const { t } = useT();
  return (
    <PageRail
      nav={
        <nav className="subnav" aria-label={t('plan.nav.label')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to} end={'end' in s ? s.end : false}>
                  {t(s.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      }
    >
      <Outlet />
    </PageRail>
  );
}
