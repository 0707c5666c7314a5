import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RadioGroup } from '../../components/fields.js';
import { AdaptiveLayout } from '../../components/layout/PublicLayout.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT, type MessageKey } from '../../i18n.js';
import {
  EXERCISE_IDS,
  EXERCISES,
  isExerciseId,
  totalSeconds,
  type ExerciseId,
  type ExercisePlan,
  type Step,
} from './exercise-plans.js';
import { useExerciseRun } from './use-exercise-run.js';
import './exercises.css';

const HOW = ['how1', 'how2', 'how3', 'how4'] as const;

function useMinutes() {
  const { t } = useT();
  return (seconds: number) => t('exercises.list.minutes', { count: Math.max(1, Math.round(seconds / 60)) });
}

/** The four exercises, each with what it is for and how long it takes. Pure client code: works offline. */
export function ExercisesPage() {
  const { t } = useT();
  const minutes = useMinutes();
  return (
    <AdaptiveLayout>
      <PageHeader title={t('exercises.list.title')} lead={t('exercises.list.lead')} />
      <ul className="exercise-grid">
        {EXERCISE_IDS.map((id) => {
          const plan = EXERCISES[id];
          return (
            <li key={id}>
              <Link to={`/exercises/${id}`} className="exercise-card">
                <span className="exercise-card__title">{t(`exercises.items.${id}.title`)}</span>
                <span className="exercise-card__summary">{t(`exercises.items.${id}.summary`)}</span>
                <span className="exercise-card__meta">{minutes(totalSeconds(plan, plan.defaultRounds))}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <p className="muted small exercise-private">{t('exercises.list.private_note')}</p>
    </AdaptiveLayout>
  );
}

function stepLabel(t: ReturnType<typeof useT>['t'], step: Step): string {
  return t(`exercises.steps.${step.key}` as MessageKey);
}

/** How big the breathing circle is at this moment: it grows on the in-breath and shrinks on the out-breath. */
function circleScale(step: Step, fraction: number): number {
  const small = 0.55;
  if (step.kind === 'inhale') return small + (1 - small) * fraction;
  if (step.kind === 'exhale') return 1 - (1 - small) * fraction;
  return step.key === 'hold_empty' ? small : 1;
}

function Player({ plan }: { plan: ExercisePlan }) {
  const { t } = useT();
  const minutes = useMinutes();
  const [rounds, setRounds] = useState(plan.defaultRounds);
  const run = useExerciseRun(plan, rounds);
  const { position, status } = run;
  const [stopped, setStopped] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);

  // What the polite live region says: one line per step, not per second ("Tarik napas… 4"); it
  // changes only when a step begins, the run pauses, ends or is stopped.
  const label = stepLabel(t, position.step);
  const guide = plan.breathing ? '' : t(`exercises.guide.${position.step.key}` as MessageKey);
  const announcement =
    status === 'running'
      ? plan.breathing
        ? t('exercises.player.announce_breath', { step: label, seconds: position.step.seconds })
        : t('exercises.player.announce_guide', { step: label, text: guide })
      : status === 'paused'
        ? t('exercises.player.announce_paused')
        : status === 'done'
          ? t('exercises.player.done_title')
          : stopped
            ? t('exercises.player.announce_stopped')
            : '';

  // The controls the person was using are gone once the run ends: focus moves to what replaced them.
  useEffect(() => {
    if (status === 'done') doneRef.current?.focus();
  }, [status]);

  const scale = status === 'idle' ? 0.55 : circleScale(position.step, position.fraction);
  const active = status === 'running' || status === 'paused';
  const stepsInRound = plan.steps.length;
  const roundOptions = plan.roundOptions.map((n) => ({
    value: String(n),
    label: t('exercises.player.rounds_duration', {
      rounds: n === 1 ? t('exercises.player.rounds_single') : t('exercises.player.rounds_many', { count: n }),
      minutes: minutes(totalSeconds(plan, n)),
    }),
  }));

  return (
    <section className="card exercise-player" aria-labelledby="exercise-player-title">
      <h2 id="exercise-player-title" className="visually-hidden">
        {t(`exercises.items.${plan.id}.title`)}
      </h2>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="exercise-announcer">
        {announcement}
      </p>
      {status === 'done' ? (
        <div className="exercise-done" ref={doneRef} tabIndex={-1}>
          <Alert tone="success" live={false} title={t('exercises.player.done_title')}>
            <p>{t('exercises.player.done_body')}</p>
          </Alert>
          <ButtonRow>
            <Button onClick={run.start}>{t('exercises.player.again')}</Button>
            <Link to="/exercises" className="btn btn--secondary">
              {t('exercises.player.other_exercises')}
            </Link>
          </ButtonRow>
        </div>
      ) : (
        <>
          <div className={`exercise-stage ${plan.breathing ? 'exercise-stage--breathing' : 'exercise-stage--guided'}`}>
            {plan.breathing && (
              <div
                className="breath-circle"
                style={{ transform: `scale(${scale.toFixed(3)})` }}
                data-kind={position.step.kind}
              />
            )}
            <div className="exercise-stage__text">
              {status === 'idle' ? (
                <p className="exercise-stage__ready">{t('exercises.player.ready')}</p>
              ) : (
                <>
                  <p className="exercise-stage__step" data-testid="exercise-step">
                    {label}
                  </p>
                  <p className="exercise-stage__count" data-testid="exercise-count">
                    {position.remaining}
                  </p>
                  {!plan.breathing && <p className="exercise-stage__guide">{guide}</p>}
                </>
              )}
            </div>
          </div>
          {active && (
            <p className="exercise-progress muted small">
              {plan.breathing
                ? t('exercises.player.round_of', { round: position.round + 1, rounds })
                : t('exercises.player.step_of', {
                    step: position.round * stepsInRound + position.stepIndex + 1,
                    steps: stepsInRound * rounds,
                  })}
              {status === 'paused' && ` · ${t('exercises.player.paused')}`}
            </p>
          )}
          {status === 'idle' && roundOptions.length > 1 && (
            <RadioGroup
              id="exercise-rounds"
              name="exercise-rounds"
              legend={t('exercises.player.rounds_legend')}
              value={String(rounds)}
              onChange={(v) => setRounds(Number(v))}
              options={roundOptions}
            />
          )}
          {status === 'idle' && roundOptions.length === 1 && <p className="muted small">{roundOptions[0]?.label}</p>}
          <ButtonRow>
            {/* One button that starts, pauses and resumes, so focus stays where the person is. */}
            <Button
              variant={status === 'running' ? 'secondary' : 'primary'}
              onClick={() => {
                setStopped(false);
                if (status === 'idle') run.start();
                else if (status === 'running') run.pause();
                else run.resume();
              }}
            >
              {status === 'idle'
                ? t('exercises.player.start')
                : status === 'running'
                  ? t('exercises.player.pause')
                  : t('exercises.player.resume')}
            </Button>
            {active && !plan.breathing && (
              <Button variant="secondary" onClick={run.next}>
                {t('exercises.player.next_step')}
              </Button>
            )}
            {active && (
              <Button
                variant="quiet"
                onClick={() => {
                  run.stop();
                  setStopped(true);
                }}
              >
                {t('exercises.player.stop')}
              </Button>
            )}
          </ButtonRow>
        </>
      )}
    </section>
  );
}

function Instructions({ id }: { id: ExerciseId }) {
  const { t } = useT();
  const { data: session } = useSession();
  return (
    <div className="exercise-aside">
      <section aria-labelledby="exercise-how">
        <h2 id="exercise-how">{t('exercises.player.how_title')}</h2>
        <ol className="exercise-how">
          {HOW.map((k) => (
            <li key={k}>{t(`exercises.items.${id}.${k}`)}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="exercise-when">
        <h2 id="exercise-when">{t('exercises.player.when_title')}</h2>
        <p>{t(`exercises.items.${id}.when`)}</p>
      </section>
      <p className="muted small">{t('exercises.player.safety')}</p>
      <ul className="exercise-links">
        <li>
          <Link to="/exercises">{t('exercises.player.other_exercises')}</Link>
        </li>
        {session?.stage === 'full' && (
          <li>
            <Link to="/learn/self-care-basics">{t('exercises.player.read_more')}</Link>
          </li>
        )}
      </ul>
    </div>
  );
}

/** One exercise: the player, with how to do it beside it on a wide screen and below it on a phone. */
export function ExercisePage() {
  const { t } = useT();
  const { id } = useParams();
  if (!isExerciseId(id)) {
    return (
      <AdaptiveLayout>
        <PageHeader title={t('exercises.player.not_found_title')} />
        <EmptyState
          title={t('exercises.player.not_found_body')}
          action={
            <Link to="/exercises" className="btn btn--primary btn--small">
              {t('exercises.player.back')}
            </Link>
          }
        />
      </AdaptiveLayout>
    );
  }
  const plan = EXERCISES[id];
  return (
    <AdaptiveLayout>
      <PageHeader
        title={t(`exercises.items.${id}.title`)}
        lead={t(`exercises.items.${id}.summary`)}
        eyebrow={<Link to="/exercises">{t('exercises.list.title')}</Link>}
      />
      <PageColumns aside={<Instructions id={id} />} asideLabel={t('exercises.player.how_title')}>
        {/* A new exercise starts a new run: the key resets the player's state. */}
        <Player key={id} plan={plan} />
      </PageColumns>
    </AdaptiveLayout>
  );
}
