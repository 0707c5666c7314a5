import { useEffect, useRef } from 'react';
import type { FieldErrors } from '../api/client.js';
import { useT } from '../i18n.js';

interface FormErrorSummaryProps {
  /** The form's id prefix: field `name` has the element id `${idPrefix}-${name}`. */
  idPrefix: string;
  errors: FieldErrors;
  /** A problem that belongs to no field (wrong password, server unavailable). */
  formError?: string | null;
  /** Changes on every failed submission, so focus returns here each time. */
  attempt: number;
  /** Field labels by path, for the links; without one the message alone is listed. */
  labels?: Record<string, string>;
  /** Called before focusing a field, e.g. to switch to the step that holds it. */
  onReveal?: (path: string) => void;
}

/**
 * The summary at the top of a form after a failed submission (GOV.UK pattern): it takes focus, is
 * announced, and links to each field that needs attention.
 */
export function FormErrorSummary({
  idPrefix,
  errors,
  formError,
  attempt,
  labels = {},
  onReveal,
}: FormErrorSummaryProps) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  // In the order of the form when the labels say it, so the list reads top to bottom.
  const order = Object.keys(labels);
  const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  const visible = entries.length > 0 || Boolean(formError);

  useEffect(() => {
    if (attempt > 0 && ref.current) ref.current.focus();
  }, [attempt]);

  if (!visible) return null;
  const goTo = (path: string) => {
    onReveal?.(path);
    window.setTimeout(() => {
      const element = document.getElementById(`${idPrefix}-${path}`);
      if (!element) return;
      const focusable = element.matches('fieldset')
        ? (element.querySelector<HTMLElement>('input') ?? element)
        : element;
      focusable.focus();
      element.scrollIntoView({ block: 'center' });
    }, 0);
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${idPrefix}-summary-title`}>
      <h2 className="error-summary__title" id={`${idPrefix}-summary-title`}>
        {entries.length > 0 ? t('common.form.summary_title') : t('common.form.failed_title')}
      </h2>
      {formError && <p className="error-summary__message">{formError}</p>}
      {entries.length > 0 && (
        <ul className="error-summary__list">
          {entries.map(([path, message]) => (
            <li key={path}>
              {path === '_form' ? (
                message
              ) : (
                <a
                  href={`#${idPrefix}-${path}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(path);
                  }}
                >
                  {labels[path] ? `${labels[path]}: ${message}` : message}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
