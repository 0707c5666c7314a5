import { useState, type FormEvent } from 'react';
import { checkInBody, SUGGESTED_TAGS, WORKLOADS, type CheckInView } from '../../../contracts/check-ins.js';
import type { CheckInBody } from '../../api/check-ins.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextArea, TextField } from '../../components/fields.js';
import { useT, type MessageKey } from '../../i18n.js';
import { MoodFace } from './MoodFace.js';

const SCALE = [1, 2, 3, 4, 5] as const;

/** A 1–5 scale as a row of radio buttons, each with its word (keyboard: arrows move within the group). */
function ScaleField({
  id,
  legend,
  words,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  words: (n: number) => string;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  return (
    <fieldset className="checkin-scale" id={id}>
      <legend className="field__label">{legend}</legend>
      <div className="checkin-scale__options">
        {SCALE.map((n) => (
          <label key={n} className={`checkin-chip ${value === n ? 'checkin-chip--on' : ''}`}>
            <input
              type="radio"
              name={id}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              onClick={() => value === n && onChange(null)}
            />
            <span>{words(n)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface FormState {
  mood: number | null;
  stress: number | null;
  energy: number | null;
  sleepHours: string;
  sleepQuality: number | null;
  activityMinutes: string;
  workload: (typeof WORKLOADS)[number] | null;
  note: string;
  tags: string[];
}

export function initialState(from: Partial<CheckInView> | null): FormState {
  return {
    mood: from?.mood ?? null,
    stress: from?.stress ?? null,
    energy: from?.energy ?? null,
    sleepHours: from?.sleepMinutes != null ? String(from.sleepMinutes / 60).replace('.', ',') : '',
    sleepQuality: from?.sleepQuality ?? null,
    activityMinutes: from?.activityMinutes != null ? String(from.activityMinutes) : '',
    workload: from?.workload ?? null,
    note: from?.note ?? '',
    tags: from?.tags ?? [],
  };
}

/** The check-in of `localDate` as the form holds it (the contract's body), or field errors. */
function toBody(localDate: string, s: FormState): { body: CheckInBody } | { errors: Record<string, string> } {
  const number = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));
  const hours = number(s.sleepHours);
  const minutes = number(s.activityMinutes);
  const raw = {
    localDate,
    mood: s.mood,
    stress: s.stress,
    energy: s.energy,
    sleepMinutes: hours === null ? null : Math.round(hours * 60),
    sleepQuality: s.sleepQuality,
    activityMinutes: minutes,
    workload: s.workload,
    note: s.note,
    tags: s.tags,
  };
  const parsed = checkInBody.safeParse(raw);
  if (parsed.success) return { body: raw as CheckInBody };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = String(issue.path[0] ?? '_form');
    errors[path] ??= issue.message;
  }
  return { errors };
}

/**
 * The check-in form: the mood first (the one thing needed), then what is quick to tap, then what
 * takes words. Validated with the route's own schema.
 */
export function CheckInForm({
  localDate,
  title,
  initial,
  busy,
  serverError,
  onSubmit,
}: {
  localDate: string;
  title: string;
  initial: Partial<CheckInView> | null;
  busy: boolean;
  serverError: string | null;
  onSubmit: (body: CheckInBody) => void;
}) {
  const { t } = useT();
  const [s, setS] = useState<FormState>(() => initialState(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [newTag, setNewTag] = useState('');
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setS((prev) => ({ ...prev, [key]: value }));
  const errorText = (key: string) => {
    const code = errors[key];
    if (!code) return undefined;
    const message = t(`validation.${code}` as MessageKey);
    return message === `validation.${code}` ? t('validation.invalid_format') : message;
  };

  const toggleTag = (tag: string) =>
    set('tags', s.tags.includes(tag) ? s.tags.filter((x) => x !== tag) : [...s.tags, tag]);
  const addTag = () => {
    const tag = newTag.trim().toLocaleLowerCase('id');
    if (tag && !s.tags.includes(tag)) set('tags', [...s.tags, tag]);
    setNewTag('');
  };
  const ownTags = s.tags.filter((tag) => !(SUGGESTED_TAGS as readonly string[]).includes(tag));
  const tagLabel = (tag: string) =>
    (SUGGESTED_TAGS as readonly string[]).includes(tag) ? t(`checkin.tags.${tag}` as MessageKey) : tag;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toBody(localDate, s);
    if ('errors' in result) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      document.getElementById(`checkin-${first}`)?.focus();
      return;
    }
    setErrors({});
    onSubmit(result.body);
  };

  return (
    <form className="checkin-form card" onSubmit={submit} noValidate aria-labelledby="checkin-form-title">
      <h2 id="checkin-form-title" tabIndex={-1}>
        {title}
      </h2>
      <p className="muted small">{t('checkin.page.edit_hint')}</p>
      {serverError && (
        <Alert tone="error" title={serverError}>
          {null}
        </Alert>
      )}

      <fieldset
        className={`checkin-mood ${errors.mood ? 'field--error' : ''}`}
        id="checkin-mood"
        tabIndex={-1}
        aria-describedby={errors.mood ? 'checkin-mood-hint checkin-mood-error' : 'checkin-mood-hint'}
      >
        <legend className="field__label">{t('checkin.mood.legend')}</legend>
        <p className="field__hint" id="checkin-mood-hint">
          {t('checkin.mood.hint')}
        </p>
        {errors.mood && (
          <p className="field__error" id="checkin-mood-error">
            {t('validation.required')}
          </p>
        )}
        <div className="checkin-mood__options">
          {SCALE.map((n) => (
            <label key={n} className={`checkin-mood__option ${s.mood === n ? 'checkin-mood__option--on' : ''}`}>
              <input type="radio" name="mood" value={n} checked={s.mood === n} onChange={() => set('mood', n)} />
              <MoodFace mood={n} />
              <span className="checkin-mood__word">{t(`checkin.mood.${n}` as MessageKey)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="checkin-grid">
        <ScaleField
          id="checkin-stress"
          legend={t('checkin.stress.legend')}
          words={(n) => t(`checkin.stress.${n}` as MessageKey)}
          value={s.stress}
          onChange={(v) => set('stress', v)}
        />
        <ScaleField
          id="checkin-energy"
          legend={t('checkin.energy.legend')}
          words={(n) => t(`checkin.energy.${n}` as MessageKey)}
          value={s.energy}
          onChange={(v) => set('energy', v)}
        />
        <div className="checkin-pair">
          <TextField
            id="checkin-sleepMinutes"
            label={t('checkin.sleep.hours')}
            hint={t('checkin.sleep.hours_hint')}
            optional
            inputMode="decimal"
            value={s.sleepHours}
            onChange={(v) => set('sleepHours', v)}
            error={errorText('sleepMinutes')}
          />
          <TextField
            id="checkin-activityMinutes"
            label={t('checkin.activity.label')}
            hint={t('checkin.activity.hint')}
            optional
            inputMode="numeric"
            value={s.activityMinutes}
            onChange={(v) => set('activityMinutes', v)}
            error={errorText('activityMinutes')}
          />
        </div>
        <ScaleField
          id="checkin-sleepQuality"
          legend={t('checkin.sleep.quality_legend')}
          words={(n) => t(`checkin.sleep.${n}` as MessageKey)}
          value={s.sleepQuality}
          onChange={(v) => set('sleepQuality', v)}
        />
        <fieldset className="checkin-scale" id="checkin-workload">
          <legend className="field__label">{t('checkin.workload.legend')}</legend>
          <div className="checkin-scale__options">
            {WORKLOADS.map((w) => (
              <label key={w} className={`checkin-chip ${s.workload === w ? 'checkin-chip--on' : ''}`}>
                <input
                  type="radio"
                  name="checkin-workload"
                  value={w}
                  checked={s.workload === w}
                  onChange={() => set('workload', w)}
                />
                <span>{t(`checkin.workload.${w}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <fieldset className="checkin-tags" id="checkin-tags" tabIndex={-1}>
        <legend className="field__label">{t('checkin.tags.legend')}</legend>
        <p className="field__hint">{t('checkin.tags.hint')}</p>
        {errors.tags && <p className="field__error">{errorText('tags')}</p>}
        <div className="checkin-scale__options">
          {[...SUGGESTED_TAGS, ...ownTags].map((tag) => (
            <label key={tag} className={`checkin-chip ${s.tags.includes(tag) ? 'checkin-chip--on' : ''}`}>
              <input type="checkbox" checked={s.tags.includes(tag)} onChange={() => toggleTag(tag)} />
              <span>{tagLabel(tag)}</span>
            </label>
          ))}
        </div>
        <div className="checkin-tags__add">
          <TextField
            id="checkin-new-tag"
            label={t('checkin.tags.add_label')}
            optional
            maxLength={30}
            value={newTag}
            onChange={setNewTag}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTag();
              }
            }}
          />
          <Button variant="secondary" onClick={addTag} disabled={newTag.trim() === ''}>
            {t('checkin.tags.add')}
          </Button>
        </div>
      </fieldset>

      <TextArea
        id="checkin-note"
        label={t('checkin.note.label')}
        hint={t('checkin.note.hint')}
        optional
        rows={3}
        maxLength={1000}
        value={s.note}
        onChange={(v) => set('note', v)}
        error={errorText('note')}
      />

      <Button type="submit" disabled={busy} className="checkin-save">
        {busy ? t('checkin.page.saving') : t('checkin.page.save')}
      </Button>
    </form>
  );
}
