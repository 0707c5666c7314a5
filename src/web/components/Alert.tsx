import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role=alert); other messages are announced politely (role=status). */
  live?: boolean;
  className?: string;
}

/** A message box. Errors use role=alert, the others role=status. */
export function Alert({ tone = 'info', title, children, live = true, className }: AlertProps) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${tone} ${className ?? ''}`} role={role}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}
