import { useEffect, useRef, type ReactNode } from 'react';
import { useClaimRouteFocus } from './route-focus.js';

interface PageHeaderProps {
  title: string;
  /** One or two sentences under the title. */
  lead?: ReactNode;
  actions?: ReactNode;
  /** A small line above the title, e.g. the section. */
  eyebrow?: ReactNode;
}

/** The page's one <h1>; also sets the document title. Focus lands here after navigation. */
export function PageHeader({ title, lead, actions, eyebrow }: PageHeaderProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useClaimRouteFocus(ref);
  useEffect(() => {
    document.title = `${title} · Teduh`;
  }, [title]);
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {lead && <div className="page-header__lead">{lead}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
