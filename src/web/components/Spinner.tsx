import { useT } from '../i18n.js';

/**
 * An action under way (answers being sent, an import being saved, a search refreshing), announced
 * to screen readers. A page or section waiting for its data shows a Skeleton instead
 * (components/Skeleton.tsx), shaped like what will appear.
 */
export function Loading({ label, block = true }: { label?: string; block?: boolean }) {
  const { t } = useT();
  return (
    <div className={block ? 'loading loading--block' : 'loading'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.status.loading')}</span>
    </div>
  );
}
