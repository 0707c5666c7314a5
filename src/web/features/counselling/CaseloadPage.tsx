import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ACTIVE_WINDOW_DAYS } from '../../../domain/counselling/caseload.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { caseloadQuery, type CaseloadFilter, type CaseloadItem } from '../../api/caseload.api.js';
import { useInstrumentAbbreviations } from '../../api/instruments.api.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { bandPhrase } from '../../lib/assessment-labels.js';
import { useFormat } from '../../lib/use-format.js';
import { useTypedSearch } from '../../lib/use-typed-search.js';
import { useUrlParams } from '../../lib/use-url-params.js';
import './counselling.css';

/** How long typing rests before the search is asked (each read is audited: not one per key). */
const SEARCH_PAUSE_MS = 350;

function NextAppointment({ item }: { item: CaseloadItem }) {
  const { t } = useT();
  const fmt = useFormat();
  const next = item.nextAppointment;
  if (!next) return <span className="muted">{t('counselling.caseload.next_none')}</span>;
  const moreToConfirm = item.toConfirm - (next.confirmed ? 0 : 1);
  return (
    <span className="caseload__cell">
      <span>
        {fmt.dateTime(next.start)} · {t(`counselling.schedule.modes.${next.mode}`)}
      </span>
      {!next.confirmed && <Badge tone="warning">{t('counselling.caseload.to_confirm')}</Badge>}
      {moreToConfirm > 0 && (
        <span className="muted small">{t('counselling.caseload.to_confirm_more', { count: item.toConfirm })}</span>
      )}
    </span>
  );
}

function LastSession({ item }: { item: CaseloadItem }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <span className="caseload__cell">
      <span>{item.lastSessionAt ? fmt.date(item.lastSessionAt) : t('counselling.caseload.last_none')}</span>
      {(item.sessionsHeld > 0 || item.noShows > 0) && (
        <span className="muted small">
          {t('counselling.caseload.sessions', {
            held: fmt.number(item.sessionsHeld),
            no_shows: fmt.number(item.noShows),
          })}
        </span>
      )}
    </span>
  );
}

function SharedResults({ item, abbreviation }: { item: CaseloadItem; abbreviation: (id: InstrumentId) => string }) {
  const { t } = useT();
  const fmt = useFormat();
  const latest = item.shared.latest;
  if (!latest) return <span className="muted">{t('counselling.caseload.shared_none')}</span>;
  const instrument = latest.instrumentId as InstrumentId;
  return (
    <span className="caseload__cell">
      <span>{t('counselling.caseload.shared_count', { count: item.shared.count })}</span>
      <span className="muted small">
        {t('counselling.caseload.shared_latest', {
          instrument: abbreviation(instrument),
          band: bandPhrase(t, instrument, latest.band),
          date: fmt.date(latest.takenAt),
        })}
      </span>
    </span>
  );
}

function Consents({ item }: { item: CaseloadItem }) {
  const { t } = useT();
  if (item.consents.length === 0) return <span className="muted">{t('counselling.caseload.consents_none')}</span>;
  return (
    <span className="caseload__badges">
      {item.consents.map((kind) => (
        <Badge key={kind} tone="info">
          {t(`counselling.caseload.consent_kinds.${kind}`)}
        </Badge>
      ))}
    </span>
  );
}

function Care({ item }: { item: CaseloadItem }) {
  const { t } = useT();
  const { referral, returnPlan } = item;
  if (!referral && !returnPlan) return <span className="muted">{t('counselling.caseload.care_none')}</span>;
  return (
    <span className="caseload__cell">
      {referral && (
        <span>
          {t('counselling.caseload.referral', { status: t(`referrals.statuses.${referral.status}`) })}
          {' · '}
          {referral.expiry.kind === 'valid'
            ? t('referrals.expiry.valid', { count: referral.expiry.daysLeft ?? 0 })
            : t(`referrals.expiry.${referral.expiry.kind}`)}
        </span>
      )}
      {referral?.expiry.soon && <Badge tone="warning">{t('counselling.caseload.referral_soon')}</Badge>}
      {returnPlan && (
        <span>
          {t('counselling.caseload.plan', { state: t(`counselling.caseload.plan_states.${returnPlan.state}`) })}
        </span>
      )}
    </span>
  );
}

