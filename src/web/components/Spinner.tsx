import { useT } from '../i18n.js';

/** A loading indicator announced to screen readers. */
export function Loading({ label, block = true }: { label?: string; block?: boolean }) {
  const { t } = useT();
  return (
    <div className={block ? 'loading loading--block' : 'loading'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.status.loading')}</span>
    </div>
  );
}

/** The whole page while the app learns who is signed in. */
export function FullPageLoading() {
  return (
    <div className="full-page-loading">
      <Loading />
    </div>
  );
}
