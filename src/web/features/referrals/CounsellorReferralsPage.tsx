import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DESTINATION_LEVELS, counsellorReferralBody } from '../../../contracts/referrals.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  REFERRAL_PATHS,
  counsellorReferralsQuery,
  prepareReferral,
  referralClientsQuery,
  referralKeys,
  setCounsellorReferralStatus,
  type CounsellorReferralBody,
  type CounsellorReferralView,
  type StatusBody,
} from '../../api/referrals.api.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { RadioGroup, Select, TextArea, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { ExpiryBadge, StatusBadge } from './LetterParts.js';
import './referrals.css';

/**
 * /counselling/referrals — the counsellor's referrals: the ones they prepared, with where each
 * stands, and a form to prepare one for a client of theirs (docs/decisions/044-referrals.md).
 */
export function CounsellorReferralsPage() {
  const { t } = useT();
  const list = useQuery(counsellorReferralsQuery);
  const toast = useToast();
  const [open, setOpen] = useState(false);
  return (
    <PageColumns
      aside={
        open ? (
          <PrepareForm
            onDone={() => {
              setOpen(false);
              toast.show(t('referrals.counsellor.saved'));
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <section aria-labelledby="prepare-cta">
            <h2 id="prepare-cta">{t('referrals.counsellor.new')}</h2>
            <p className="muted">{t('referrals.counsellor.empty')}</p>
            <Button onClick={() => setOpen(true)} aria-expanded={open}>
              {t('referrals.counsellor.new')}
            </Button>
          </section>
        )
      }
    >
      <PageHeader title={t('referrals.counsellor.title')} lead={t('referrals.counsellor.lead')} />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={list} skeleton="cards">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('referrals.counsellor.empty_title')}>
              <p>{t('referrals.counsellor.empty')}</p>
            </EmptyState>
          ) : (
            <ul className="referral-list">
              {data.items.map((r) => (
                <CounsellorCard key={r.id} referral={r} onDone={toast.show} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </PageColumns>
  );
}

function CounsellorCard({ referral: r, onDone }: { referral: CounsellorReferralView; onDone: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const move = useApiMutation((body: StatusBody) => setCounsellorReferralStatus(r.id, body), {
    onSuccess: () => {
      onDone(t('referrals.mine.status_saved'));
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
  const headingId = `c-referral-${r.id}`;
  return (
    <li className="referral-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="referral-card__to">
        {r.clientName}
        <span className="referral-card__name"> → {t(`referrals.levels.${r.destinationLevel}`)}</span>
      </h2>
      <p className="referral-card__badges">
        <StatusBadge status={r.status} />
        <ExpiryBadge expiry={r.expiry} status={r.status} />
        <Badge tone={r.letterReady ? 'success' : 'warning'}>
          {r.letterReady ? t('referrals.counsellor.approved') : t('referrals.counsellor.waiting_approval')}
        </Badge>
      </p>
      <p className="muted small">
        {t('referrals.mine.issued', { date: fmt.day(r.issuedOn) })} ·{' '}
        {t('referrals.expiry.until', { date: fmt.day(r.expiresOn) })}
      </p>
      {r.reason && <p className="referral-reason">{r.reason}</p>}
      {move.error && <Alert tone="error">{move.error.message}</Alert>}
      <ButtonRow>
        {r.letterReady && (
          <a className="btn btn--secondary btn--small" href={REFERRAL_PATHS.letter(r.id)} download>
            {t('referrals.mine.download')}
          </a>
        )}
        {(r.nextStatuses as StatusBody['status'][]).map((s) => (
          <Button
            key={s}
            size="small"
            variant={s === 'cancelled' ? 'danger' : 'secondary'}
            disabled={move.isPending || (s === 'given' && !r.letterReady)}
            onClick={() => move.mutate({ status: s })}
          >
            {t(`referrals.moves.${s}`)}
          </Button>
        ))}
      </ButtonRow>
    </li>
  );
}

function PrepareForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const clients = useQuery(referralClientsQuery);
  const form = useForm('prepare', { clientId: '', destinationLevel: 'puskesmas', destinationName: '', reason: '' });
  const create = useApiMutation((body: CounsellorReferralBody, key) => prepareReferral(body, key), {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      onDone();
    },
    onError: (err) => form.showServerError(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(counsellorReferralBody, form.values);
    if (body) create.mutate(body);
  };
  return (
    <section aria-labelledby="prepare-title">
      <h2 id="prepare-title">{t('referrals.counsellor.new')}</h2>
      <QueryState query={clients} skeleton="form">
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('referrals.counsellor.no_clients')}</p>
          ) : (
            <form className="form" onSubmit={submit} noValidate>
              <FormErrorSummary
                {...form.summary}
                labels={{ clientId: t('referrals.counsellor.client'), reason: t('referrals.counsellor.reason') }}
              />
              <Select
                {...form.field('clientId')}
                label={t('referrals.counsellor.client')}
                options={[
                  { value: '', label: t('referrals.counsellor.choose_client') },
                  ...data.items.map((c) => ({ value: c.id, label: c.name })),
                ]}
              />
              <RadioGroup
                id="prepare-destinationLevel"
                name="prepare-destinationLevel"
                legend={t('referrals.counsellor.destination')}
                value={form.values.destinationLevel}
                error={form.errors.destinationLevel}
                onChange={(v) => form.set('destinationLevel', v)}
                options={DESTINATION_LEVELS.map((l) => ({ value: l, label: t(`referrals.levels.${l}`) }))}
              />
              <TextField
                {...form.field('destinationName')}
                label={t('referrals.counsellor.destination_name')}
                optional
              />
              <TextArea
                {...form.field('reason')}
                label={t('referrals.counsellor.reason')}
                hint={t('referrals.counsellor.reason_hint')}
                rows={5}
                maxLength={1500}
              />
              <ButtonRow>
                <Button type="submit" disabled={create.isPending}>
                  {create.isPending ? t('referrals.form.saving') : t('referrals.counsellor.submit')}
                </Button>
                <Button variant="secondary" onClick={onCancel}>
                  {t('referrals.counsellor.cancel_form')}
                </Button>
              </ButtonRow>
            </form>
          )
        }
      </QueryState>
    </section>
  );
}
