import { NavLink, Outlet } from 'react-router';
import { useT } from '../../i18n.js';
import './dpo.css';
import { PageRail } from '../../components/layout/PageLayout.js';

const SECTIONS = [
  { to: '/dpo', label: 'dpo.nav.overview', end: true },
  { to: '/dpo/processing', label: 'dpo.nav.processing' },
  { to: '/dpo/breaches', label: 'dpo.nav.breaches' },
  { to: '/dpo/retention', label: 'dpo.nav.retention' },
] as const;

/** The DPO console's pages with their own small menu. */
export function DpoLayout() {
  const { t } = useT();
  return (
    <PageRail
      nav={
        <nav className="subnav" aria-label={t('dpo.nav.label')}>
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
