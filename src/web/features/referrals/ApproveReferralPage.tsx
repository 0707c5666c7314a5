import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { approvalBody } from '../../../contracts/referrals.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  approveReferral,
  referralKeys,
  referralQuery,
  scoreChoicesQuery,
  type ApprovalBody,
  type LetterField,
  type ReferralView,
} from '../../api/referrals.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Checkbox, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { FieldChooser, LetterPreview, useScoreLine } from './LetterParts.js';
import './referrals.css';

/** /referrals/:id — the client reads a letter prepared for them and chooses what it may print. */
export function ApproveReferralPage() {
  const { id = '' } = useParams();
  const referral = useQuery(referralQuery(id));
  return (
    <QueryState query={referral} skeleton="form">
      {(r) => <ApproveForm key={r.updatedAt} referral={r} />}
    </QueryState>
  );
}

function ApproveForm({ referral: r }: { referral: ReferralView }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scores = useQuery(scoreChoicesQuery);
  const scoreLine = useScoreLine();
  const form = useForm('approve', { bpjsNumber: r.bpjsNumber ?? '' });
  const [approved, setApproved] = useState<LetterField[]>(
    r.approvedAt ? r.approvedFields : r.preparedBy === 'counsellor' ? ['name', 'summary'] : r.approvedFields,
  );
  const [scoreIds, setScoreIds] = useState<string[]>([]);
  const save = useApiMutation((body: ApprovalBody) => approveReferral(r.id, body), {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      void navigate('/referrals', { state: { toast: t('referrals.approve.saved') } });
    },
    onError: (err) => form.showServerError(err),
  });
  const locked = r.status !== 'prepared';
  const chosen = (scores.data?.items ?? []).filter((s) => scoreIds.includes(s.id));
  const shownScores = chosen.length > 0 ? chosen : r.scores;
  const bpjs = form.values.bpjsNumber.trim();
  const available: Record<LetterField, boolean> = {
    name: true,
    birth_date: r.identity.birthDate !== null,
    bpjs_number: bpjs !== '',
    summary: r.reason !== null,
    scores: shownScores.length > 0,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(approvalBody, {
      approvedFields: approved.filter((f) => available[f]),
      bpjsNumber: bpjs,
      ...(scoreIds.length > 0 ? { scoreIds } : {}),
    });
    if (body) save.mutate(body);
  };
  return (
    <PageColumns
      sticky
      aside={
        <LetterPreview
          model={{
            destinationLevel: r.destinationLevel,
            destinationName: r.destinationName,
            preparedBy: r.preparedBy,
            counsellorName: r.counsellorName,
            approved: approved.filter((f) => available[f]),
            name: r.identity.name,
            birthDate: r.identity.birthDate,
            bpjsNumber: bpjs || null,
            reason: r.reason,
            scores: shownScores,
            expiresOn: r.expiresOn,
          }}
        />
      }
    >
      <PageHeader
        eyebrow={<Link to="/referrals">{t('referrals.mine.title')}</Link>}
        title={t('referrals.approve.title')}
        lead={t('referrals.approve.lead')}
      />
      {r.counsellorName && <p>{t('referrals.mine.prepared_by_counsellor', { name: r.counsellorName })}</p>}
      {r.reason && (
        <section aria-labelledby="approve-reason">
          <h2 id="approve-reason">{t('referrals.fields.summary')}</h2>
          <p className="referral-reason">{r.reason}</p>
        </section>
      )}
      {locked ? (
        <Alert tone="info">{t('referrals.approve.locked')}</Alert>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <FormErrorSummary {...form.summary} labels={{ bpjsNumber: t('referrals.form.bpjs_number') }} />
          <TextField
            {...form.field('bpjsNumber')}
            label={t('referrals.form.bpjs_number')}
            hint={t('referrals.form.bpjs_number_hint')}
            optional
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
          />
          <fieldset className="field">
            <legend className="field__label">{t('referrals.form.scores')}</legend>
            <p className="field__hint">{t('referrals.form.scores_hint')}</p>
            <QueryState query={scores} skeleton="rows">
              {(data) =>
                data.items.length === 0 ? (
                  <p className="muted">{t('referrals.form.no_scores')}</p>
                ) : (
                  <>
                    {data.items.map((s) => (
                      <Checkbox
                        key={s.id}
                        id={`approve-score-${s.id}`}
                        label={scoreLine(s)}
                        checked={scoreIds.includes(s.id)}
                        onChange={(on) => setScoreIds((ids) => (on ? [...ids, s.id] : ids.filter((x) => x !== s.id)))}
                      />
                    ))}
                  </>
                )
              }
            </QueryState>
          </fieldset>
          <FieldChooser
            idPrefix="approve"
            approved={approved}
            onChange={setApproved}
            available={available}
            notes={{ birth_date: t('referrals.form.birth_date_from_nip') }}
          />
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t('referrals.form.saving') : t('referrals.approve.submit')}
          </Button>
        </form>
      )}
    </PageColumns>
  );
}
