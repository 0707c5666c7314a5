import { useT } from '../i18n.js';

/**
 * Grey shapes where content is about to appear, so the page keeps its layout while it waits
 * (rather than a spinner that jumps when the content arrives). Announced once to screen readers
 * as loading; the shapes themselves are hidden from them.
 */
export function Skeleton({ label, lines = 3, heading = true }: { label?: string; lines?: number; heading?: boolean }) {
  const { t } = useT();
  return (
    <div className="skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label ?? t('common.status.loading')}</span>
      <div aria-hidden="true">
        {heading && <div className="skeleton__bar skeleton__bar--heading" />}
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={`skeleton__bar ${i === lines - 1 ? 'skeleton__bar--short' : ''}`} />
        ))}
      </div>
    </div>
  );
}
