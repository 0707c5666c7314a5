import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One titled section of the home page. */
export function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p className="muted">{lead}</p>}
      {children}
    </section>
  );
}

export interface Shortcut {
  to: string;
  title: string;
  body: ReactNode;
}

export function Shortcuts({ items }: { items: readonly Shortcut[] }) {
  return (
    <ul className="link-grid">
      {items.map((s) => (
        <li key={s.to}>
          <Link to={s.to} className="link-card">
            <span className="link-card__title">{s.title}</span>
            <span className="link-card__body">{s.body}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
