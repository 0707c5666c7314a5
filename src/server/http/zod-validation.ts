import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { ZodType } from 'zod';
import type { IssueLike } from '../../i18n/validation-issues.js';

/** A schema validation failure that keeps the zod issue, so the error handler can localize it. */
export interface ZodValidationEntry extends FastifySchemaValidationError {
  issue: IssueLike & { path: PropertyKey[] };
}

/**
 * Validates body, query and params with zod. Like fastify-type-provider-zod's compiler, but it
 * asks zod to report the input so "missing" and "wrong type" get different messages. The input
 * never leaves the server: the error handler only reads whether it was undefined.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const entries: ZodValidationEntry[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.map(String).join('/')}`,
      schemaPath: '',
      params: {},
      message: issue.message,
      issue: issue as unknown as ZodValidationEntry['issue'],
    }));
    return { error: entries };
  };

export function isZodValidationEntry(value: unknown): value is ZodValidationEntry {
  return typeof value === 'object' && value !== null && 'issue' in value;
}
