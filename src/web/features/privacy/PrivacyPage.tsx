import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { intlTag } from '../../../i18n/locales.js';
import { CONSENT_TEXT_VERSIONS, consentTextPath } from '../../lib/consent-texts.js';
import { roleLabel } from '../../lib/options.js';
import { useFormat } from '../../lib/use-format.js';
import { Button } from '../../components/Button.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError, QueryState } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { i18n, useT, type MessageKey, type TranslateFn } from '../../i18n.js';
import { type AccessLog, accessLogQuery, type ConsentList, consentsQuery } from '../../api/assessments.api.js';
import './privacy.css';

type Consent = ConsentList['items'][number];
type AccessEntry = AccessLog['items'][number];

/** The audit log records the permission used; people read what it was for. */
const PURPOSES: Record<string, MessageKey> = {
  'read:shared-result:assigned': 'profile.privacy.access.purposes.shared_result',
  'read:crisis-request:unit': 'profile.privacy.access.purposes.crisis_request',
  'read:person:unit': 'profile.privacy.access.purposes.person_records',
  'read:person:agency': 'profile.privacy.access.purposes.person_records',
  'manage:person:agency': 'profile.privacy.access.purposes.person_records',
  'manage:role:agency': 'profile.privacy.access.purposes.person_records',
  // Session notes (docs/decisions/041-session-notes.md): the author's reading, and break-glass.
  treatment: 'profile.privacy.access.purposes.treatment',
  break_glass: 'profile.privacy.access.purposes.break_glass',
};

function known(t: TranslateFn, key: string, fallback: string): string {
  return i18n.exists(key) ? t(key as MessageKey) : fallback;
}

/** "Persetujuan cek diri, versi 22 November 2026": a consent version in words, never its id. */
function useConsentName() {
  const { t } = useT();
  return (version: string) => {
    const text = CONSENT_TEXT_VERSIONS[version];
    return text
      ? t('my_data.consent_texts.named', { name: t(text.name), number: text.number })
      : t('my_data.consent_texts.unknown');
  };
}

function Consents() {
  const { t } = useT();
  const fmt = useFormat();
  const consents = useQuery(consentsQuery);
  const consentName = useConsentName();
  const columns: Column<Consent>[] = [
    {
      key: 'purpose',
      header: t('profile.privacy.consents.columns.purpose'),
      primary: true,
      cell: (c) => (
        <>
          {known(t, `profile.privacy.consents.purposes.${c.purpose}`, t('profile.privacy.consents.purposes.other'))}
          {c.counsellorName && <> — {t('profile.privacy.consents.to', { name: c.counsellorName })}</>}
        </>
      ),
    },
    { key: 'granted', header: t('profile.privacy.consents.columns.granted'), cell: (c) => fmt.dateTime(c.grantedAt) },
    {
      key: 'status',
      header: t('profile.privacy.consents.columns.status'),
      cell: (c) =>
        c.withdrawnAt
          ? t('profile.privacy.consents.withdrawn', { date: fmt.dateTime(c.withdrawnAt) })
          : t('profile.privacy.consents.active'),
    },
    {
      key: 'version',
      header: t('profile.privacy.consents.columns.version'),
      cell: (c) =>
        CONSENT_TEXT_VERSIONS[c.textVersion] ? (
          <Link to={consentTextPath(c.textVersion)}>{consentName(c.textVersion)}</Link>
        ) : (
          consentName(c.textVersion)
        ),
    },
  ];
  return (
    <section className="privacy-section" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('profile.privacy.consents.title')}</h2>
      <p className="muted">{t('profile.privacy.consents.lead')}</p>
      <QueryState query={consents} skeleton="rows" skeletonLines={4}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('profile.privacy.consents.empty')} />
          ) : (
            <DataTable
              caption={t('profile.privacy.consents.caption')}
              columns={columns}
              rows={data.items}
              rowKey={(c) => c.id}
            />
          )
        }
      </QueryState>
    </section>
  );
}

