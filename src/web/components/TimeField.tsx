import { useState } from 'react';
import { parseTime } from './DateField.js';
import { TextField } from './fields.js';

/**
 * A time of day typed the Indonesian way, 24 hours ("07.30" or "07:30"), instead of the browser's
 * time input, which follows the browser's locale and may ask for AM/PM. The form receives "HH:MM"
 * once the text is a time, and the text as typed until then, so its validation can say so.
 */
export function TimeField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useState(value.replace(':', '.'));
  // A value set from outside (a reset, the next free slot) replaces what is shown.
  const [emitted, setEmitted] = useState(value);
  if (value !== emitted) {
    setEmitted(value);
    if (value !== (parseTime(text) ?? text)) setText(value.replace(':', '.'));
  }
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className="field--time"
      inputMode="numeric"
      autoComplete="off"
      placeholder="07.30"
      maxLength={5}
      value={text}
      onChange={(typed) => {
        setText(typed);
        const next = typed.trim() === '' ? '' : (parseTime(typed) ?? typed);
        setEmitted(next);
        onChange(typed.trim() === '' ? '' : (parseTime(typed) ?? typed));
      }}
    />
  );
}
