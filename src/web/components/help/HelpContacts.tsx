import { useQuery } from '@tanstack/react-query';
import { telLink } from '../../../domain/help/help-contacts.js';
import { useSession } from '../../api/session.js';
import { Skeleton } from '../Skeleton.js';
import { useT } from '../../i18n.js';
import { helpContactsQuery, type HelpContactView } from '../../api/help.api.js';
import { orderContacts } from '../../lib/help-contacts.js';
import './help.css';

type HeadingLevel = 2 | 3;

function Heading({ level, id, children }: { level: HeadingLevel; id: string; children: string }) {
  return level === 2 ? (
    <h2 id={id} className="help-contact__name">
      {children}
    </h2>
  ) : (
    <h3 id={id} className="help-contact__name">
      {children}
    </h3>
  );
}

/** One contact: its name, what it is, its hours, and one tap to call or open it. */
function ContactCard({ contact, level }: { contact: HelpContactView; level: HeadingLevel }) {
  const { t } = useT();
  const nameId = `help-contact-${contact.id}`;
  const emergency = contact.kind === 'emergency';
  const host = contact.url ? contact.url.replace(/^https?:\/\//, '').replace(/\/$/, '') : null;
  return (
    <li className={`help-contact ${emergency ? 'help-contact--emergency' : ''}`} aria-labelledby={nameId}>
      <Heading level={level} id={nameId}>
        {contact.name}
      </Heading>
      {contact.description && <p className="help-contact__description">{contact.description}</p>}
      <p className="help-contact__hours">
        <span className="help-contact__hours-label">{t('help.contacts.hours')}</span> {contact.hours}
      </p>
      {(contact.phone || contact.url) && (
        <div className="help-contact__actions">
          {contact.phone && (
            <a
              className={`btn ${emergency ? 'btn--danger' : 'btn--primary'} help-contact__call`}
              href={contact.telHref ?? telLink(contact.phone)}
            >
              {t('help.contacts.call', { number: contact.phone })}
            </a>
          )}
          {contact.url && host && (
            <a
              className="btn btn--secondary help-contact__open"
              href={contact.url}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('help.contacts.open', { site: host })}
              <span className="visually-hidden"> {t('help.contacts.new_tab')}</span>
            </a>
          )}
        </div>
      )}
    </li>
  );
}

/** When the list cannot be loaded (offline, server down), the national emergency numbers still are. */
function Fallback({ level }: { level: HeadingLevel }) {
  const { t } = useT();
  const items: HelpContactView[] = [
    {
      id: 'fallback-112',
      kind: 'emergency',
      preset: 'emergency_112',
      name: t('help.presets.emergency_112.name'),
      description: t('help.presets.emergency_112.description'),
      phone: '112',
      telHref: 'tel:112',
      url: null,
      hours: t('help.presets.emergency_112.hours'),
      isActive: true,
      sortOrder: 0,
    },
    {
      id: 'fallback-119',
      kind: 'emergency',
      preset: 'ambulance_119',
      name: t('help.presets.ambulance_119.name'),
      description: t('help.presets.ambulance_119.description'),
      phone: '119',
      telHref: 'tel:119',
      url: null,
      hours: t('help.presets.ambulance_119.hours'),
      isActive: true,
      sortOrder: 1,
    },
  ];
  return (
    <>
      <p className="help-contacts__offline" role="status">
        {t('help.contacts.offline')}
      </p>
      <ul className="help-contacts">
        {items.map((c) => (
          <ContactCard key={c.id} contact={c} level={level} />
        ))}
      </ul>
    </>
  );
}

/**
 * The agency's crisis and help contacts, emergency numbers first, each with its hours and a
 * one-tap call or link. Shown in full at once: never behind another click.
 */
export function HelpContacts({ headingLevel = 2, label }: { headingLevel?: HeadingLevel; label?: string }) {
  const { t } = useT();
  const { data: session } = useSession();
  const contacts = useQuery(helpContactsQuery(session?.person.id ?? null));
  if (contacts.isPending)
    return <Skeleton label={t('help.contacts.loading')} shape="cards" lines={4} heading={false} />;
  if (contacts.error || !contacts.data) return <Fallback level={headingLevel} />;
  const items = orderContacts(contacts.data.items);
  return (
    <ul className="help-contacts" aria-label={label ?? t('help.contacts.label')}>
      {items.map((c) => (
        <ContactCard key={c.id} contact={c} level={headingLevel} />
      ))}
    </ul>
  );
}

/** Whether the signed-in person may ask a duty counsellor to contact them. */
export function useCanRequestContact(): { can: boolean; pending: boolean } {
  const { data: session } = useSession();
  const contacts = useQuery(helpContactsQuery(session?.person.id ?? null));
  return { can: session?.stage === 'full' && Boolean(contacts.data?.canRequestContact), pending: contacts.isPending };
}
