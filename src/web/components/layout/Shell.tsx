import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import type { Role } from '../../../domain/access/roles.js';
import { useSession, type Session } from '../../api/session.js';
import { currentLocale, loadAreas, useT, type MessageKey } from '../../i18n.js';
import { BELL_AREAS } from '../../lib/page-areas.js';
import { HelpNowLink } from './HelpNowLink.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Brand, Footer, SkipLink, useSignOut } from './PublicLayout.js';

/**
 * The bell is for signed-in pages only: it loads with them rather than with the sign-in page
 * (docs/decisions/025-static-assets.md).
 */
// The bell and its messages are fetched together with the page: it never shows a key while they load.
const NotificationBell = lazy(() =>
  Promise.all([import('./NotificationBell.js'), loadAreas(currentLocale(), BELL_AREAS)]).then(([m]) => ({
    default: m.NotificationBell,
  })),
);

/**
 * The agency admin's and the counsellor's pages, grouped so the menu fits one row at 1280 px (a
 * drawer on a phone).
 */
export type NavGroup = 'organisation' | 'services' | 'privacy' | 'counselling' | 'wellbeing';

const GROUP_LABELS: Record<NavGroup, MessageKey> = {
  organisation: 'shell.nav.groups.organisation',
  services: 'shell.nav.groups.services',
  privacy: 'shell.nav.groups.privacy',
  counselling: 'shell.nav.groups.counselling',
  wellbeing: 'shell.nav.groups.wellbeing',
};

export interface NavItem {
  to: string;
  label: MessageKey;
  role?: Role;
  end?: boolean;
  group?: NavGroup;
  /** One line on what the page is for, where a home page offers it as a shortcut. */
  summary?: MessageKey;
}

