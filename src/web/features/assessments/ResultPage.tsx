import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { CONSENT_TEXTS } from '../../../domain/assessments/consent.js';
import { CBI_SUBSCALES } from '../../../domain/instruments/definitions/cbi.js';
import { isApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Checkbox, Select } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import {
  consentsQuery,
  counsellorsQuery,
  deleteResult,
  resultQuery,
  resultsKey,
  type ResultView,
  revokeShare,
  shareResult,
  type ShareView,
} from '../../api/assessments.api.js';
import { type InstrumentDefinitionView, instrumentQuery, instrumentsQuery } from '../../api/instruments.api.js';
import { BandScale } from './BandScale.js';
import { CareSteps } from './CareSteps.js';
import { ConsentText } from './ConsentText.js';
import { absBandLabel, band4Label, bandPhrase, subscaleLabel } from '../../lib/assessment-labels.js';
import './assessments.css';

function oneDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** The score with its range, and what belongs to this instrument (WHO-5 percent, K10 population band, CBI sub-scales). */
function Score({ result, definition }: { result: ResultView; definition: InstrumentDefinitionView | undefined }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const r = result.result;
  if (result.instrumentId === 'cbi') {
    return (
      <div className="score">
        <h2>{t('assessments.result.score_title')}</h2>
        <ul className="subscales">
          {CBI_SUBSCALES.map((name) => {
            const s = r.subscales?.[name] ?? null;
            return (
              <li key={name} className="subscale">
                <span className="subscale__name">{subscaleLabel(t, name)}</span>
                {s ? (
                  <>
                    <span className="subscale__score">
                      {t('assessments.result.cbi_score', { score: oneDecimal(s.score, locale) })}
                    </span>
                    <span className="subscale__band">
                      {t('assessments.result.cbi_band', {
                        band: bandPhrase(t, 'cbi', s.band),
                        band4: band4Label(t, s.band4),
                      })}
                    </span>
                    <BandScale
                      instrumentId="cbi"
                      bands={[
                        { code: 'low', min: 0, max: 50 },
                        { code: 'high', min: 50, max: 100 },
                      ]}
                      range={{ min: 0, max: 100 }}
                      value={s.score}
                    />
                  </>
                ) : (
                  <span className="subscale__missing">
                    {name === 'client' ? t('assessments.result.cbi_not_asked') : t('assessments.result.cbi_too_few')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <p className="muted small">{t('assessments.result.cbi_note')}</p>
      </div>
    );
  }
  const range = definition?.totalRange ?? null;
  return (
    <div className="score">
      <h2>{t('assessments.result.score_title')}</h2>
      {r.total === null ? (
        <p>{t('assessments.result.incomplete')}</p>
      ) : (
        <>
          <p className="score__value">
            {range
              ? t('assessments.result.score_of', {
                  total: fmt.number(r.total),
                  min: fmt.number(range.min),
                  max: fmt.number(range.max),
                })
              : t('assessments.result.score', { total: fmt.number(r.total) })}
            {result.instrumentId === 'who5' && typeof r.percent === 'number' && (
              <> {t('assessments.result.percent', { percent: fmt.number(r.percent) })}</>
            )}
          </p>
          {range && definition && (
            <BandScale instrumentId={result.instrumentId} bands={definition.bands} range={range} value={r.total} />
          )}
          {result.instrumentId === 'who5' && <p className="muted small">{t('assessments.result.who5_note')}</p>}
          {result.instrumentId === 'pss10' && <p className="muted small">{t('assessments.result.pss_note')}</p>}
          {result.instrumentId === 'k10' && r.bandAbs && (
            <p className="score__secondary">{t('assessments.result.k10_abs', { band: absBandLabel(t, r.bandAbs) })}</p>
          )}
        </>
      )}
    </div>
  );
}

function Shares({ result }: { result: ResultView }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const counsellors = useQuery(counsellorsQuery);
  const [counsellorId, setCounsellorId] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<{ counsellor?: string; agree?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ShareView | null>(null);
  // A result that suggests self-care alone keeps the form folded behind one button: on a phone the
  // page then shows the step to take, and sharing is still one tap away.
  const [formOpen, setFormOpen] = useState(
    !(result.nextStep.step === 'self_care' && !result.nextStep.crisis && result.shares.length === 0),
  );
  const share = useApiMutation((body: { counsellorId: string; consentVersion: string }, key) =>
    shareResult(result.id, body, key),
  );
  const revoke = useApiMutation((shareId: string, key) => revokeShare(result.id, shareId, key));
  const active = result.shares.filter((s) => s.revokedAt === null);
  const past = result.shares.filter((s) => s.revokedAt !== null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: resultQuery(result.id).queryKey }),
      queryClient.invalidateQueries({ queryKey: consentsQuery.queryKey }),
    ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const next: typeof errors = {};
    if (!counsellorId) next.counsellor = t('assessments.share.choose_required');
    if (!agreed) next.agree = t('assessments.share.agree_required');
    setErrors(next);
    if (next.counsellor) return document.getElementById('share-counsellor')?.focus();
    if (next.agree) return document.getElementById('share-agree')?.focus();
    share.mutate(
      { counsellorId, consentVersion: CONSENT_TEXTS.share_result },
      {
        onSuccess: async (created) => {
          setDone(t('assessments.share.shared', { name: created.counsellor.fullName }));
          setCounsellorId('');
          setAgreed(false);
          await refresh();
        },
      },
    );
  };

  return (
    <section className="card result-section" aria-labelledby="share-title">
      <h2 id="share-title">{t('assessments.share.title')}</h2>
      <p>{t('assessments.share.lead')}</p>
      {done && <Alert tone="success">{done}</Alert>}
      {active.length > 0 && (
        <ul className="row-list" aria-label={t('assessments.share.active_label')}>
          {active.map((s) => (
            <li key={s.id} className="row-list__item">
              <span>
                {t('assessments.share.shared_with', { name: s.counsellor.fullName, date: fmt.dateTime(s.grantedAt) })}
              </span>
              <Button variant="secondary" size="small" onClick={() => setRevoking(s)}>
                {t('assessments.share.revoke')}
                <span className="visually-hidden"> {s.counsellor.fullName}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <QueryState query={counsellors}>
        {(data) => {
          const available = data.items.filter((c) => !active.some((s) => s.counsellor.id === c.id));
          if (data.items.length === 0) return <p className="muted">{t('assessments.share.no_counsellors')}</p>;
          if (available.length === 0) return null;
          if (!formOpen) {
            return (
              <Button
                variant="secondary"
                aria-expanded={false}
                onClick={() => {
                  setFormOpen(true);
                  requestAnimationFrame(() => document.getElementById('share-counsellor')?.focus());
                }}
              >
                {t('assessments.share.open_form')}
              </Button>
            );
          }
          return (
            <form className="form" onSubmit={submit} noValidate aria-label={t('assessments.share.form_label')}>
              <Select
                id="share-counsellor"
                label={t('assessments.share.counsellor')}
                value={counsellorId}
                onChange={setCounsellorId}
                placeholder={t('common.form.choose')}
                error={errors.counsellor}
                options={available.map((c) => ({
                  value: c.id,
                  label: c.position ? `${c.fullName} — ${c.position}, ${c.unitName}` : `${c.fullName} — ${c.unitName}`,
                }))}
              />
              <ConsentText version={CONSENT_TEXTS.share_result} />
              <Checkbox
                id="share-agree"
                label={t('assessments.share.agree')}
                checked={agreed}
                onChange={setAgreed}
                error={errors.agree}
              />
              {share.error && <Alert tone="error">{share.error.message}</Alert>}
              <Button type="submit" busy={share.isPending}>
                {t('assessments.share.submit')}
              </Button>
            </form>
          );
        }}
      </QueryState>
      {past.length > 0 && (
        <details className="share-past">
          <summary>{t('assessments.share.past_title')}</summary>
          <ul>
            {past.map((s) => (
              <li key={s.id}>
                {t('assessments.share.revoked_line', {
                  name: s.counsellor.fullName,
                  from: fmt.dateTime(s.grantedAt),
                  to: fmt.dateTime(s.revokedAt ?? s.grantedAt),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('assessments.share.revoke_title', { name: revoking?.counsellor.fullName ?? '' })}
        confirmLabel={t('assessments.share.revoke')}
        tone="danger"
        busy={revoke.isPending}
        error={revoke.error?.message ?? null}
        onCancel={() => {
          revoke.reset();
          setRevoking(null);
        }}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: async () => {
              setRevoking(null);
              setDone(t('assessments.share.revoked'));
              await refresh();
            },
          })
        }
      >
        <p>{t('assessments.share.revoke_body')}</p>
      </ConfirmDialog>
    </section>
  );
}

function DeleteResult({ result }: { result: ResultView }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useApiMutation((_: void, key) => deleteResult(result.id, key));
  return (
    <section className="card result-section" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('assessments.delete.title')}</h2>
      <p className="muted">{t('assessments.delete.lead')}</p>
      <Button
        variant="danger"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        {t('assessments.delete.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('assessments.delete.confirm_title')}
        confirmLabel={t('assessments.delete.button')}
        tone="danger"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: async () => {
              setOpen(false);
              queryClient.removeQueries({ queryKey: resultQuery(result.id).queryKey });
              await queryClient.invalidateQueries({ queryKey: resultsKey });
              await navigate(`/self-check/history/${result.instrumentId}`, { replace: true, state: { deleted: true } });
            },
          })
        }
      >
        <p>{t('assessments.delete.confirm_body')}</p>
      </ConfirmDialog>
    </section>
  );
}

function Result({ result }: { result: ResultView }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const location = useLocation();
  const fresh = Boolean((location.state as { fresh?: boolean } | null)?.fresh);
  const definition = useQuery(instrumentQuery(result.instrumentId, locale));
  const instruments = useQuery(instrumentsQuery(locale));
  const abbreviation = definition.data?.abbreviation ?? result.instrumentId.toUpperCase();
  const followUp = result.nextStep.followUp
    ? instruments.data?.items.find((i) => i.id === result.nextStep.followUp)
    : undefined;
  const title =
    result.instrumentId === 'cbi'
      ? t('instrument_labels.cbi_title')
      : bandPhrase(t, result.instrumentId, result.result.band);
  return (
    <>
      <PageHeader
        eyebrow={t('assessments.result.eyebrow', { name: abbreviation, date: fmt.dateTime(result.createdAt) })}
        title={title}
      />
      {/* The result and what it means on the left, the care steps beside it on a wide screen; on a
          phone one after the other, in this order. */}
      <div className="result-page">
        <div className="result-page__result stack">
          <Alert tone="info" live={false} title={t('assessments.result.not_diagnosis_title')} className="not-diagnosis">
            <p>{t('assessments.result.not_diagnosis_body')}</p>
          </Alert>
          {result.contactRequestId && (
            <Alert
              tone="success"
              live={fresh}
              title={fresh ? t('assessments.result.contact_received_title') : undefined}
            >
              <p>
                {fresh ? t('assessments.result.contact_received_body') : t('assessments.result.contact_requested_note')}
              </p>
            </Alert>
          )}
          {result.nextStep.crisis && (
            <Alert tone="warning" live={false} title={t('assessments.result.crisis_title')}>
              <p>{t('assessments.result.crisis_body')}</p>
              <p>
                <Link to="/help">{t('assessments.result.crisis_link')}</Link>
              </p>
            </Alert>
          )}
          <section className="card result-section" aria-label={t('assessments.result.score_title')}>
            <Score result={result} definition={definition.data} />
          </section>
          {result.nextStep.urgentFollowUp && (
            <Alert tone="warning" live={false} title={t('assessments.result.urgent_title')}>
              <p>{t('assessments.result.urgent_body')}</p>
            </Alert>
          )}
          {result.nextStep.followUp && (
            <Alert tone="info" live={false} title={t('assessments.result.follow_up_title')}>
              <p>{t('assessments.result.follow_up_body', { name: followUp?.name ?? result.nextStep.followUp })}</p>
              <p>
                <Link className="btn btn--primary btn--small" to={`/self-check/${result.nextStep.followUp}`}>
                  {t('assessments.result.follow_up_link', { name: followUp?.abbreviation ?? result.nextStep.followUp })}
                </Link>
              </p>
            </Alert>
          )}
        </div>
        <section className="card result-section result-page__care" aria-labelledby="next-step-title">
          <h2 id="next-step-title">{t('assessments.result.next_step_title')}</h2>
          <p>
            {result.nextStep.step ? t('assessments.result.next_step_lead') : t('assessments.result.next_step_none')}
          </p>
          <CareSteps current={result.nextStep.step} />
        </section>
        <div className="result-page__more stack">
          <Shares result={result} />
          <p className="result-links">
            <Link to={`/self-check/history/${result.instrumentId}`}>
              {t('assessments.result.history_link', { name: abbreviation })}
            </Link>
            {' · '}
            <Link to="/self-check">{t('assessments.result.back_to_list')}</Link>
            {' · '}
            <Link to="/profile/privacy">{t('assessments.list.privacy_link')}</Link>
          </p>
          <DeleteResult result={result} />
        </div>
      </div>
    </>
  );
}

/** /self-check/results/:id — the band in plain words, "bukan diagnosis", the score and the next step. */
export function ResultPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const result = useQuery(resultQuery(id));
  if (result.error && isApiError(result.error) && result.error.status === 404) {
    return (
      <>
        <PageHeader title={t('assessments.result.not_found_title')} lead={t('assessments.result.not_found_lead')} />
        <p>
          <Link to="/self-check">{t('assessments.result.back_to_list')}</Link>
        </p>
      </>
    );
  }
  return (
    <QueryState query={result} loadingLabel={t('assessments.result.loading')}>
      {(data) => <Result result={data} />}
    </QueryState>
  );
}
