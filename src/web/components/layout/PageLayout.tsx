import type { ReactNode } from 'react';

/**
 * Layouts that use a wide screen and fold to one column on a phone (styles/layout.css). A page
 * adopts one instead of a narrow column of its own:
 *  - PageContent: one wide column, for forms and reports that read best at a line length;
 *  - PageColumns: the page's main column and a side panel (the form and its help, a list of
 *    recent items), the panel after the main column on a phone;
 *  - PageSplit: a list and the detail of what is chosen in it, side by side;
 *  - PageRail: a section's own menu as a rail on the left of its pages.
 */
export function PageContent({ children }: { children: ReactNode }) {
  return <div className="page-content">{children}</div>;
}

export function PageColumns({
  children,
  aside,
  asideLabel,
  sticky = false,
}: {
  children: ReactNode;
  aside: ReactNode;
  /** Names the side panel for screen readers when it is not a section with its own heading. */
  asideLabel?: string;
  sticky?: boolean;
}) {
  return (
    <div className="page-columns">
      <div className="page-columns__main">{children}</div>
      <aside className={`page-columns__aside ${sticky ? 'page-columns__aside--sticky' : ''}`} aria-label={asideLabel}>
        {aside}
      </aside>
    </div>
  );
}

export function PageSplit({ list, detail }: { list: ReactNode; detail: ReactNode }) {
  return (
    <div className="page-split">
      <div className="page-split__list">{list}</div>
      <div className="page-split__detail">{detail}</div>
    </div>
  );
}

export function PageRail({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  return (
    <div className="page-rail">
      {nav}
      <div className="page-rail__content">{children}</div>
    </div>
  );
}
