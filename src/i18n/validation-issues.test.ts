import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage } from './validation-issues.js';

const known = (key: string) =>
  ['validation.nip.wrong_length', 'validation.invalid_email', 'validation.required'].includes(key) ||
  key.startsWith('validation.');

function firstMessage(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return issueMessage(result.error.issues[0] as never, known);
}

describe('issueMessage', () => {
  it('tells a missing field from a wrong type', () => {
    const schema = z.object({ name: z.string() });
    expect(firstMessage(schema, {}).key).toBe('validation.required');
    expect(firstMessage(schema, { name: 5 }).key).toBe('validation.invalid_type');
  });

  it('reads a bare key put in a schema message', () => {
    expect(firstMessage(z.string().length(18, 'nip.wrong_length'), '123').key).toBe('validation.nip.wrong_length');
  });

  it('says "not a valid email" for a bad optional email, not "choose an option"', () => {
    const optionalEmail = z.union([z.literal(''), z.email()]);
    expect(firstMessage(optionalEmail, 'bukan-email').key).toBe('validation.invalid_email');
  });

  it('keeps "choose an option" for enums', () => {
    expect(firstMessage(z.enum(['id', 'en']), 'fr').key).toBe('validation.invalid_option');
  });

  it('passes limits to the message', () => {
    expect(firstMessage(z.string().min(12), 'pendek')).toEqual({
      key: 'validation.string_too_short',
      params: { minimum: 12 },
    });
  });
});
