import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ContactRequestBody } from '../../../contracts/help.js';
import { assessmentConsentVersion } from '../../../domain/assessments/consent.js';
import { scoreAnswers } from '../../../domain/instruments/scoring.js';
import { isInstrumentId, type Answer, type InstrumentId } from '../../../domain/instruments/types.js';
import { isApiError, newIdempotencyKey } from '../../api/client.js';
import { NotFoundPage } from '../../components/layout/ErrorPages.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Checkbox } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Loading } from '../../components/Spinner.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { agencyQuery } from '../../api/agency.api.js';
import {
  consentsQuery,
  deleteDraft,
  draftsQuery,
  type DraftView,
  resultQuery,
  resultsKey,
  submitAssessment,
} from '../../api/assessments.api.js';
import { type InstrumentDefinitionView, instrumentQuery } from '../../api/instruments.api.js';
import { type MyCampaign, myCampaignsQuery } from '../../api/campaigns.api.js';
import { myHelpRequestsQuery } from '../../api/help.api.js';
import { AssessmentForm, type FormState } from './AssessmentForm.js';
import { ConsentText } from './ConsentText.js';
import { CrisisBeforeResult, CrisisDuringForm } from './CrisisScreen.js';
import { hasCrisisAnswer, isAsked, needsServesQuestion } from './form-logic.js';
import './assessments.css';

type Phase = 'intro' | 'form' | 'crisis-during' | 'crisis-end' | 'sending';

/** Where a resumed draft starts: its saved question, or the first unanswered one if that is gone. */
function stateFromDraft(definition: InstrumentDefinitionView, draft: DraftView | null): FormState {
  const empty: FormState = {
    answers: definition.items.map(() => null),
    servesPublic: null,
    cursor: needsServesQuestion(definition.items) ? -1 : 0,
  };
  if (!draft || draft.answers.length !== definition.items.length || draft.instrumentVersion !== definition.version)
    return empty;
  const answers: Answer[] = draft.answers.slice();
  const anyAnswer = answers.some((a) => a !== null);
  const servesPublic = needsServesQuestion(definition.items) ? (anyAnswer ? draft.servesPublic : null) : null;
  if (needsServesQuestion(definition.items) && servesPublic === null) return { ...empty, answers };
  const asked = (i: number) => isAsked(definition.items, answers, i, servesPublic);
  let cursor = draft.currentIndex;
  if (!asked(cursor)) cursor = definition.items.findIndex((_, i) => asked(i) && answers[i] === null);
  if (cursor < 0) cursor = definition.items.findIndex((_, i) => asked(i));
  return { answers, servesPublic, cursor: Math.max(0, cursor) };
}

