import { Link } from 'react-router';

export interface PageLink {
  to: string;
  label: string;
}

/**
 * The links to neighbouring pages in a page header's actions, as secondary buttons: pages that
 * belong together (the committee and its focus groups, each with its admin page) point at each other.
 */
export function PageHeaderLinks({ links }: { links: readonly (PageLink | false | null | undefined)[] }) {
  return (
    <>
      {links
        .filter((l): l is PageLink => Boolean(l))
        .map((l) => (
          <Link key={l.to} className="btn btn--secondary" to={l.to}>
            {l.label}
          </Link>
        ))}
    </>
  );
}
