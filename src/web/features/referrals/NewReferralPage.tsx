import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { selfReferralBody, destinationsFor } from '../../../contracts/referrals.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  createSelfReferral,
  referralKeys,
  scoreChoicesQuery,
  type LetterField,
  type SelfReferralBody,
} from '../../api/referrals.api.js';
import { Button } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Checkbox, RadioGroup, TextArea, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useSession } from '../../api/session.js';
import { FieldChooser, LetterPreview, useScoreLine } from './LetterParts.js';
import { ReferralPath } from './ReferralsPage.js';
import './referrals.css';

/**
 * /referrals/new — the person writes a letter to take to their FKTP (docs/decisions/044-referrals.md):
 * where to, what to tell the doctor, the card number and scores if they wish, and what may print,
 * with the letter drawn beside the form as they tick.
 */
export function NewReferralPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const scores = useQuery(scoreChoicesQuery);
  const scoreLine = useScoreLine();
  const form = useForm('referral', { destinationLevel: 'puskesmas', destinationName: '', reason: '', bpjsNumber: '' });
  const [approved, setApproved] = useState<LetterField[]>(['name', 'summary']);
  const [scoreIds, setScoreIds] = useState<string[]>([]);
  const create = useApiMutation((body: SelfReferralBody, key) => createSelfReferral(body, key), {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      void navigate('/referrals', { state: { toast: t('referrals.form.saved') } });
    },
    onError: (err) => form.showServerError(err),
  });
  const v = form.values;
  const chosen = (scores.data?.items ?? []).filter((s) => scoreIds.includes(s.id));
  const available: Record<LetterField, boolean> = {
    name: true,
    birth_date: true,
    bpjs_number: v.bpjsNumber.trim() !== '',
    summary: v.reason.trim() !== '',
    scores: chosen.length > 0,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(selfReferralBody, {
      destinationLevel: v.destinationLevel,
      destinationName: v.destinationName,
      reason: v.reason,
      bpjsNumber: v.bpjsNumber,
      scoreIds,
      approvedFields: approved.filter((f) => available[f]),
    });
    if (body) create.mutate(body);
  };
  const name = session?.person.fullName ?? '';
  return (
    <PageColumns
      sticky
      aside={
        <LetterPreview
          model={{
            destinationLevel: v.destinationLevel as 'puskesmas' | 'klinik_pratama',
            destinationName: v.destinationName.trim() || null,
            preparedBy: 'client',
            counsellorName: null,
            approved: approved.filter((f) => available[f] && f !== 'birth_date'),
            name,
            birthDate: null,
            bpjsNumber: v.bpjsNumber.trim() || null,
            reason: v.reason.trim() || null,
            scores: chosen,
            expiresOn: null,
          }}
        />
      }
    >
      <PageHeader
        eyebrow={<Link to="/referrals">{t('referrals.mine.title')}</Link>}
        title={t('referrals.form.title')}
        lead={t('referrals.form.lead')}
      />
      <details className="referral-path-details">
        <summary>{t('referrals.path.title')}</summary>
        <ReferralPath />
      </details>
      <form className="form" onSubmit={submit} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{
            destinationLevel: t('referrals.form.destination'),
            bpjsNumber: t('referrals.form.bpjs_number'),
            reason: t('referrals.form.reason'),
          }}
        />
        <RadioGroup
          id="referral-destinationLevel"
          name="destinationLevel"
          legend={t('referrals.form.destination')}
          hint={t('referrals.form.destination_hint')}
          value={v.destinationLevel}
          error={form.errors.destinationLevel}
          onChange={(value) => form.set('destinationLevel', value)}
          options={destinationsFor('client').map((l) => ({ value: l, label: t(`referrals.levels.${l}`) }))}
        />
        <TextField
          {...form.field('destinationName')}
          label={t('referrals.form.destination_name')}
          hint={t('referrals.form.destination_name_hint')}
          optional
          maxLength={160}
        />
        <TextArea
          {...form.field('reason')}
          label={t('referrals.form.reason')}
          hint={t('referrals.form.reason_hint')}
          optional
          rows={5}
          maxLength={1500}
        />
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
                      id={`referral-score-${s.id}`}
                      label={scoreLine(s)}
                      checked={scoreIds.includes(s.id)}
                      onChange={(on) => {
                        setScoreIds((ids) => (on ? [...ids, s.id] : ids.filter((x) => x !== s.id)));
                        if (on && !approved.includes('scores')) setApproved((a) => [...a, 'scores']);
                      }}
                    />
                  ))}
                </>
              )
            }
          </QueryState>
        </fieldset>
        <FieldChooser
          idPrefix="referral"
          approved={approved}
          onChange={setApproved}
          available={available}
          notes={{ birth_date: t('referrals.form.birth_date_from_nip') }}
        />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t('referrals.form.saving') : t('referrals.form.submit')}
        </Button>
      </form>
    </PageColumns>
  );
}