/** The menu per role: everyone has home, self-check and profile; other roles get their pages. */
const NAV: readonly NavItem[] = [
  { to: '/', label: 'shell.nav.home', end: true },
  { to: '/self-check', label: 'shell.nav.self_check' },
  // Self-care and time management (docs/decisions/035-self-care-and-plan.md): every person's own.
  { to: '/self-care', label: 'shell.nav.self_care' },
  { to: '/plan', label: 'shell.nav.plan' },
  { to: '/learn', label: 'shell.nav.library' },
  // The anonymous suggestion box and its public board, for everyone (docs/decisions/052-suggestion-box.md).
  { to: '/suggestions', label: 'shell.nav.suggestions', end: true },
  // An employee's own bookings are reached from the home's "Bantuan" group, /help and their
  // reminders, not the menu: one more item for everyone would wrap the admin's menu at 1280 px.
  { to: '/counselling/urgent', label: 'shell.nav.urgent', role: 'counsellor', group: 'counselling' },
  { to: '/counselling/appointments', label: 'shell.nav.appointments', role: 'counsellor', group: 'counselling' },
  { to: '/counselling/caseload', label: 'shell.nav.caseload', role: 'counsellor', group: 'counselling' },
  { to: '/counselling/shared', label: 'shell.nav.shared', role: 'counsellor', group: 'counselling' },
  { to: '/counselling/referrals', label: 'shell.nav.referrals', role: 'counsellor', group: 'counselling' },
  { to: '/counselling/profile', label: 'shell.nav.counsellor_profile', role: 'counsellor', group: 'counselling' },
  // Break-glass (docs/decisions/041-session-notes.md): the clinical supervisor's one counselling page.
  {
    to: '/counselling/break-glass',
    label: 'shell.nav.break_glass',
    role: 'clinical_supervisor',
    group: 'counselling',
  },
  // Return-to-work plans and the peer groups a counsellor facilitates
  // (docs/decisions/045-peer-groups-and-return-to-work.md), inside the same group.
  { to: '/counselling/return-to-work', label: 'shell.nav.return_to_work', role: 'counsellor', group: 'counselling' },
  { to: '/groups/manage', label: 'shell.nav.peer_groups', role: 'counsellor', group: 'counselling' },
  // The wellbeing admin's pages, in a group since the suggestion box made everyone's menu one item
  // longer (docs/decisions/052-suggestion-box.md): one row at 1280 px.
  { to: '/campaigns', label: 'shell.nav.campaigns', role: 'wellbeing_admin', group: 'wellbeing' },
  { to: '/surveys', label: 'shell.nav.surveys', role: 'wellbeing_admin', group: 'wellbeing' },
  // The suggestion box: releases, public replies and hiding.
  {
    to: '/suggestions/manage',
    label: 'shell.nav.suggestions_manage',
    role: 'wellbeing_admin',
    group: 'wellbeing',
  },
  // Wellbeing admins facilitate peer groups too (docs/decisions/045-peer-groups-and-return-to-work.md);
  // someone who is also a counsellor finds it once, under Konseling (navFor keeps the first).
  { to: '/groups/manage', label: 'shell.nav.peer_groups', role: 'wellbeing_admin', group: 'wellbeing' },
  // The wellbeing committee and its focus groups (docs/decisions/053-committee-and-focus-groups.md).
  { to: '/committee/manage', label: 'shell.nav.committee', role: 'wellbeing_admin', group: 'wellbeing' },
  {
    to: '/admin/units',
    label: 'shell.nav.units',
    role: 'agency_admin',
    group: 'organisation',
    summary: 'home.admin.units_body',
  },
  {
    to: '/admin/people',
    label: 'shell.nav.people',
    role: 'agency_admin',
    group: 'organisation',
    summary: 'home.admin.people_body',
  },
  {
    to: '/admin/import',
    label: 'shell.nav.import',
    role: 'agency_admin',
    group: 'organisation',
    summary: 'home.admin.import_body',
  },
  {
    to: '/admin/audit',
    label: 'shell.nav.audit',
    role: 'agency_admin',
    group: 'privacy',
    summary: 'home.admin.audit_body',
  },
  {
    to: '/admin/outbox',
    label: 'shell.nav.outbox',
    role: 'agency_admin',
    group: 'services',
    summary: 'home.admin.outbox_body',
  },
  {
    to: '/admin/help-contacts',
    label: 'shell.nav.help_contacts',
    role: 'agency_admin',
    group: 'services',
    summary: 'home.admin.help_contacts_body',
  },
  {
    to: '/admin/articles',
    label: 'shell.nav.articles',
    role: 'agency_admin',
    group: 'services',
    summary: 'learn.admin.nav_body',
  },
  {
    to: '/admin/settings',
    label: 'shell.nav.settings',
    role: 'agency_admin',
    group: 'organisation',
    summary: 'home.admin.settings_body',
  },
  // Work-hour boundaries (docs/boundaries.md): holidays and Ramadan dates.
  {
    to: '/admin/calendar',
    label: 'shell.nav.calendar',
    role: 'agency_admin',
    group: 'organisation',
    summary: 'boundaries.calendar.lead',
  },
  { to: '/platform/agencies', label: 'shell.nav.agencies', role: 'platform_admin' },
  // The data-protection officer's console (docs/decisions/012-separation-of-duties.md).
  { to: '/dpo', label: 'shell.nav.dpo', role: 'dpo' },
  { to: '/profile', label: 'shell.nav.profile' },
  // Data rights (docs/decisions/013-data-rights.md): the admin's correction requests, and every person's own page.
  {
    to: '/admin/corrections',
    label: 'shell.nav.corrections',
    role: 'agency_admin',
    group: 'privacy',
    summary: 'my_data.admin.body',
  },
  { to: '/me/data', label: 'shell.nav.my_data' },
];

/** The pages of one role, in menu order (a role's home page lists them as shortcuts). */
export function pagesOf(role: Role): NavItem[] {
  return NAV.filter((item) => item.role === role);
}

export function navFor(session: Session): NavItem[] {
  const items = NAV.filter((item) => !item.role || session.roles.includes(item.role));
  return items.filter((item, i) => items.findIndex((other) => other.to === item.to) === i);
}

