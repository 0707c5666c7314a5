import { useState, type ReactNode } from 'react';
import { useT } from '../i18n.js';
import { TextField } from './fields.js';

/**
 * Dates typed and shown the way people in Indonesia write them, day first (17/08/2026), in either
 * language, instead of the browser's date input, which follows the browser's own locale and shows
 * mm/dd/yyyy on an English-US system. The form keeps the ISO value it always had
 * ("2026-08-17", or "2026-08-17T14:30" with a time), so schemas and requests do not change; until
 * the text is a real date the form receives the text as typed, and its validation says so.
 */
interface DateFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
  /** Also asks for the time of day (24 hours, "14.30"); the value is then "YYYY-MM-DDTHH:mm". */
  withTime?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "17/08/2026", "17-8-2026" or "17.08.2026" → "2026-08-17"; null when it is not a real day. */
export function parseDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "14.30" or "14:30" → "14:30"; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[.:]\s*(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour < 24 && minute < 60 ? `${pad(hour)}:${pad(minute)}` : null;
}

/** "2026-08-17" → "17/08/2026"; anything else is shown as it is. */
export function showDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function showTime(iso: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[1]}.${m[2]}` : '';
}

export function DateField({ id, label, hint, error, optional, value, onChange, withTime }: DateFieldProps) {
  const { t } = useT();
  const [text, setText] = useState({ day: showDay(value), time: withTime ? showTime(value) : '' });
  const [touched, setTouched] = useState({ day: false, time: false });
  // A value set from outside (a reset, a loaded record) replaces what is shown.
  const [emitted, setEmitted] = useState(value);
  if (value !== emitted) {
    setEmitted(value);
    const next = { day: showDay(value), time: withTime ? showTime(value) : '' };
    if (next.day !== text.day || next.time !== text.time) setText(next);
  }

  const emit = (next: { day: string; time: string }) => {
    setText(next);
    const day = parseDay(next.day);
    const time = parseTime(next.time);
    let out: string;
    if (!next.day.trim() && !next.time.trim()) out = '';
    else if (!withTime) out = day ?? next.day;
    else out = day && time ? `${day}T${time}` : `${next.day} ${next.time}`.trim();
    setEmitted(out);
    onChange(out);
  };

  const dayInvalid = touched.day && text.day.trim() !== '' && parseDay(text.day) === null;
  const timeInvalid = withTime && touched.time && text.time.trim() !== '' && parseTime(text.time) === null;
  const dayHint = (
    <>
      {hint && <span className="block">{hint}</span>}
      {t('common.date_field.format_hint')}
    </>
  );
  const dayError = error ?? (dayInvalid ? t('common.date_field.invalid') : undefined);

  if (!withTime) {
    return (
      <TextField
        id={id}
        label={label}
        hint={dayHint}
        error={dayError}
        optional={optional}
        value={text.day}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('common.date_field.placeholder')}
        onChange={(day) => emit({ ...text, day })}
        onBlur={() => setTouched((s) => ({ ...s, day: true }))}
      />
    );
  }
  return (
    <fieldset className="field fieldset date-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">
        {label}
        {optional && <span className="field__optional"> ({t('common.form.optional')})</span>}
      </legend>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.form.error_prefix')} </span>
          {error}
        </p>
      )}
      <div className="field-pair">
        <TextField
          id={id}
          label={t('common.date_field.date')}
          hint={dayHint}
          error={dayInvalid ? t('common.date_field.invalid') : undefined}
          value={text.day}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('common.date_field.placeholder')}
          onChange={(day) => emit({ ...text, day })}
          onBlur={() => setTouched((s) => ({ ...s, day: true }))}
        />
        <TextField
          id={`${id}-time`}
          label={t('common.date_field.time')}
          hint={t('common.date_field.time_hint')}
          error={timeInvalid ? t('common.date_field.time_invalid') : undefined}
          value={text.time}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('common.date_field.time_placeholder')}
          onChange={(time) => emit({ ...text, time })}
          onBlur={() => setTouched((s) => ({ ...s, time: true }))}
        />
      </div>
    </fieldset>
  );
}