function Intro({
  definition,
  draft,
  campaign,
  consentVersion,
  onStart,
}: {
  definition: InstrumentDefinitionView;
  draft: DraftView | null;
  campaign: MyCampaign | null;
  consentVersion: string;
  onStart: (resume: boolean) => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const [agreed, setAgreed] = useState(false);
  const [consentError, setConsentError] = useState(false);
  const [confirmRestart, setConfirmRestart] = useState(false);
  const answeredInDraft = draft ? draft.answers.filter((a) => a !== null).length : 0;

  const start = (resume: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!agreed) {
      setConsentError(true);
      document.getElementById('consent-agree')?.focus();
      return;
    }
    if (!resume && answeredInDraft > 0) {
      setConfirmRestart(true);
      return;
    }
    onStart(resume);
  };

  return (
    <div className="intro">
      {campaign && (
        <Alert tone="info" live={false} title={t('assessments.intro.campaign_title', { title: campaign.title })}>
          <p>{t('assessments.intro.campaign_body')}</p>
        </Alert>
      )}
      <dl className="key-value key-value--rows intro__facts">
        <div>
          <dt>{t('assessments.intro.length')}</dt>
          <dd>
            {t('assessments.intro.length_value', {
              minutes: fmt.number(definition.minutes),
              items: fmt.number(definition.itemCount),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('assessments.intro.recall')}</dt>
          <dd>{definition.recall ?? t('assessments.intro.recall_none')}</dd>
        </div>
        <div>
          <dt>{t('assessments.intro.who_sees')}</dt>
          <dd>
            <strong>{t('assessments.intro.only_you')}</strong>
          </dd>
        </div>
      </dl>
      {definition.hasCrisisItems && (
        <Alert tone="info" live={false}>
          <p>{t('assessments.intro.crisis_item_note')}</p>
        </Alert>
      )}
      {definition.bandsAreIndicative && (
        <Alert tone="info" live={false}>
          <p>{t('assessments.intro.indicative_note')}</p>
        </Alert>
      )}
      <details className="intro__about">
        <summary>{t('assessments.intro.about_title')}</summary>
        <dl className="key-value">
          <div>
            <dt>{t('assessments.intro.wording')}</dt>
            <dd>
              <Badge tone={definition.translation.kind === 'published' ? 'success' : 'info'}>
                {definition.translation.kind === 'published'
                  ? t('assessments.intro.wording_published')
                  : t('assessments.intro.wording_translation')}
              </Badge>{' '}
              {definition.translation.source}
            </dd>
          </div>
          <div>
            <dt>{t('assessments.intro.source')}</dt>
            <dd>{definition.source}</dd>
          </div>
          <div>
            <dt>{t('assessments.intro.scoring')}</dt>
            <dd>{definition.scoringNote}</dd>
          </div>
          <div>
            <dt>{t('assessments.intro.licence')}</dt>
            <dd>{definition.licence}</dd>
          </div>
        </dl>
      </details>
      <p className="intro__wording-line">
        {definition.translation.kind === 'published'
          ? t('assessments.intro.wording_published_line')
          : t('assessments.intro.wording_translation_line')}
      </p>

      <form
        className="card form consent"
        onSubmit={start(answeredInDraft > 0)}
        noValidate
        aria-labelledby="consent-title"
      >
        <h2 id="consent-title">{t('assessments.consent.title')}</h2>
        <ConsentText version={consentVersion} id="consent-text" />
        <Checkbox
          id="consent-agree"
          label={t('assessments.consent.agree')}
          checked={agreed}
          onChange={(checked) => {
            setAgreed(checked);
            if (checked) setConsentError(false);
          }}
          error={consentError ? t('assessments.consent.agree_required') : undefined}
        />
        {draft && answeredInDraft > 0 ? (
          <>
            <Alert tone="info" live={false}>
              <p>
                {t('assessments.intro.draft_found', {
                  answered: fmt.number(answeredInDraft),
                  total: fmt.number(definition.itemCount),
                  when: fmt.dateTime(draft.updatedAt),
                })}
              </p>
            </Alert>
            <ButtonRow>
              <Button type="submit">{t('assessments.intro.resume')}</Button>
              <Button variant="secondary" onClick={() => start(false)()}>
                {t('assessments.intro.restart')}
              </Button>
            </ButtonRow>
          </>
        ) : (
          <Button type="submit">{t('assessments.intro.start')}</Button>
        )}
      </form>
      <ConfirmDialog
        open={confirmRestart}
        title={t('assessments.intro.restart_confirm_title')}
        confirmLabel={t('assessments.intro.restart')}
        tone="danger"
        onCancel={() => setConfirmRestart(false)}
        onConfirm={() => {
          setConfirmRestart(false);
          onStart(false);
        }}
      >
        <p>{t('assessments.intro.restart_confirm_body')}</p>
      </ConfirmDialog>
    </div>
  );
}

function Sending({ error, onRetry, onBack }: { error: string | null; onRetry: () => void; onBack: () => void }) {
  const { t } = useT();
  if (!error) return <Loading label={t('assessments.form.sending')} />;
  return (
    <Alert tone="error" title={t('assessments.form.send_failed_title')}>
      <p>{error}</p>
      <p>{t('assessments.form.send_failed_safe')}</p>
      <ButtonRow>
        <Button onClick={onRetry}>{t('common.actions.try_again')}</Button>
        <Button variant="secondary" onClick={onBack}>
          {t('assessments.form.back_to_questions')}
        </Button>
      </ButtonRow>
    </Alert>
  );
}

function Header({ definition, lead }: { definition: InstrumentDefinitionView | undefined; lead: boolean }) {
  const { t } = useT();
  return (
    <PageHeader
      eyebrow={<Link to="/self-check">{t('assessments.list.title')}</Link>}
      title={definition?.name ?? t('assessments.intro.loading_title')}
      lead={lead ? definition?.measures : undefined}
    />
  );
}

function Assessment({
  definition,
  draft,
  campaign,
  campaignId,
  outreach,
}: {
  definition: InstrumentDefinitionView;
  draft: DraftView | null;
  campaign: MyCampaign | null;
  campaignId: string | null;
  outreach: boolean;
}) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const consentVersion = assessmentConsentVersion(outreach);
  const [phase, setPhase] = useState<Phase>('intro');
  const [initial, setInitial] = useState<FormState | null>(null);
  const [requestedDuring, setRequestedDuring] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sendAttempt, setSendAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [frozen, setFrozen] = useState(false);
  // One key per form: a retried submit (lost connection, reload of the request) stores one result.
  const submissionKey = useRef(newIdempotencyKey());
  const completed = useRef<{ state: FormState; answers: Answer[] } | null>(null);
  const lastContactRequest = useRef<ContactRequestBody | null>(null);
  const instrumentId: InstrumentId = definition.id;

  const start = async (resume: boolean) => {
    if (!resume && draft) await deleteDraft(instrumentId).catch(() => undefined);
    setInitial(resume ? stateFromDraft(definition, draft) : stateFromDraft(definition, null));
    setPhase('form');
  };

  const submit = async (contactRequest: ContactRequestBody | null) => {
    const done = completed.current;
    if (!done) return;
    lastContactRequest.current = contactRequest;
    setBusy(true);
    setFrozen(true);
    setSendError(null);
    try {
      const result = await submitAssessment({
        instrumentId,
        answers: done.answers,
        servesPublic: done.state.servesPublic ?? true,
        campaignId,
        submissionKey: submissionKey.current,
        consentVersion,
        contactRequest,
      });
      queryClient.setQueryData(resultQuery(result.id).queryKey, result);
      // The server removes the draft with the submission; this only tidies up an older server.
      await deleteDraft(instrumentId).catch(() => undefined);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: resultsKey }),
        queryClient.invalidateQueries({ queryKey: draftsQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: myCampaignsQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: consentsQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: myHelpRequestsQuery.queryKey }),
      ]);
      await navigate(`/self-check/results/${result.id}`, { replace: true, state: { fresh: true } });
    } catch (err) {
      if (!(isApiError(err) && err.isRetryable)) submissionKey.current = newIdempotencyKey();
      setSendError(isApiError(err) ? err.message : t('common.errors.unexpected'));
      setSendAttempt((n) => n + 1);
      setFrozen(false);
    } finally {
      setBusy(false);
    }
  };

  const complete = (state: FormState, answers: Answer[]) => {
    completed.current = { state, answers };
    // The exact scorer says whether the finished form carries a crisis answer (docs/instruments.md R0.4).
    const outcome = scoreAnswers(instrumentId, answers);
    const crisis = outcome.ok ? outcome.result.crisis : hasCrisisAnswer(instrumentId, answers);
    setSendError(null);
    if (crisis) {
      setPhase('crisis-end');
      window.scrollTo({ top: 0 });
      return;
    }
    setPhase('sending');
    void submit(null);
  };

  return (
    <>
      {/* The description helps before starting; during the form the question comes first. */}
      <Header definition={definition} lead={phase === 'intro'} />
      {phase === 'intro' && (
        <Intro
          definition={definition}
          draft={draft}
          campaign={campaign}
          consentVersion={consentVersion}
          onStart={(resume) => void start(resume)}
        />
      )}
      {initial && (
        <AssessmentForm
          definition={definition}
          initial={initial}
          campaignId={campaignId}
          visible={phase === 'form'}
          frozen={frozen}
          onCrisisAnswer={() => {
            setPhase('crisis-during');
            window.scrollTo({ top: 0 });
          }}
          onComplete={complete}
          onSaveLater={() => void navigate('/self-check', { state: { saved: definition.abbreviation } })}
        />
      )}
      {phase === 'crisis-during' && (
        <CrisisDuringForm
          requested={requestedDuring}
          onRequested={() => setRequestedDuring(true)}
          onContinue={() => setPhase('form')}
        />
      )}
      {phase === 'crisis-end' && (
        <CrisisBeforeResult
          requestedDuringForm={requestedDuring}
          outreach={outreach}
          busy={busy}
          error={sendError}
          errorAttempt={sendAttempt}
          onSubmit={(request) => void submit(request)}
        />
      )}
      {phase === 'sending' && (
        <Sending
          error={sendError}
          onRetry={() => void submit(lastContactRequest.current)}
          onBack={() => {
            setSendError(null);
            setPhase('form');
          }}
        />
      )}
    </>
  );
}

