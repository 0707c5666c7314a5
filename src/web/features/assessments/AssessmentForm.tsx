import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Answer, InstrumentId } from '../../../domain/instruments/types.js';
import { isApiError } from '../../api/client.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useT } from '../../i18n.js';
import { saveDraft } from '../../api/assessments.api.js';
import { type InstrumentDefinitionView } from '../../api/instruments.api.js';
import { effectiveAnswers, isCrisisAnswer, stepsOf, type Step } from './form-logic.js';

/** Where the person is: an item index, or -1 for the CBI's "do you serve the public?" question. */
export type Cursor = number;

export interface FormState {
  answers: Answer[];
  servesPublic: boolean | null;
  cursor: Cursor;
}

interface AssessmentFormProps {
  definition: InstrumentDefinitionView;
  initial: FormState;
  campaignId: string | null;
  /** A crisis answer was just chosen: the page shows the crisis screen at once. */
  onCrisisAnswer: (state: FormState) => void;
  /** Every asked item answered: the answers as they will be stored (items not asked are null). */
  onComplete: (state: FormState, answers: Answer[]) => void;
  onSaveLater: () => void;
  /** No more autosaves once the form is being submitted. */
  frozen: boolean;
  /** Hidden (not unmounted) while a crisis screen is shown, so nothing typed is lost. */
  visible: boolean;
}

const AUTOSAVE_DELAY_MS = 800;

function positionOf(steps: readonly Step[], cursor: Cursor): number {
  const found = steps.findIndex((s) => (s.kind === 'serves' ? cursor === -1 : s.index === cursor));
  return found >= 0 ? found : 0;
}

function cursorOf(step: Step | undefined): Cursor {
  return !step || step.kind === 'serves' ? -1 : step.index;
}

type SaveStatus =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

/**
 * Saves the draft on the server a moment after each change, one request at a time and always the
 * latest state, so "save and resume later" works on any device.
 */
function useAutosave(instrumentId: InstrumentId, campaignId: string | null, frozen: boolean) {
  const { t } = useT();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef<Parameters<typeof saveDraft>[1] | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | null>(null);
  const frozenRef = useRef(frozen);
  useEffect(() => {
    frozenRef.current = frozen;
  }, [frozen]);

  const pump = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const run = async () => {
      while (latest.current && !frozenRef.current) {
        const body = latest.current;
        latest.current = null;
        setStatus({ kind: 'saving' });
        try {
          const saved = await saveDraft(instrumentId, body);
          setStatus({ kind: 'saved', at: saved.updatedAt });
        } catch (err) {
          // Keep the newest unsaved state for the next change or the next try.
          latest.current = latest.current ?? body;
          setStatus({ kind: 'failed', message: isApiError(err) ? err.message : t('common.errors.unexpected') });
          return;
        }
      }
    };
    inFlight.current = run().finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  }, [instrumentId, t]);

  const schedule = useCallback(
    (state: FormState, answers: Answer[]) => {
      if (frozenRef.current) return;
      latest.current = {
        answers,
        currentIndex: Math.max(0, state.cursor),
        servesPublic: state.servesPublic ?? true,
        campaignId,
      };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        timer.current = null;
        void pump();
      }, AUTOSAVE_DELAY_MS);
    },
    [campaignId, pump],
  );

  /** Saves now (the "save and resume later" button); resolves when the newest state is stored. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    await inFlight.current;
    await pump();
    return latest.current === null;
  }, [pump]);

  // Leaving the page saves what is pending rather than dropping it.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        timer.current = null;
        void pump();
      }
    },
    [pump],
  );

  useEffect(() => {
    if (frozen && timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
  }, [frozen]);

  return { status, schedule, flush };
}

/**
 * The form, one question per screen: large native radio buttons in a fieldset whose legend is the
 * question, a progress bar, back and next. Every asked question needs an answer before next.
 */
