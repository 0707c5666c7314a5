import { useState, type ComponentProps, type ReactNode } from 'react';
import { useT } from '../i18n.js';

interface BaseFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Marks the label "(opsional)"; fields are required unless said otherwise. */
  optional?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldLabel({ id, label, optional }: { id: string; label: ReactNode; optional?: boolean }) {
  const { t } = useT();
  return (
    <label className="field__label" htmlFor={id}>
      {label}
      {optional && <span className="field__optional"> ({t('common.form.optional')})</span>}
    </label>
  );
}

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  const { t } = useT();
  return (
    <>
      {hint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.form.error_prefix')} </span>
          {error}
        </p>
      )}
    </>
  );
}

type InputRest = Omit<ComponentProps<'input'>, 'id' | 'value' | 'onChange' | 'type'>;

export interface TextFieldProps extends BaseFieldProps, InputRest {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'number' | 'date' | 'datetime-local' | 'url';
  /** Extra element after the input inside the field (e.g. a show-password toggle). */
  addon?: ReactNode;
  addonId?: string;
}

/** A labelled input with hint and error wired by aria-describedby and aria-invalid. */
export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  className,
  value,
  onChange,
  type = 'text',
  addon,
  addonId,
  ...rest
}: TextFieldProps) {
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <FieldLabel id={id} label={label} optional={optional} />
      <FieldMessages id={id} hint={hint} error={error} />
      <div className={addon ? 'field__control field__control--addon' : 'field__control'}>
        <input
          {...rest}
          id={id}
          type={type}
          className="input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error, addonId)}
          required={rest.required}
        />
        {addon}
      </div>
    </div>
  );
}

/** A password input with a show/hide toggle; no paste blocking, password managers welcome. */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'addon'>) {
  const { t } = useT();
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...props}
      type={shown ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="off"
      addon={
        <button
          type="button"
          className="field__toggle"
          aria-pressed={shown}
          aria-controls={props.id}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? t('common.form.hide_password') : t('common.form.show_password')}
        </button>
      }
    />
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectProps extends BaseFieldProps, Omit<ComponentProps<'select'>, 'id' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Choices under headings (<optgroup>), after the plain options. */
  groups?: ReadonlyArray<{ label: string; options: readonly SelectOption[] }>;
  /** A first, empty choice such as "Pilih…" or "Semua". */
  placeholder?: string;
}

export function Select({
  id,
  label,
  hint,
  error,
  optional,
  className,
  value,
  onChange,
  options,
  groups,
  placeholder,
  ...rest
}: SelectProps) {
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <FieldLabel id={id} label={label} optional={optional} />
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        {...rest}
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

interface CheckboxProps
  extends Omit<BaseFieldProps, 'optional'>, Omit<ComponentProps<'input'>, 'id' | 'checked' | 'onChange' | 'type'> {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Checkbox({ id, label, hint, error, className, checked, onChange, ...rest }: CheckboxProps) {
  return (
    <div className={`field field--checkbox ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <div className="checkbox">
        <input
          {...rest}
          id={id}
          type="checkbox"
          className="checkbox__input"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface RadioGroupProps {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly RadioOption[];
  inline?: boolean;
}

/** A fieldset of radio buttons; the legend names the question. */
export function RadioGroup({ id, name, legend, hint, error, value, onChange, options, inline }: RadioGroupProps) {
  return (
    <fieldset
      className={`field fieldset ${error ? 'field--error' : ''}`}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className={inline ? 'radios radios--inline' : 'radios'}>
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="radio" key={o.value}>
              <input
                type="radio"
                className="radio__input"
                id={optionId}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label className="radio__label" htmlFor={optionId}>
                {o.label}
              </label>
              {o.hint && (
                <div className="radio__hint" id={`${optionId}-hint`}>
                  {o.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

interface TextAreaProps extends BaseFieldProps, Omit<ComponentProps<'textarea'>, 'id' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

/** A labelled multi-line input, wired like TextField. */
export function TextArea({
  id,
  label,
  hint,
  error,
  optional,
  className,
  value,
  onChange,
  rows = 4,
  ...rest
}: TextAreaProps) {
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <FieldLabel id={id} label={label} optional={optional} />
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        {...rest}
        id={id}
        rows={rows}
        className="input textarea"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}
