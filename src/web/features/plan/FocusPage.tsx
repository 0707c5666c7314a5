import { useEffect, useState } from 'react';
import { Button, ButtonRow } from '../../components/Button.js';
import { Checkbox, Select } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT, type MessageKey } from '../../i18n.js';
import {
  advance,
  formatLeft,
  INITIAL,
  parseStored,
  pause,
  phaseMs,
  skip,
  start,
  STORAGE_KEY,
  timeLeft,
  type Phase,
  type PomodoroState,
} from './pomodoro.js';

const PHASE_LABEL: Record<Phase, MessageKey> = {
  focus: 'plan.focus.phase_focus',
  short: 'plan.focus.phase_short',
  long: 'plan.focus.phase_long',
};
const MINUTE_CHOICES = {
  focus: [15, 20, 25, 30, 45, 50, 60],
  short: [3, 5, 10, 15],
  long: [10, 15, 20, 30],
} as const;

/** The wall clock, read only in handlers and timers (the timer's state holds moments, not counts). */
function clockNow(): number {
  return Date.now();
}

function load(): PomodoroState {
  try {
    return parseStored(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return INITIAL;
  }
}

function store(state: PomodoroState): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Private mode may refuse storage: the timer still runs, it only forgets on reload.
  }
}

/**
 * /plan/focus: a Pomodoro timer (25/5, a long break after four rounds, lengths adjustable). Its
 * state lives in this browser only (localStorage) as the moment the phase started, so it survives a
 * reload; a phase change is announced in the page and, if the person asked, by a browser notification.
 */
export function FocusPage() {
  const { t } = useT();
  const [state, setState] = useState<PomodoroState>(() => advance(load(), Date.now()).state);
  const [now, setNow] = useState(() => Date.now());
  const [announce, setAnnounce] = useState('');
  const [denied, setDenied] = useState(false);

  const update = (next: PomodoroState) => {
    setNow(clockNow());
    setState(next);
    store(next);
  };

  useEffect(() => store(state), []); // eslint-disable-line react-hooks/exhaustive-deps -- the first state, caught up

  useEffect(() => {
    if (state.startedAt === null) return;
    const timer = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      setState((s) => {
        const r = advance(s, at);
        if (r.ended === 0) return s;
        store(r.state);
        const label = t(PHASE_LABEL[r.state.phase]);
        setAnnounce(t('plan.focus.phase_changed', { phase: label }));
        if (r.state.settings.notify && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          new Notification('Teduh', {
            body: t(r.state.phase === 'focus' ? 'plan.focus.notify_break_done' : 'plan.focus.notify_focus_done'),
          });
        }
        return r.state;
      });
    }, 1000);
    return () => window.clearInterval(timer);
  }, [state.startedAt, t]);

  const running = state.startedAt !== null;
  const left = Math.min(phaseMs(state), timeLeft(state, now));
  const progress = 1 - left / phaseMs(state);

  const setMinutes = (key: 'focus' | 'short' | 'long', value: string) => {
    const settings = { ...state.settings, [key]: Number(value) };
    // A change applies from the next phase, or now if the timer has not started.
    update({ ...state, settings, ...(running || state.pausedLeft !== null ? {} : { startedAt: null }) });
  };

  const setNotify = async (on: boolean) => {
    setDenied(false);
    if (on && typeof Notification !== 'undefined' && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission();
      if (answer !== 'granted') {
        setDenied(true);
        return;
      }
    }
    update({ ...state, settings: { ...state.settings, notify: on } });
  };

  return (
    <>
      <PageHeader title={t('plan.focus.title')} lead={t('plan.focus.lead')} />
      <div className="pomodoro">
        <section className={`card pomodoro__clock pomodoro__clock--${state.phase}`} aria-labelledby="pomodoro-phase">
          <h2 id="pomodoro-phase" className="pomodoro__phase">
            {t(PHASE_LABEL[state.phase])}
          </h2>
          <p className="pomodoro__round">{t('plan.focus.round', { count: state.round })}</p>
          <p className="pomodoro__time" aria-label={t('plan.focus.remaining')} data-testid="pomodoro-time">
            {formatLeft(left)}
          </p>
          <progress className="pomodoro__bar" max={1} value={progress} aria-label={t('plan.focus.remaining')} />
          <ButtonRow>
            {running ? (
              <Button onClick={() => update(pause(state, clockNow()))}>{t('plan.focus.pause')}</Button>
            ) : (
              <Button onClick={() => update(start(state, clockNow()))}>
                {t(state.pausedLeft !== null ? 'plan.focus.resume' : 'plan.focus.start')}
              </Button>
            )}
            <Button variant="secondary" onClick={() => update(skip(state, clockNow()))}>
              {t('plan.focus.skip')}
            </Button>
            <Button variant="quiet" onClick={() => update({ ...INITIAL, settings: state.settings })}>
              {t('plan.focus.reset')}
            </Button>
          </ButtonRow>
          <p className="muted small">{t('plan.focus.survives')}</p>
          <p className="visually-hidden" role="status">
            {announce}
          </p>
        </section>
        <section className="card pomodoro__settings" aria-labelledby="pomodoro-settings">
          <h2 id="pomodoro-settings">{t('plan.focus.settings')}</h2>
          {(['focus', 'short', 'long'] as const).map((key) => (
            <Select
              key={key}
              id={`pomodoro-${key}`}
              label={t(`plan.focus.${key}_minutes` as MessageKey)}
              value={String(state.settings[key])}
              onChange={(v) => setMinutes(key, v)}
              options={[...new Set<number>([...MINUTE_CHOICES[key], state.settings[key]])]
                .sort((a, b) => a - b)
                .map((m) => ({ value: String(m), label: t('plan.focus.minutes_value', { count: m }) }))}
            />
          ))}
          <Checkbox
            id="pomodoro-notify"
            label={t('plan.focus.notify')}
            checked={state.settings.notify}
            onChange={(on) => void setNotify(on)}
            error={denied ? t('plan.focus.notify_denied') : undefined}
          />
        </section>
      </div>
    </>
  );
}