function AccessLogSection() {
  const { t } = useT();
  const fmt = useFormat();
  const { locale } = useT();
  const log = useInfiniteQuery(accessLogQuery);
  const time = new Intl.DateTimeFormat(intlTag(locale), { timeStyle: 'short', timeZone: fmt.timeZone });
  const columns: Column<AccessEntry>[] = [
    {
      key: 'when',
      header: t('profile.privacy.access.columns.when'),
      primary: true,
      // Repeated reads of one record by one reader within an hour arrive as one entry with a count.
      cell: (e) =>
        e.count > 1
          ? t('my_data.access_log.repeated', {
              count: e.count,
              from: time.format(new Date(e.firstAt)),
              to: `${time.format(new Date(e.occurredAt))} ${fmt.zoneName}`,
              day: fmt.date(e.occurredAt),
            })
          : fmt.dateTime(e.occurredAt),
    },
    {
      key: 'who',
      header: t('profile.privacy.access.columns.who'),
      cell: (e) => (
        <>
          {e.actor?.fullName ?? t('profile.privacy.access.system')}
          {e.actorRole && <span className="muted"> ({roleLabel(t, e.actorRole)})</span>}
        </>
      ),
    },
    {
      key: 'what',
      header: t('profile.privacy.access.columns.what'),
      cell: (e) =>
        known(
          t,
          `profile.privacy.access.actions.${e.action.replace(/\./g, '_')}`,
          known(t, `audit.actions.${e.action}`, t('profile.privacy.access.actions.other')),
        ),
    },
    {
      key: 'why',
      header: t('profile.privacy.access.columns.why'),
      cell: (e) => {
        const key = e.purpose ? PURPOSES[e.purpose] : undefined;
        return key ? t(key) : t('common.none');
      },
    },
  ];
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  // The purpose column only when some entry says what it was for.
  const shown = items.some((e) => e.purpose && PURPOSES[e.purpose]) ? columns : columns.filter((c) => c.key !== 'why');
  return (
    <section className="privacy-section" aria-labelledby="access-title">
      <h2 id="access-title">{t('profile.privacy.access.title')}</h2>
      <p className="muted">{t('profile.privacy.access.lead')}</p>
      <p className="muted small">{t('my_data.access_log.grouped_note')}</p>
      {log.isPending ? (
        <Skeleton shape="rows" lines={3} heading={false} />
      ) : log.error ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('profile.privacy.access.empty')} />
      ) : (
        <>
          <DataTable caption={t('profile.privacy.access.caption')} columns={shown} rows={items} rowKey={(e) => e.id} />
          {log.hasNextPage && (
            <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('profile.privacy.access.more')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

/** The way to the open list of who can read health data in my agency (docs/decisions/012-separation-of-duties.md). */
function ClinicalAccessLink() {
  const { t } = useT();
  return (
    <section className="privacy-section" aria-labelledby="clinical-access-title">
      <h2 id="clinical-access-title">
        <Link to="/profile/privacy/clinical-access">{t('dpo.clinical_access.link')}</Link>
      </h2>
      <p className="muted">{t('dpo.clinical_access.link_lead')}</p>
    </section>
  );
}

/** The way to my permissions for counsellors and who opened my counselling data (decision 042). */
function CounsellingConsentLink() {
  const { t } = useT();
  return (
    <section className="privacy-section" aria-labelledby="counselling-consent-title">
      <h2 id="counselling-consent-title">
        <Link to="/profile/privacy/counselling">{t('profile.privacy.counselling.link')}</Link>
      </h2>
      <p className="muted">{t('profile.privacy.counselling.lead')}</p>
    </section>
  );
}

/** /profile/privacy — what I agreed to, and who looked at my data. */
export function PrivacyPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/profile">{t('profile.title')}</Link>}
        title={t('profile.privacy.title')}
        lead={t('profile.privacy.lead')}
      />
      <p>
        <Link to="/me/data">{t('my_data.page.link_from_profile')}</Link>
      </p>
      <div className="stack">
        <CounsellingConsentLink />
        <AccessLogSection />
        <Consents />
        {/* The open list of who can read health data in the agency. */}
        <ClinicalAccessLink />
      </div>
    </>
  );
}

/** /profile/privacy/consents/:version — the exact words of one consent version, as the person agreed to them. */
export function ConsentTextPage() {
  const { t } = useT();
  const { version = '' } = useParams();
  const text = CONSENT_TEXT_VERSIONS[version];
  const back = (
    <p>
      <Link to="/profile/privacy">{t('my_data.consent_texts.back')}</Link>
    </p>
  );
  if (!text) {
    return (
      <>
        <PageHeader
          title={t('my_data.consent_texts.not_found_title')}
          lead={t('my_data.consent_texts.not_found_lead')}
        />
        {back}
      </>
    );
  }
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/profile/privacy">{t('profile.privacy.title')}</Link>}
        title={t(text.name)}
        lead={t('my_data.consent_texts.page_lead')}
      />
      <section className="card privacy-section">
        <p className="muted">{t('my_data.consent_texts.since', { number: text.number })}</p>
        <ul className="consent-text">
          {text.paragraphs.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      {back}
    </>
  );
}
