import type { ComponentProps, ReactNode } from 'react';
import { useT } from '../i18n.js';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  /** Shows a spinner and blocks a second submission while a request is under way. */
  busy?: boolean;
  size?: 'normal' | 'small';
  children: ReactNode;
}

/** A button; `type` defaults to "button" so a stray button never submits a form. */
export function Button({
  variant = 'primary',
  busy = false,
  size = 'normal',
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const { t } = useT();
  const classes = ['btn', `btn--${variant}`, size === 'small' ? 'btn--small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy && <span className="spinner spinner--inline" aria-hidden="true" />}
      <span>{children}</span>
      {busy && <span className="visually-hidden">{t('common.status.working')}</span>}
    </button>
  );
}

/** Groups buttons in a row that wraps on a phone. */
export function ButtonRow({ children, align = 'start' }: { children: ReactNode; align?: 'start' | 'end' | 'between' }) {
  return <div className={`button-row button-row--${align}`}>{children}</div>;
}
