import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useApiMutation } from '../../api/mutation.js';
import {
  REFERRAL_PATHS,
  myReferralsQuery,
  referralKeys,
  setReferralStatus,
  type ReferralView,
  type StatusBody,
} from '../../api/referrals.api.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { ExpiryBadge, StatusBadge } from './LetterParts.js';
import './referrals.css';

/** The BPJS path in plain words: FKTP first, which refers on (docs/indonesian-facts.md). */
export function ReferralPath() {
  const { t } = useT();
  return (
    <section className="referral-path" aria-labelledby="referral-path-title">
      <h2 id="referral-path-title">{t('referrals.path.title')}</h2>
      <ol>
        <li>{t('referrals.path.step1')}</li>
        <li>{t('referrals.path.step2')}</li>
        <li>{t('referrals.path.step3')}</li>
      </ol>
      <Alert tone="info">{t('referrals.path.emergency')}</Alert>
    </section>
  );
}

/** /referrals — "Surat rujukan": my letters with their status and expiry; write one, download, move on. */
export function ReferralsPage() {
  const { t } = useT();
  const mine = useQuery(myReferralsQuery);
  const toast = useToast();
  const show = toast.show;
  const location = useLocation();
  const arrived = (location.state as { toast?: string } | null)?.toast;
  // A letter just saved on the form page: say so here, where it now is.
  useEffect(() => {
    if (arrived) show(arrived);
  }, [arrived, show]);
  const newLink = (
    <Link className="btn btn--primary" to="/referrals/new">
      {t('referrals.mine.new')}
    </Link>
  );
  return (
    <PageColumns aside={<ReferralPath />}>
      <PageHeader title={t('referrals.mine.title')} lead={t('referrals.mine.lead')} actions={newLink} />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={mine} skeleton="cards">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('referrals.mine.empty_title')} action={newLink}>
              <p>{t('referrals.mine.empty')}</p>
            </EmptyState>
          ) : (
            <ul className="referral-list">
              {data.items.map((r) => (
                <ReferralCard key={r.id} referral={r} onDone={toast.show} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </PageColumns>
  );
}

function ReferralCard({ referral: r, onDone }: { referral: ReferralView; onDone: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const move = useApiMutation((body: StatusBody) => setReferralStatus(r.id, body), {
    onSuccess: () => {
      setCancelling(false);
      onDone(t('referrals.mine.status_saved'));
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
  const needsApproval = r.status === 'prepared' && !r.letterReady;
  const forward = r.nextStatuses.filter((s) => s !== 'cancelled') as StatusBody['status'][];
  const headingId = `referral-${r.id}`;
  return (
    <li className="referral-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="referral-card__to">
        {t(`referrals.levels.${r.destinationLevel}`)}
        {r.destinationName && <span className="referral-card__name"> · {r.destinationName}</span>}
      </h2>
      <p className="referral-card__badges">
        <StatusBadge status={r.status} />
        <ExpiryBadge expiry={r.expiry} status={r.status} />
      </p>
      <p className="muted small">
        {r.counsellorName
          ? t('referrals.mine.prepared_by_counsellor', { name: r.counsellorName })
          : t('referrals.mine.prepared_by_self')}{' '}
        · {t('referrals.mine.issued', { date: fmt.day(r.issuedOn) })} ·{' '}
        {t('referrals.expiry.until', { date: fmt.day(r.expiresOn) })}
      </p>
      {needsApproval && <Alert tone="warning">{t('referrals.mine.needs_approval')}</Alert>}
      {move.error && <Alert tone="error">{move.error.message}</Alert>}
      <ButtonRow>
        {r.letterReady ? (
          <a className="btn btn--secondary btn--small" href={REFERRAL_PATHS.letter(r.id)} download>
            {t('referrals.mine.download')}
          </a>
        ) : null}
        {r.status === 'prepared' && (
          <Link
            className={`btn btn--small ${needsApproval ? 'btn--primary' : 'btn--secondary'}`}
            to={`/referrals/${r.id}`}
          >
            {t('referrals.mine.review')}
          </Link>
        )}
        {forward.map((s) => (
          <Button
            key={s}
            size="small"
            variant="secondary"
            disabled={move.isPending || (s === 'given' && !r.letterReady)}
            onClick={() => move.mutate({ status: s })}
          >
            {t(`referrals.moves.${s}`)}
          </Button>
        ))}
        {r.nextStatuses.includes('cancelled') && (
          <Button size="small" variant="danger" onClick={() => setCancelling(true)}>
            {t('referrals.moves.cancelled')}
          </Button>
        )}
      </ButtonRow>
      <ConfirmDialog
        open={cancelling}
        title={t('referrals.mine.confirm_cancel_title')}
        confirmLabel={t('referrals.moves.cancelled')}
        cancelLabel={t('referrals.mine.keep')}
        tone="danger"
        busy={move.isPending}
        error={move.error?.message}
        onConfirm={() => move.mutate({ status: 'cancelled' })}
        onCancel={() => setCancelling(false)}
      >
        <p>{t('referrals.mine.confirm_cancel')}</p>
      </ConfirmDialog>
    </li>
  );
}
