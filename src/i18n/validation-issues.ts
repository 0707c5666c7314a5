/**
 * Turns a zod issue into a message key of the `validation` namespace, so the server's 400s and the
 * web forms speak the same words. Schemas put a bare key (e.g. `nip.wrong_length`) in the issue
 * message when they need a specific one.
 */
export interface IssueLike {
  code: string;
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  keys?: string[];
  expected?: string;
  input?: unknown;
  /** For invalid_union: the issues of each alternative. */
  errors?: IssueLike[][];
}

export interface IssueMessage {
  key: string;
  params: Record<string, unknown>;
}

/** Keys a schema may name directly in an issue's message. */
export function isValidationKey(message: string | undefined, known: (key: string) => boolean): message is string {
  return typeof message === 'string' && /^[a-z_]+(\.[a-z_]+)*$/.test(message) && known(`validation.${message}`);
}

export function issueMessage(issue: IssueLike, known: (key: string) => boolean): IssueMessage {
  if (isValidationKey(issue.message, known)) return { key: `validation.${issue.message}`, params: {} };
  const params: Record<string, number> = {};
  if (issue.minimum !== undefined) params.minimum = Number(issue.minimum);
  if (issue.maximum !== undefined) params.maximum = Number(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      return {
        key:
          issue.input === undefined && issue.expected !== 'undefined'
            ? 'validation.required'
            : 'validation.invalid_type',
        params: {},
      };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) === 1
          ? { key: 'validation.required', params }
          : { key: 'validation.string_too_short', params };
      }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.array_too_small', params };
      return { key: 'validation.number_too_small', params };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.string_too_long', params };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.array_too_big', params };
      return { key: 'validation.number_too_big', params };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.invalid_email', params: {} };
      if (issue.format === 'uuid' || issue.format === 'guid') return { key: 'validation.invalid_id', params: {} };
      return { key: 'validation.invalid_format', params: {} };
    case 'invalid_union': {
      // `'' | email` and the like: the alternative that says more than "not this literal" wins,
      // so a bad optional email reads "not a valid email", not "choose an option".
      const telling = (issue.errors ?? []).flat().find((i) => i.code !== 'invalid_value' && i.code !== 'invalid_type');
      return telling ? issueMessage(telling, known) : { key: 'validation.invalid_option', params: {} };
    }
    case 'invalid_value':
      return { key: 'validation.invalid_option', params: {} };
    case 'not_multiple_of':
      return { key: 'validation.not_integer', params: {} };
    case 'unrecognized_keys':
      return { key: 'validation.unrecognized_keys', params: { keys: (issue.keys ?? []).join(', ') } };
    default:
      return { key: 'validation.invalid_format', params: {} };
  }
}
