import { useState } from 'react';
import {
  HABIT_AREAS,
  HABIT_SUGGESTIONS,
  habitCreateBody,
  type HabitArea,
  type HabitFrequency,
} from '../../../contracts/habits.js';
import { isApiError, type FieldErrors } from '../../api/client.js';
import type { HabitCreateBody, HabitView } from '../../api/habits.api.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { zodFieldErrors } from '../../components/form.js';
import { RadioGroup, Select, TextField } from '../../components/fields.js';
import { TimeField } from '../../components/TimeField.js';
import { newId } from '../../lib/new-id.js';
import { useT, type MessageKey } from '../../i18n.js';

const OWN = 'own';
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/**
 * Adding or changing a habit: an area, then one of our suggestions or the person's own words, how
 * often, and an optional reminder. It validates with the route's own schema (contracts/habits.ts).
 */
export function HabitForm({
  initial,
  busy,
  serverError,
  onSubmit,
  onCancel,
}: {
  initial: HabitView | null;
  busy: boolean;
  serverError: unknown;
  onSubmit: (body: HabitCreateBody) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [id] = useState(() => initial?.id ?? newId());
  const [area, setArea] = useState<HabitArea>(initial?.area ?? 'sleep');
  const [choice, setChoice] = useState<string>(initial ? (initial.suggestion ?? OWN) : HABIT_SUGGESTIONS.sleep[0]);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [frequency, setFrequency] = useState<HabitFrequency>(initial?.frequency ?? 'daily');
  const [times, setTimes] = useState(String(initial?.timesPerWeek ?? 3));
  const [weekdays, setWeekdays] = useState<number[]>(initial?.weekdays ?? [1, 2, 3, 4, 5]);
  const [reminder, setReminder] = useState(initial?.reminderTime ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const serverFields = isApiError(serverError) ? serverError.fieldErrors : {};
  const shown = { ...serverFields, ...errors };
  const formError = isApiError(serverError) && Object.keys(serverFields).length === 0 ? serverError.message : null;

  const pickArea = (next: string) => {
    const a = next as HabitArea;
    setArea(a);
    if (choice !== OWN) setChoice(HABIT_SUGGESTIONS[a][0]);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = {
      id,
      area,
      suggestion: choice === OWN ? null : choice,
      title: choice === OWN ? title.trim() || null : null,
      frequency,
      timesPerWeek: frequency === 'weekly' ? Number(times) : null,
      weekdays: frequency === 'weekdays' ? weekdays : null,
      reminderTime: reminder === '' ? null : reminder,
    };
    const parsed = habitCreateBody.safeParse(input);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  };

  const toggleDay = (day: number) =>
    setWeekdays((days) => (days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort()));

  return (
    <form className="card habit-form" onSubmit={submit} noValidate aria-labelledby="habit-form-title">
      <h2 id="habit-form-title" tabIndex={-1}>
        {t(initial ? 'selfcare.form.title_edit' : 'selfcare.form.title_new')}
      </h2>
      <FormErrorSummary idPrefix="habit" errors={shown} formError={formError} attempt={attempt} />
      <Select
        id="habit-area"
        label={t('selfcare.form.area')}
        hint={t(`selfcare.area_hints.${area}` as MessageKey)}
        value={area}
        onChange={pickArea}
        options={HABIT_AREAS.map((a) => ({ value: a, label: t(`selfcare.areas.${a}` as MessageKey) }))}
      />
      <RadioGroup
        id="habit-suggestion"
        name="habit-suggestion"
        legend={t('selfcare.form.suggestion')}
        value={choice}
        onChange={setChoice}
        options={[
          ...HABIT_SUGGESTIONS[area].map((s) => ({ value: s, label: t(`selfcare.suggestions.${s}` as MessageKey) })),
          { value: OWN, label: t('selfcare.form.own') },
        ]}
      />
      {choice === OWN && (
        <TextField
          id="habit-title"
          label={t('selfcare.form.own_title')}
          hint={t('selfcare.form.own_hint')}
          value={title}
          onChange={setTitle}
          error={shown.title}
          maxLength={120}
        />
      )}
      <RadioGroup
        id="habit-frequency"
        name="habit-frequency"
        legend={t('selfcare.form.frequency')}
        value={frequency}
        onChange={(v) => setFrequency(v as HabitFrequency)}
        inline
        options={[
          { value: 'daily', label: t('selfcare.form.daily') },
          { value: 'weekly', label: t('selfcare.form.weekly') },
          { value: 'weekdays', label: t('selfcare.form.weekdays') },
        ]}
      />
      {frequency === 'weekly' && (
        <Select
          id="habit-timesPerWeek"
          label={t('selfcare.form.times_per_week')}
          value={times}
          onChange={setTimes}
          error={shown.timesPerWeek}
          options={[1, 2, 3, 4, 5, 6].map((n) => ({
            value: String(n),
            label: t('selfcare.form.times_option', { count: n }),
          }))}
        />
      )}
      {frequency === 'weekdays' && (
        <fieldset
          className={`field fieldset ${shown.weekdays ? 'field--error' : ''}`}
          id="habit-weekdays"
          tabIndex={-1}
          aria-describedby={shown.weekdays ? 'habit-weekdays-error' : undefined}
        >
          <legend className="field__label">{t('selfcare.form.weekdays_legend')}</legend>
          {shown.weekdays && (
            <p className="field__error" id="habit-weekdays-error">
              {shown.weekdays}
            </p>
          )}
          <div className="weekday-picker">
            {WEEKDAYS.map((d) => (
              <label key={d} className="weekday-picker__day">
                <input type="checkbox" checked={weekdays.includes(Number(d))} onChange={() => toggleDay(Number(d))} />
                <span>{t(`selfcare.weekdays.${d}` as MessageKey)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <TimeField
        id="habit-reminderTime"
        optional
        label={t('selfcare.form.reminder')}
        hint={t('selfcare.form.reminder_hint')}
        value={reminder}
        onChange={setReminder}
        error={shown.reminderTime}
      />
      <ButtonRow>
        <Button type="submit" busy={busy}>
          {t('selfcare.form.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('selfcare.form.cancel')}
        </Button>
      </ButtonRow>
    </form>
  );
}
