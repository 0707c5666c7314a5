import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { draftsQuery, resultsQuery, type DraftView, type ResultSummary } from '../../api/assessments.api.js';
import { instrumentsQuery, type InstrumentSummary } from '../../api/instruments.api.js';
import { myCampaignsQuery, type MyCampaign } from '../../api/campaigns.api.js';
import { StoringWithdrawnNotice } from '../../components/my-data/StoringWithdrawnNotice.js';
import { bandPhrase, INSTRUMENT_GROUPS } from '../../lib/assessment-labels.js';
import './assessments.css';

function CampaignInvitations({
  campaigns,
  names,
}: {
  campaigns: readonly MyCampaign[];
  names: ReadonlyMap<InstrumentId, InstrumentSummary>;
}) {
  const { t } = useT();
  const fmt = useFormat();
  if (campaigns.length === 0) return null;
  return (
    <section className="self-check-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('assessments.list.invitations_title')}</h2>
      <p className="muted">{t('assessments.list.invitations_lead')}</p>
      <ul className="stack invitation-list">
        {campaigns.map((c) => (
          <li key={c.id} className="card invitation">
            <h3>{c.title}</h3>
            {c.message && <p className="invitation__message">{c.message}</p>}
            <p className="muted small">{t('assessments.list.closes', { date: fmt.day(c.closesOn) })}</p>
            <ul className="invitation__instruments">
              {c.instruments.map((i) => {
                const name = names.get(i.instrumentId)?.abbreviation ?? i.instrumentId;
                return (
                  <li key={i.instrumentId}>
                    {i.completed ? (
                      <>
                        <span>{name}</span> <Badge tone="success">{t('assessments.list.completed')}</Badge>
                      </>
                    ) : (
                      <Link
                        className="btn btn--primary btn--small"
                        to={`/self-check/${i.instrumentId}?campaign=${c.id}`}
                      >
                        {t('assessments.list.take', { name })}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Drafts({
  drafts,
  names,
}: {
  drafts: readonly DraftView[];
  names: ReadonlyMap<InstrumentId, InstrumentSummary>;
}) {
  const { t } = useT();
  const fmt = useFormat();
  if (drafts.length === 0) return null;
  return (
    <section className="self-check-section" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('assessments.list.drafts_title')}</h2>
      <ul className="draft-list">
        {drafts.map((d) => {
          const summary = names.get(d.instrumentId);
          const answered = d.answers.filter((a) => a !== null).length;
          return (
            <li key={d.instrumentId} className="draft">
              <div>
                <p className="draft__name">{summary?.name ?? d.instrumentId}</p>
                <p className="muted small">
                  {t('assessments.list.draft_progress', {
                    answered: fmt.number(answered),
                    total: fmt.number(d.answers.length),
                    when: fmt.dateTime(d.updatedAt),
                  })}
                </p>
              </div>
              <Link className="btn btn--secondary btn--small" to={`/self-check/${d.instrumentId}`}>
                {t('assessments.list.resume')}
                <span className="visually-hidden"> {summary?.abbreviation ?? d.instrumentId}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The two-question screeners: the gentlest place to begin (docs/instruments.md §1, §3). */
const START_HERE: ReadonlySet<InstrumentId> = new Set(['phq2', 'gad2']);

/**
 * One questionnaire: what it looks at in everyday words first, its published name second and
 * smaller, and when the person last took it with the result (their own results only).
 */
function InstrumentCard({ instrument, last }: { instrument: InstrumentSummary; last: ResultSummary | undefined }) {
  const { t } = useT();
  const fmt = useFormat();
  const titleId = `instrument-${instrument.id}`;
  return (
    <li className="instrument-card" aria-labelledby={titleId}>
      <div className="instrument-card__lead">
        <h3 id={titleId} className="instrument-card__title">
          {t(`instrument_labels.everyday.${instrument.id}`)}
        </h3>
        {START_HERE.has(instrument.id) && <Badge tone="success">{t('assessments.list.start_here')}</Badge>}
      </div>
      {/* The published name already carries its abbreviation ("… (PHQ-9)", "… WHO-5"). */}
      <p className="instrument-card__name">{instrument.name}</p>
      <p className="instrument-card__meta">
        <span className="muted">
          {t('assessments.list.length', {
            minutes: fmt.number(instrument.minutes),
            items: fmt.number(instrument.itemCount),
          })}
        </span>
        {' · '}
        {last ? (
          <>
            {t('assessments.list.last_taken', { date: fmt.date(last.createdAt) })}
            {' · '}
            {t('assessments.list.last_result', {
              band: bandPhrase(t, last.instrumentId, last.result.band),
            })}
          </>
        ) : (
          <span className="muted">{t('assessments.list.never_taken')}</span>
        )}
      </p>
      <div className="instrument-card__actions">
        <Link className="btn btn--primary btn--small" to={`/self-check/${instrument.id}`}>
          {last ? t('assessments.list.take_again') : t('assessments.list.start')}
          <span className="visually-hidden"> {instrument.abbreviation}</span>
        </Link>
        {last && (
          <Link className="instrument-card__history" to={`/self-check/history/${instrument.id}`}>
            {t('assessments.list.history')}
            <span className="visually-hidden"> {instrument.abbreviation}</span>
          </Link>
        )}
      </div>
    </li>
  );
}

/** /self-check: invitations, unfinished forms, and every instrument by what it looks at. */
export function SelfCheckPage() {
  const { t, locale } = useT();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const instruments = useQuery(instrumentsQuery(locale));
  const drafts = useQuery(draftsQuery);
  const campaigns = useQuery(myCampaignsQuery);
  const results = useQuery(resultsQuery());
  // Newest first from the server: the first of each instrument is its latest.
  const lastOf = new Map<InstrumentId, ResultSummary>();
  for (const r of results.data?.items ?? []) if (!lastOf.has(r.instrumentId)) lastOf.set(r.instrumentId, r);
  return (
    <>
      <PageHeader title={t('assessments.list.title')} lead={t('assessments.list.lead')} />
      {saved && <Alert tone="success">{t('assessments.list.saved_notice', { name: saved })}</Alert>}
      {/* Data rights (docs/decisions/013-data-rights.md): consent to keep results withdrawn. */}
      <StoringWithdrawnNotice />
      <QueryState query={instruments} skeleton="cards" skeletonLines={9}>
        {(data) => {
          const names = new Map(data.items.map((i) => [i.id, i]));
          return (
            <>
              {campaigns.data && <CampaignInvitations campaigns={campaigns.data.items} names={names} />}
              {drafts.data && <Drafts drafts={drafts.data.items} names={names} />}
              <p className="self-check-start muted">{t('assessments.list.start_here_hint')}</p>
              {/* One column on a phone; on a wide screen the groups sit side by side. */}
              <div className="self-check-groups">
                {INSTRUMENT_GROUPS.map((group) => {
                  const members = group.ids
                    .map((id) => names.get(id))
                    .filter((i): i is InstrumentSummary => Boolean(i));
                  if (members.length === 0) return null;
                  return (
                    <section key={group.key} className="self-check-section" aria-labelledby={`group-${group.key}`}>
                      <h2 id={`group-${group.key}`}>{t(`assessments.groups.${group.key}`)}</h2>
                      <ul className="instrument-grid">
                        {members.map((i) => (
                          <InstrumentCard key={i.id} instrument={i} last={lastOf.get(i.id)} />
                        ))}
                      </ul>
                    </section>
                  );
                })}
              </div>
              <section className="self-check-section card safety-plan-card" aria-labelledby="safety-plan-card-title">
                <h2 id="safety-plan-card-title">{t('safety_plan.self_check.title')}</h2>
                <p>{t('safety_plan.self_check.lead')}</p>
                <Link className="btn btn--secondary btn--small" to="/me/safety-plan">
                  {t('safety_plan.self_check.open')}
                </Link>
              </section>
              <p className="self-check-privacy">
                <Link to="/profile/privacy">{t('assessments.list.privacy_link')}</Link>
              </p>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
