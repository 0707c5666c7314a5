import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { issueMessage, type IssueLike } from '../../i18n/validation-issues.js';
import { isApiError, type FieldErrors } from '../api/client.js';
import { i18n, translate, type MessageKey } from '../i18n.js';

const known = (key: string) => i18n.exists(key);

/** For a union such as "empty or a valid email", the branch that says what is wrong. */
function mostTellingIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
  const candidates = branches.flat().filter((i) => i.code !== 'invalid_value');
  return candidates[0] ? mostTellingIssue(candidates[0]) : issue;
}

/** Zod issues → field path → message, in the same words the server uses (validation.*). */
export function zodFieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const raw of error.issues) {
    const issue = mostTellingIssue(raw);
    const path = prefix + (raw.path.length > 0 ? raw.path.map(String).join('.') : '_form');
    if (path in errors) continue;
    const { key, params } = issueMessage(issue as unknown as IssueLike, known);
    errors[path] = translate(key as MessageKey, params);
  }
  return errors;
}

export interface FieldBinding {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/**
 * Form state without a library: values, per-field errors (from zod or the server's details[].path),
 * and a non-field message. What the person typed is never cleared by an error.
 */
export function useForm<V extends Record<string, string | boolean>>(idPrefix: string, initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** Bumped on every failed submission so the summary takes focus again. */
  const [attempt, setAttempt] = useState(0);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
  }, []);

  const fail = useCallback((fieldErrors: FieldErrors, message: string | null = null) => {
    setErrors(fieldErrors);
    setFormError(message);
    setAttempt((n) => n + 1);
  }, []);

  /** Parses input with a contract schema; on failure shows the errors and returns null. */
  const validate = useCallback(
    <S extends z.ZodType>(schema: S, input: unknown, extra: FieldErrors = {}, pathPrefix = ''): z.infer<S> | null => {
      const result = schema.safeParse(input);
      const fieldErrors = { ...(result.success ? {} : zodFieldErrors(result.error, pathPrefix)), ...extra };
      if (!result.success || Object.keys(extra).length > 0) {
        fail(fieldErrors);
        return null;
      }
      setErrors({});
      setFormError(null);
      return result.data as z.infer<S>;
    },
    [fail],
  );

  /** Shows a failed request: field problems next to their fields, anything else at the top. */
  const showServerError = useCallback(
    (err: unknown) => {
      if (isApiError(err)) {
        const fieldErrors = { ...err.fieldErrors };
        const hasFields = Object.keys(fieldErrors).length > 0;
        fail(fieldErrors, hasFields ? null : err.message);
      } else {
        fail({}, translate('common.errors.unexpected'));
      }
    },
    [fail],
  );

  const field = (name: keyof V & string): FieldBinding => ({
    id: `${idPrefix}-${name}`,
    value: String(values[name] ?? ''),
    onChange: (value: string) => set(name, value as V[typeof name]),
    error: errors[name],
  });

  const reset = useCallback(
    (next: V = initial) => {
      setValues(next);
      setErrors({});
      setFormError(null);
    },
    [initial],
  );

  /** What FormErrorSummary takes from the form; the page adds the labels. */
  const summary = { idPrefix, errors, formError, attempt };

  return {
    idPrefix,
    values,
    setValues,
    set,
    errors,
    setErrors,
    formError,
    setFormError,
    attempt,
    fail,
    validate,
    showServerError,
    field,
    reset,
    summary,
  };
}

export type Form<V extends Record<string, string | boolean>> = ReturnType<typeof useForm<V>>;