export function AssessmentForm({
  definition,
  initial,
  campaignId,
  onCrisisAnswer,
  onComplete,
  onSaveLater,
  frozen,
  visible,
}: AssessmentFormProps) {
  const { t } = useT();
  const fmt = useFormat();
  const [state, setState] = useState<FormState>(initial);
  const [missing, setMissing] = useState(false);
  const [savingLater, setSavingLater] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = definition.items;
  const instrumentId = definition.id;
  const autosave = useAutosave(instrumentId, campaignId, frozen);

  const steps = stepsOf(items, state.answers, state.servesPublic);
  const position = positionOf(steps, state.cursor);
  const step = steps[position];
  const isLast = position === steps.length - 1;

  // Each new question is announced: focus goes to its heading (also when the form shows again).
  useEffect(() => {
    if (visible) heading.current?.focus();
  }, [state.cursor, visible]);

  const change = (next: FormState) => {
    setState(next);
    setMissing(false);
    autosave.schedule(next, effectiveAnswers(items, next.answers, next.servesPublic));
  };

  const choose = (index: number, value: number) => {
    const before = state.answers[index] ?? null;
    const answers = state.answers.slice();
    answers[index] = value;
    const next = { ...state, answers };
    change(next);
    if (isCrisisAnswer(instrumentId, index, value) && !isCrisisAnswer(instrumentId, index, before))
      onCrisisAnswer(next);
  };

  const answered =
    step?.kind === 'serves' ? state.servesPublic !== null : step ? state.answers[step.index] != null : false;

  const goNext = (event: FormEvent) => {
    event.preventDefault();
    if (!answered) {
      setMissing(true);
      document.getElementById('question-fieldset')?.focus();
      return;
    }
    if (isLast) {
      onComplete(state, effectiveAnswers(items, state.answers, state.servesPublic));
      return;
    }
    change({ ...state, cursor: cursorOf(steps[position + 1]) });
  };

  const goBack = () => {
    if (position > 0) change({ ...state, cursor: cursorOf(steps[position - 1]) });
  };

  const saveLater = async () => {
    setSavingLater(true);
    autosave.schedule(state, effectiveAnswers(items, state.answers, state.servesPublic));
    const ok = await autosave.flush();
    setSavingLater(false);
    if (ok) onSaveLater();
  };

  if (!step) return null;
  const item = step.kind === 'item' ? items[step.index] : undefined;
  const errorId = 'question-error';
  return (
    <form className="question" onSubmit={goNext} noValidate aria-labelledby="question-counter" hidden={!visible}>
      <h2 id="question-counter" ref={heading} tabIndex={-1} className="question__counter">
        {t('assessments.form.counter', { n: fmt.number(position + 1), total: fmt.number(steps.length) })}
      </h2>
      <ProgressBar label={t('assessments.form.progress')} value={position + 1} max={steps.length} labelHidden />
      <fieldset
        id="question-fieldset"
        className={`question__fieldset ${missing ? 'question__fieldset--error' : ''}`}
        tabIndex={-1}
        aria-describedby={missing ? errorId : undefined}
      >
        {step.kind === 'serves' ? (
          <>
            <legend className="question__legend">
              <span className="question__text">{t('assessments.form.serves_public')}</span>
            </legend>
            <p className="question__hint">{t('assessments.form.serves_public_hint')}</p>
            {missing && (
              <p className="field__error" id={errorId}>
                {t('assessments.form.answer_required')}
              </p>
            )}
            <div className="choices">
              {([true, false] as const).map((value) => (
                <label key={String(value)} className="choice">
                  <input
                    type="radio"
                    className="choice__input"
                    name="serves-public"
                    checked={state.servesPublic === value}
                    onChange={() => change({ ...state, servesPublic: value })}
                  />
                  <span className="choice__label">{value ? t('assessments.form.yes') : t('assessments.form.no')}</span>
                </label>
              ))}
            </div>
          </>
        ) : item ? (
          <>
            <legend className="question__legend">
              <span className="question__stem">{definition.instructions}</span>
              <span className="question__text">{item.text}</span>
            </legend>
            {missing && (
              <p className="field__error" id={errorId}>
                {t('assessments.form.answer_required')}
              </p>
            )}
            <div className="choices">
              {item.options.map((option) => (
                <label key={option.value} className="choice">
                  <input
                    type="radio"
                    className="choice__input"
                    name={`item-${item.number}`}
                    value={option.value}
                    checked={state.answers[step.index] === option.value}
                    onChange={() => choose(step.index, option.value)}
                  />
                  <span className="choice__label">{option.label}</span>
                </label>
              ))}
            </div>
          </>
        ) : null}
      </fieldset>
      <div className="question__nav">
        {position > 0 ? (
          <Button variant="secondary" onClick={goBack}>
            {t('assessments.form.back')}
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit">{isLast ? t('assessments.form.finish') : t('assessments.form.next')}</Button>
      </div>
      <div className="question__save">
        <SaveStatusLine status={autosave.status} />
        <Button variant="quiet" size="small" busy={savingLater} onClick={() => void saveLater()}>
          {t('assessments.form.save_later')}
        </Button>
      </div>
    </form>
  );
}

function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t } = useT();
  const fmt = useFormat();
  if (status.kind === 'failed') {
    return (
      <Alert tone="warning" className="question__save-status">
        {t('assessments.form.save_failed', { reason: status.message })}
      </Alert>
    );
  }
  return (
    <p className="muted small question__save-status">
      {status.kind === 'saving'
        ? t('assessments.form.saving')
        : status.kind === 'saved'
          ? t('assessments.form.saved', { time: fmt.dateTime(status.at) })
          : t('assessments.form.autosave_note')}
    </p>
  );
}
