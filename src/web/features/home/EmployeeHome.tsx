import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { checkAgain } from '../../../domain/assessments/check-again.js';
import { resultsQuery, type ResultSummary } from '../../api/assessments.api.js';
import { myHelpRequestsQuery, type OwnHelpRequest } from '../../api/help.api.js';
import { useInstrumentAbbreviations } from '../../api/instruments.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LoadError } from '../../components/QueryState.js';
import { useT, type MessageKey } from '../../i18n.js';
import { bandPhrase } from '../../lib/assessment-labels.js';
import { useFormat } from '../../lib/use-format.js';

/** How long a closed request stays on the home: long enough to see it was closed, not forever. */
const CLOSED_SHOWN_DAYS = 14;

/** A placeholder the size of the card that is loading, so the page does not jump when it arrives. */
export function CardSkeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="home-card home-skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="home-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}

const STEPS = ['open', 'acknowledged', 'closed'] as const;
const STEP_LABEL: Record<OwnHelpRequest['status'], MessageKey> = {
  open: 'home.request.step_open',
  acknowledged: 'home.request.step_acknowledged',
  closed: 'home.request.step_closed',
};

/** The request the home speaks of: the newest, unless it was closed long ago. */
export function requestToShow(items: readonly OwnHelpRequest[], now: Date): OwnHelpRequest | null {
  const latest = items[0];
  if (!latest) return null;
  if (latest.status !== 'closed') return latest;
  const closedAt = new Date(latest.closedAt ?? latest.createdAt).getTime();
  return now.getTime() - closedAt <= CLOSED_SHOWN_DAYS * 24 * 3600_000 ? latest : null;
}

/**
 * The person's own request for help, where it stands (received → a counsellor is on it → closed),
 * and what to do while waiting: the help contacts and their own safety plan, one tap away.
 */
export function MyHelpRequest() {
  const { t } = useT();
  const fmt = useFormat();
  const requests = useQuery(myHelpRequestsQuery);
  if (requests.isPending) return <CardSkeleton label={t('home.request.loading')} lines={4} />;
  if (requests.error) return <LoadError error={requests.error} onRetry={() => void requests.refetch()} />;
  const request = requestToShow(requests.data.items, new Date());
  if (!request) return null;
  const reached = STEPS.indexOf(request.status);
  const waiting = request.status !== 'closed';
  const body =
    request.status === 'open'
      ? t('home.request.open', { date: fmt.dateTime(request.createdAt) })
      : request.status === 'acknowledged'
        ? t('home.request.acknowledged', { date: fmt.dateTime(request.acknowledgedAt ?? request.createdAt) })
        : t('home.request.closed', { date: fmt.dateTime(request.closedAt ?? request.createdAt) });
  return (
    <section className={`home-card home-request home-request--${request.status}`} aria-labelledby="home-request-title">
      <h3 id="home-request-title">{t('home.request.title')}</h3>
      <ol className="request-steps" aria-label={t('home.request.steps_label')}>
        {STEPS.map((step, i) => (
          <li
            key={step}
            className={`request-step ${i <= reached ? 'request-step--reached' : ''}`}
            aria-current={i === reached ? 'step' : undefined}
          >
            <span className="request-step__dot" aria-hidden="true" />
            {t(STEP_LABEL[step])}
            {i === reached && <span className="visually-hidden"> ({t('home.request.current_step')})</span>}
          </li>
        ))}
      </ol>
      <p className="home-request__status">{body}</p>
      {waiting ? (
        <>
          <h4 className="home-request__waiting">{t('home.request.waiting_title')}</h4>
          <ul className="link-grid link-grid--tight">
            <li>
              <Link to="/help" className="link-card">
                <span className="link-card__title">{t('home.request.waiting_contacts')}</span>
                <span className="link-card__body">{t('home.request.waiting_contacts_body')}</span>
              </Link>
            </li>
            <li>
              <Link to="/me/safety-plan" className="link-card">
                <span className="link-card__title">{t('home.request.waiting_plan')}</span>
                <span className="link-card__body">{t('home.request.waiting_plan_body')}</span>
              </Link>
            </li>
          </ul>
          <p className="home-request__urgent">{t('home.request.waiting_urgent')}</p>
        </>
      ) : (
        <p>
          <Link to="/help" className="btn btn--secondary btn--small">
            {t('home.request.ask_again')}
          </Link>
        </p>
      )}
    </section>
  );
}