/** The menu's entries in order: single pages, and each group once, where its first page stands. */
type MenuEntry = { kind: 'page'; item: NavItem } | { kind: 'group'; group: NavGroup; items: NavItem[] };

export function menuEntries(items: NavItem[]): MenuEntry[] {
  const entries: MenuEntry[] = [];
  for (const item of items) {
    if (!item.group) {
      entries.push({ kind: 'page', item });
      continue;
    }
    const existing = entries.find((e) => e.kind === 'group' && e.group === item.group);
    if (existing?.kind === 'group') existing.items.push(item);
    else entries.push({ kind: 'group', group: item.group, items: [item] });
  }
  return entries;
}

/**
 * A group of the menu. On a wide screen: a button that opens its pages below it (closing on
 * Escape, on a click elsewhere and when the page changes). In the phone's drawer: a heading with
 * its pages listed under it, always open.
 */
function NavGroupEntry({ group, items }: { group: NavGroup; items: NavItem[] }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const ref = useRef<HTMLLIElement>(null);
  const current = items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  const listId = `site-nav-${group}`;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpenOn(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      ref.current?.querySelector<HTMLButtonElement>('.site-nav__group-toggle')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <li className="site-nav__group" ref={ref}>
      <span className="site-nav__group-label" aria-hidden="true">
        {t(GROUP_LABELS[group])}
      </span>
      <button
        type="button"
        className={`site-nav__group-toggle ${current ? 'site-nav__group-toggle--current' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {t(GROUP_LABELS[group])}
        <span className="site-nav__caret" aria-hidden="true" />
      </button>
      <ul
        id={listId}
        className={`site-nav__sub ${open ? 'site-nav__sub--open' : ''}`}
        aria-label={t(GROUP_LABELS[group])}
      >
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="site-nav__link" onClick={() => setOpenOn(null)}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The signed-in frame: header with agency, menu per role, language, profile, sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useT();
  const { data: session } = useSession();
  const { signOut, busy } = useSignOut();
  const { pathname } = useLocation();
  // The menu (on a phone) closes by itself when the page changes: it is open for one path only.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;

  if (!session) return null;
  const items = navFor(session);
  // Rendered twice (in the bar on wide screens, in the menu on a phone); CSS shows one.
  const tools = (variant: string) => (
    <div className={`site-tools ${variant}`}>
      <LanguageSwitch />
      <p className="site-tools__person">
        <span className="visually-hidden">{t('shell.signed_in_as')} </span>
        <Link to="/profile">{session.person.fullName}</Link>
      </p>
      <button type="button" className="btn btn--secondary btn--small" onClick={() => void signOut()} disabled={busy}>
        {t('shell.sign_out')}
      </button>
    </div>
  );
  return (
    <div className="app">
      <SkipLink />
      <header className="site-header">
        <div className="container site-header__bar">
          <Brand subtitle={session.agency.name} />
          <HelpNowLink />
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          {tools('site-tools--wide')}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setOpenOn(menuOpen ? null : pathname)}
          >
            <span className="menu-toggle__icon" aria-hidden="true" />
            {t('shell.menu')}
          </button>
        </div>
        <div id="site-menu" className={`site-menu ${menuOpen ? 'site-menu--open' : ''}`}>
          <div className="container site-menu__inner">
            <nav aria-label={t('shell.nav.label')} className="site-nav">
              <ul>
                {menuEntries(items).map((entry) =>
                  entry.kind === 'page' ? (
                    <li key={entry.item.to}>
                      <NavLink to={entry.item.to} end={entry.item.end} className="site-nav__link">
                        {t(entry.item.label)}
                      </NavLink>
                    </li>
                  ) : (
                    <NavGroupEntry key={entry.group} group={entry.group} items={entry.items} />
                  ),
                )}
              </ul>
            </nav>
            {tools('site-tools--narrow')}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <Footer />
    </div>
  );
}