/** /self-check/:instrumentId — what the instrument is, the consent, then the form. */
export function AssessmentPage() {
  const { locale } = useT();
  const params = useParams();
  const [search] = useSearchParams();
  const id = params.instrumentId ?? '';
  const valid = isInstrumentId(id);
  const instrument = useQuery({ ...instrumentQuery(valid ? id : 'phq9', locale), enabled: valid });
  const agency = useQuery(agencyQuery);
  const drafts = useQuery(draftsQuery);
  const campaigns = useQuery(myCampaignsQuery);
  if (!valid) return <NotFoundPage />;

  const header = <Header definition={instrument.data} lead />;
  if (instrument.isPending || agency.isPending || drafts.isPending) {
    return (
      <>
        {header}
        <Skeleton shape="form" lines={3} heading={false} />
      </>
    );
  }
  const error = instrument.error ?? agency.error ?? drafts.error;
  if (error || !instrument.data || !agency.data || !drafts.data) {
    return (
      <>
        {header}
        <LoadError
          error={error}
          onRetry={() => {
            void instrument.refetch();
            void agency.refetch();
            void drafts.refetch();
          }}
        />
      </>
    );
  }
  const draft = drafts.data.items.find((d) => d.instrumentId === id) ?? null;
  const campaignId = search.get('campaign') ?? draft?.campaignId ?? null;
  const campaign = campaigns.data?.items.find((c) => c.id === campaignId) ?? null;
  return (
    <>
      <Assessment
        key={`${id}-${campaignId ?? ''}`}
        definition={instrument.data}
        draft={draft}
        campaign={campaign}
        campaignId={campaigns.data ? (campaign?.id ?? null) : campaignId}
        outreach={agency.data.disclosedSafetyOutreach}
      />
    </>
  );
}
