import { useT } from '../i18n.js';

/**
 * The shape of what is about to appear: lines of text, a grid of cards, the rows of a table or
 * list, or the fields of a form.
 */
export type SkeletonShape = 'text' | 'cards' | 'rows' | 'form';

export interface SkeletonProps {
  label?: string;
  shape?: SkeletonShape;
  /** Lines of text ('text'), cards ('cards'), rows ('rows') or fields ('form'). */
  lines?: number;
  heading?: boolean;
  /**
   * False for a block that loads together with another one on the same page that already says
   * "loading": screen readers hear it once per page, not once per block.
   */
  announce?: boolean;
}

const DEFAULT_COUNT: Record<SkeletonShape, number> = { text: 3, cards: 6, rows: 6, form: 3 };

function Shapes({ shape, count }: { shape: SkeletonShape; count: number }) {
  const many = Array.from({ length: count }, (_, i) => i);
  switch (shape) {
    case 'cards':
      return (
        <div className="skeleton__cards">
          {many.map((i) => (
            <div key={i} className="skeleton__card">
              <div className="skeleton__bar skeleton__bar--title" />
              <div className="skeleton__bar" />
              <div className="skeleton__bar skeleton__bar--short" />
              <div className="skeleton__bar skeleton__bar--button" />
            </div>
          ))}
        </div>
      );
    case 'rows':
      return (
        <div className="skeleton__rows">
          {many.map((i) => (
            <div key={i} className="skeleton__row">
              <div className="skeleton__bar" />
              <div className="skeleton__bar skeleton__bar--short" />
            </div>
          ))}
        </div>
      );
    case 'form':
      return (
        <div className="skeleton__form">
          {many.map((i) => (
            <div key={i} className="skeleton__field">
              <div className="skeleton__bar skeleton__bar--label" />
              <div className="skeleton__input" />
            </div>
          ))}
          <div className="skeleton__bar skeleton__bar--button" />
        </div>
      );
    default:
      return (
        <>
          {many.map((i) => (
            <div key={i} className={`skeleton__bar ${i === count - 1 ? 'skeleton__bar--short' : ''}`} />
          ))}
        </>
      );
  }
}

/**
 * Grey shapes where content is about to appear, so the page keeps its layout while it waits
 * (rather than a spinner that jumps when the content arrives). Announced once to screen readers
 * as loading (one polite status for the whole block); the shapes themselves are hidden from them.
 */
export function Skeleton({ label, shape = 'text', lines, heading = true, announce = true }: SkeletonProps) {
  const { t } = useT();
  return (
    <div className={`skeleton skeleton--${shape}`} role={announce ? 'status' : undefined} aria-busy="true">
      {announce && <span className="visually-hidden">{label ?? t('common.status.loading')}</span>}
      <div aria-hidden="true">
        {heading && <div className="skeleton__bar skeleton__bar--heading" />}
        <Shapes shape={shape} count={lines ?? DEFAULT_COUNT[shape]} />
      </div>
    </div>
  );
}

/** The whole page while the app learns who is signed in: the frame's bar and a page heading. */
export function PageSkeleton({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <div className="page-skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label ?? t('common.status.loading')}</span>
      <div className="page-skeleton__bar" aria-hidden="true" />
      <div className="container page-skeleton__main" aria-hidden="true">
        <div className="skeleton__bar skeleton__bar--eyebrow" />
        <div className="skeleton__bar skeleton__bar--heading" />
        <div className="skeleton__bar" />
        <div className="skeleton__bar skeleton__bar--short" />
        <Shapes shape="cards" count={3} />
      </div>
    </div>
  );
}