/**
 * /counselling/caseload — "Klien saya": everyone the counsellor relates to, with a summary of each
 * record, the soonest appointment first (docs/decisions/047-caseload.md). Cards on a phone, a table
 * on a desk; each name opens the client's record.
 */
export function CaseloadPage() {
  const { t, locale } = useT();
  const fmt = useFormat();
  const abbreviation = useInstrumentAbbreviations(locale);
  const [params, setParams] = useUrlParams();
  const filter: CaseloadFilter = params.get('filter') === 'all' ? 'all' : 'active';
  const {
    typed,
    query: q,
    type,
  } = useTypedSearch(params.get('q') ?? '', SEARCH_PAUSE_MS, (query) => {
    const next = new URLSearchParams(params);
    if (query) next.set('q', query);
    else next.delete('q');
    setParams(next, { replace: true });
  });
  const caseload = useQuery(caseloadQuery(filter, q));

  const columns: Column<CaseloadItem>[] = [
    {
      key: 'client',
      header: t('counselling.caseload.columns.client'),
      primary: true,
      cell: (c) => (
        <span className="caseload__client">
          <Link to={`/counselling/clients/${c.client.id}`}>{c.client.fullName}</Link>
          {!c.active && <Badge>{t('counselling.caseload.inactive')}</Badge>}
        </span>
      ),
    },
    { key: 'next', header: t('counselling.caseload.columns.next'), cell: (c) => <NextAppointment item={c} /> },
    { key: 'last', header: t('counselling.caseload.columns.last'), cell: (c) => <LastSession item={c} /> },
    {
      key: 'shared',
      header: t('counselling.caseload.columns.shared'),
      cell: (c) => <SharedResults item={c} abbreviation={abbreviation} />,
    },
    { key: 'consents', header: t('counselling.caseload.columns.consents'), cell: (c) => <Consents item={c} /> },
    { key: 'care', header: t('counselling.caseload.columns.care'), cell: (c) => <Care item={c} /> },
  ];

  return (
    <>
      <PageHeader title={t('counselling.caseload.title')} lead={t('counselling.caseload.lead')} />
      <Alert tone="info" live={false}>
        <p>{t('counselling.caseload.audited')}</p>
      </Alert>
      <div className="caseload__controls">
        <TextField
          id="caseload-search"
          type="search"
          label={t('counselling.caseload.search')}
          value={typed}
          onChange={type}
          autoComplete="off"
        />
        <RadioGroup
          id="caseload-filter"
          name="caseload-filter"
          legend={t('counselling.caseload.filter')}
          hint={t('counselling.caseload.active_rule', { days: ACTIVE_WINDOW_DAYS })}
          inline
          value={filter}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value === 'all') next.set('filter', 'all');
            else next.delete('filter');
            setParams(next, { replace: true });
          }}
          options={[
            { value: 'active', label: t('counselling.caseload.filter_active') },
            { value: 'all', label: t('counselling.caseload.filter_all') },
          ]}
        />
      </div>
      <QueryState query={caseload} skeleton="rows" skeletonLines={6}>
        {(data) => {
          if (data.items.length === 0) {
            if (q)
              return (
                <EmptyState
                  title={t('counselling.caseload.empty_search', { q })}
                  action={
                    <Button variant="secondary" onClick={() => type('')}>
                      {t('counselling.caseload.clear_search')}
                    </Button>
                  }
                />
              );
            return filter === 'active' ? (
              <EmptyState title={t('counselling.caseload.empty_active')}>
                <p>{t('counselling.caseload.empty_active_hint')}</p>
              </EmptyState>
            ) : (
              <EmptyState title={t('counselling.caseload.empty_all')}>
                <p>{t('counselling.caseload.empty_all_hint')}</p>
              </EmptyState>
            );
          }
          return (
            // While a new search runs, the last list stays at full contrast (a dimmed list is
            // unreadable to many) and the line above it says it is being updated.
            <div className="caseload" aria-busy={caseload.isPlaceholderData || undefined}>
              <p className="muted small" aria-live="polite">
                {caseload.isPlaceholderData
                  ? t('counselling.caseload.updating')
                  : t('counselling.caseload.shown', {
                      shown: fmt.number(data.items.length),
                      total: fmt.number(data.total),
                    })}
              </p>
              <DataTable
                caption={t('counselling.caseload.caption')}
                columns={columns}
                rows={data.items}
                rowKey={(c) => c.client.id}
              />
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
