import { Link } from 'react-router';
import { Button, ButtonRow } from '../Button.js';
import { PageHeader } from '../PageHeader.js';
import { useT } from '../../i18n.js';
import { AdaptiveLayout } from './PublicLayout.js';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <AdaptiveLayout>
      <div className="narrow">
        <PageHeader title={t('shell.not_found.title')} lead={t('shell.not_found.lead')} />
        <p>
          <Link to="/">{t('shell.not_found.home')}</Link>
        </p>
      </div>
    </AdaptiveLayout>
  );
}

export function ForbiddenPage() {
  const { t } = useT();
  return (
    <div className="narrow">
      <PageHeader title={t('shell.forbidden.title')} lead={t('shell.forbidden.lead')} />
      <p>
        <Link to="/">{t('shell.not_found.home')}</Link>
      </p>
    </div>
  );
}

/**
 * What a person sees when a page fails to render (src/web/app/RouteErrorBoundary.tsx): a calm
 * message and a way on. No stack trace; the details go to the browser console (logged by the
 * boundary) for whoever is debugging.
 */
export function RouteErrorPage() {
  const { t } = useT();
  return (
    <div className="app app--public">
      <header className="site-header site-header--public">
        <div className="container site-header__bar">
          <a href="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">Teduh</span>
            </span>
          </a>
          {/* A plain link: whatever broke the page must not also break the way to help. */}
          <a href="/help" className="help-now">
            <span className="help-now__icon" aria-hidden="true" />
            <span className="help-now__text">{t('shell.help_now')}</span>
          </a>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main main--public">
        <div className="narrow">
          <PageHeader title={t('shell.error.title')} lead={t('shell.error.lead')} />
          <ButtonRow>
            <Button onClick={() => window.location.reload()}>{t('shell.error.reload')}</Button>
            <a className="btn btn--secondary" href="/">
              {t('shell.not_found.home')}
            </a>
          </ButtonRow>
        </div>
      </main>
    </div>
  );
}
