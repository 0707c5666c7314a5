import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiMutation } from '../../api/mutation.js';
import { agreeToPlan, ownPlansQuery, returnKeys, sharePlan, type PlanView } from '../../api/return-to-work.api.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { PlanSchedule } from './PlanSchedule.js';
import './return-to-work.css';

/** /return-to-work — my plan: read it, agree to it, and choose whether my manager sees the schedule. */
export function MyReturnPage() {
  const { t } = useT();
  const plans = useQuery(ownPlansQuery);
  const toast = useToast();
  return (
    <PageContent>
      <PageHeader title={t('return_to_work.mine.title')} lead={t('return_to_work.mine.intro')} />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={plans} skeleton="cards">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title={t('return_to_work.mine.empty')}
              action={
                <Link className="btn btn--primary" to="/counselling/book">
                  {t('return_to_work.mine.book')}
                </Link>
              }
            >
              <p>{t('return_to_work.mine.empty_body')}</p>
            </EmptyState>
          ) : (
            <ul className="plan-list">
              {data.items.map((p) => (
                <OwnPlan key={p.id} plan={p} onDone={toast.show} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </PageContent>
  );
}

function OwnPlan({ plan: p, onDone }: { plan: PlanView; onDone: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: returnKeys.all });
  const agree = useApiMutation(() => agreeToPlan(p.id, { version: p.version }), {
    onSuccess: () => {
      onDone(t('return_to_work.agree.done'));
      void refresh();
    },
  });
  const share = useApiMutation((value: boolean) => sharePlan(p.id, { share: value }), {
    onSuccess: (view) => {
      setRevoking(false);
      onDone(view.sharedWithManager ? t('return_to_work.share.given') : t('return_to_work.share.revoked'));
      void refresh();
    },
  });
  const agreed = p.agreedVersion === p.version;
  return (
    <li className="plan-card">
      <p className="muted small">
        {t('return_to_work.mine.with', { name: p.counsellorName })}
        {p.closed && (
          <>
            {' '}
            <Badge tone="neutral">{t('return_to_work.mine.closed')}</Badge>
          </>
        )}
      </p>
      <div className="plan-columns">
        <section aria-labelledby={`schedule-${p.id}`}>
          <h2 id={`schedule-${p.id}`}>{t('return_to_work.plan.schedule')}</h2>
          <PlanSchedule plan={p} />
          <h3>{t('return_to_work.plan.checkins')}</h3>
          {p.checkins.length === 0 ? (
            <p className="muted">{t('return_to_work.plan.checkins_empty')}</p>
          ) : (
            <ul className="checkin-list">
              {p.checkins.map((c) => (
                <li key={c.id}>
                  <span>{fmt.day(c.dueOn)}</span>
                  <Badge tone={c.done ? 'success' : 'neutral'}>
                    {c.done ? t('return_to_work.plan.done') : t('return_to_work.plan.not_done')}
                  </Badge>
                  {c.note && <span className="muted small">{c.note}</span>}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('return_to_work.plan.evaluation')}</h3>
          <p className={p.evaluation ? 'plan-evaluation' : 'muted'}>
            {p.evaluation ?? t('return_to_work.plan.evaluation_empty')}
          </p>
        </section>
        {!p.closed && (
          <div>
            <section aria-labelledby={`agree-${p.id}`} className="plan-card">
              <h2 id={`agree-${p.id}`}>{t('return_to_work.agree.title')}</h2>
              {agreed ? (
                <p>
                  <Badge tone="success">
                    {t('return_to_work.agree.agreed', {
                      version: p.agreedVersion,
                      date: p.agreedAt ? fmt.date(p.agreedAt) : '',
                    })}
                  </Badge>
                </p>
              ) : (
                <>
                  {p.agreedVersion !== null && (
                    <Alert tone="warning" live={false}>
                      <p>{t('return_to_work.agree.changed')}</p>
                    </Alert>
                  )}
                  <p>{t('return_to_work.agree.text')}</p>
                  {agree.error && <p className="field__error">{agree.error.message}</p>}
                  <Button onClick={() => agree.mutate()} busy={agree.isPending}>
                    {t('return_to_work.agree.button')}
                  </Button>
                </>
              )}
            </section>
            <section aria-labelledby={`share-${p.id}`} className="plan-card">
              <h2 id={`share-${p.id}`}>{t('return_to_work.share.title')}</h2>
              <p>{t('return_to_work.share.text')}</p>
              <p>
                <strong>
                  {p.sharedWithManager && agreed
                    ? t('return_to_work.share.shared')
                    : t('return_to_work.share.not_shared')}
                </strong>
              </p>
              {share.error && <p className="field__error">{share.error.message}</p>}
              {p.sharedWithManager ? (
                <Button variant="danger" onClick={() => setRevoking(true)}>
                  {t('return_to_work.share.revoke')}
                </Button>
              ) : agreed ? (
                <Button variant="secondary" onClick={() => share.mutate(true)} busy={share.isPending}>
                  {t('return_to_work.share.give')}
                </Button>
              ) : (
                <p className="muted small">{t('return_to_work.share.needs_agreement')}</p>
              )}
            </section>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={revoking}
        title={t('return_to_work.share.revoke_title')}
        confirmLabel={t('return_to_work.share.revoke_confirm')}
        cancelLabel={t('return_to_work.share.keep')}
        tone="danger"
        busy={share.isPending}
        error={share.error?.message}
        onConfirm={() => share.mutate(false)}
        onCancel={() => setRevoking(false)}
      >
        <p>{t('return_to_work.share.revoke_body')}</p>
      </ConfirmDialog>
    </li>
  );
}
