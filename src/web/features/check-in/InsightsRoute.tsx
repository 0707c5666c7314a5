import { useEffect, useState, type ComponentType } from 'react';
import { useT } from '../../i18n.js';

/** The insights page and its chart library, fetched only when it is opened (docs/decisions/036-insights.md). */
export function InsightsRoute() {
  const { t } = useT();
  const [Page, setPage] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    void import('./insights/InsightsPage.js').then((m) => live && setPage(() => m.InsightsPage));
    return () => {
      live = false;
    };
  }, []);
  if (Page) return <Page />;
  return (
    <div className="skeleton skeleton--cards" role="status" aria-busy="true">
      <span className="visually-hidden">{t('checkin.insights.page.loading')}</span>
    </div>
  );
}