function LatestResultCard({ result }: { result: ResultSummary }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const abbreviation = useInstrumentAbbreviations(locale);
  const again = checkAgain(result.createdAt, fmt.timeZone, new Date());
  const id = result.instrumentId;
  return (
    <section className="home-card home-latest" aria-labelledby="home-latest-title">
      <h3 id="home-latest-title">{t('home.latest.title')}</h3>
      <p className="home-latest__band">{bandPhrase(t, id, result.result.band)}</p>
      <p className="muted small">
        {t(`instrument_labels.everyday.${id}`)} · {abbreviation(id)} ·{' '}
        {t('home.latest.taken', { date: fmt.date(result.createdAt) })}
      </p>
      <p>{again.due ? t('home.latest.check_again_due') : t('home.latest.check_again', { date: fmt.day(again.day) })}</p>
      <p className="home-latest__links">
        <Link to={`/self-check/results/${result.id}`}>{t('home.latest.see_result')}</Link>
        {again.due && (
          <Link to={`/self-check/${id}`} className="btn btn--secondary btn--small">
            {t('home.latest.check_again_action')}
            <span className="visually-hidden"> {abbreviation(id)}</span>
          </Link>
        )}
        <Link to={`/self-check/history/${id}`}>{t('home.latest.history')}</Link>
      </p>
    </section>
  );
}

/** The person's latest self-check with a gentle "check again in two weeks", or how to begin. */
export function LatestResult() {
  const { t } = useT();
  const results = useQuery(resultsQuery());
  if (results.isPending) return <CardSkeleton label={t('home.latest.loading')} />;
  if (results.error) return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  const latest = results.data.items[0];
  if (!latest) {
    return (
      <div className="home-card">
        <EmptyState
          title={t('home.latest.empty_title')}
          action={
            <Link to="/self-check" className="btn btn--primary btn--small">
              {t('home.latest.empty_action')}
            </Link>
          }
        >
          <p>{t('home.latest.empty_body')}</p>
        </EmptyState>
      </div>
    );
  }
  return <LatestResultCard result={latest} />;
}

interface NextStep {
  to: string;
  title: string;
  body: string;
}

interface NextGroup {
  id: 'today' | 'care' | 'help';
  title: string;
  steps: NextStep[];
}

/**
 * What the person can do next, in three calm groups instead of one wall of cards: "Today" (the
 * everyday tools, as cards), then "Look after yourself" and "Help" as short rows. On a phone they
 * follow the person's own state in one column, today first; on a wide screen they sit beside it
 * (home.css). The crisis button in the header and the request card above stay the way to urgent help.
 */
export function NextSteps() {
  const { t } = useT();
  const groups: NextGroup[] = [
    {
      id: 'today',
      title: t('home.next.today'),
      steps: [
        { to: '/check-in', title: t('home.employee.check_in'), body: t('home.employee.check_in_body') },
        { to: '/self-care', title: t('home.next.habits'), body: t('home.next.habits_body') },
        { to: '/plan/day', title: t('home.next.plan_day'), body: t('home.next.plan_day_body') },
        { to: '/check-in/insights', title: t('home.next.insights'), body: t('home.next.insights_body') },
      ],
    },
    {
      id: 'care',
      title: t('home.next.care'),
      steps: [
        { to: '/self-check', title: t('home.employee.self_check'), body: t('home.next.self_check_body') },
        { to: '/exercises', title: t('exercises.links.home_title'), body: t('exercises.links.home_body') },
        { to: '/learn', title: t('learn.links.home_title'), body: t('learn.links.home_body') },
        { to: '/plan', title: t('home.employee.plan'), body: t('home.next.plan_body') },
      ],
    },
    {
      id: 'help',
      title: t('home.next.help'),
      steps: [
        { to: '/help', title: t('home.employee.crisis'), body: t('home.next.crisis_body') },
        { to: '/me/safety-plan', title: t('home.employee.safety_plan'), body: t('home.next.safety_plan_body') },
        // Booking (docs/decisions/040-booking.md): not in the menu, so the home and /help lead to it.
        { to: '/counselling/book', title: t('home.next.counsellor'), body: t('home.next.counsellor_body') },
        { to: '/counselling/mine', title: t('home.next.appointments'), body: t('home.next.appointments_body') },
        // Referrals (docs/decisions/044-referrals.md): a letter to take to the person's FKTP.
        { to: '/referrals', title: t('home.next.referrals'), body: t('home.next.referrals_body') },
        // Peer groups (docs/decisions/045-peer-groups-and-return-to-work.md): also not in the menu.
        { to: '/groups', title: t('home.next.groups'), body: t('home.next.groups_body') },
        // The wellbeing committee (docs/decisions/053-committee-and-focus-groups.md): whom to approach.
        { to: '/committee', title: t('home.next.committee'), body: t('home.next.committee_body') },
      ],
    },
  ];
  return (
    <div className="next-steps">
      {groups.map((g) => (
        <section key={g.id} className={`next-group next-group--${g.id}`} aria-labelledby={`next-${g.id}`}>
          <h3 id={`next-${g.id}`} className="next-group__title">
            {g.title}
          </h3>
          <ul className={g.id === 'today' ? 'link-grid next-group__cards' : 'next-group__rows'}>
            {g.steps.map((s) => (
              <li key={s.to}>
                <Link to={s.to} className={g.id === 'today' ? 'link-card' : 'next-row'}>
                  <span className="link-card__title">{s.title}</span>
                  <span className="link-card__body">{s.body}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
