import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { databaseFaultOf, needsOperator } from '../../db/faults.js';
import { issueMessage } from '../../i18n/validation-issues.js';
import type { App } from '../app-types.js';
import { ctx, type RequestContext } from '../http/context.js';
import { AppError, FieldValidationError, type FieldProblem } from '../http/errors.js';
import { retryAfterHeader, UNAVAILABLE_RETRY_SECONDS } from '../http/retry-after.js';
import { isZodValidationEntry } from '../http/zod-validation.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

function body(c: RequestContext, code: string, params: Record<string, unknown> = {}, details?: unknown): ErrorBody {
  return {
    error: {
      code,
      message: c.t(`errors.${code}`, params),
      ...(details === undefined ? {} : { details }),
      requestId: c.requestId,
    },
  };
}

/**
 * A full disk waits for an operator, so its clients are asked to come back later than after a
 * dropped connection, which heals in seconds (docs/decisions/015-database-faults.md).
 */
const STORAGE_FULL_RETRY_SECONDS = 30;

/** A unique index refused the row (PostgreSQL 23505, SQLite constraint): the row already exists. */
export function isUniqueViolation(err: { code?: unknown }): boolean {
  const code = String(err.code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function fieldProblems(c: RequestContext, err: FastifyError): FieldProblem[] {
  const known = (key: string) => c.t(key) !== key;
  return (err.validation ?? []).map((entry) => {
    if (!isZodValidationEntry(entry)) {
      return {
        path: entry.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        code: 'invalid_format',
        message: c.t('validation.invalid_format'),
      };
    }
    const { key, params } = issueMessage(entry.issue, known);
    return {
      path: entry.issue.path.map(String).join('.'),
      code: key.replace(/^validation\./, ''),
      message: c.t(key, params),
    };
  });
}

/**
 * One error shape, localized, no stack traces to the client (docs/privacy.md). Expected
 * failures are logged at info level without personal data; unexpected ones at error level with
 * the request id, so a person quoting the id on a support call can be helped.
 */
export function installErrorHandler(app: App): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const c = ctx(request);
    if (err instanceof FieldValidationError) {
      const details: FieldProblem[] = err.problems.map((p) => ({
        path: p.path,
        code: p.key,
        message: c.t(`validation.${p.key}`, p.params ?? {}),
      }));
      return reply.status(422).send(body(c, err.code, {}, details));
    }
    if (err instanceof AppError) {
      for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
      if (err.status >= 500) request.log.error({ code: err.code }, 'service error');
      return reply.status(err.status).send(body(c, err.code, err.params, err.details));
    }
    if (err.validation) {
      return reply.status(400).send(body(c, 'validation', {}, fieldProblems(c, err)));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.status(413).send(body(c, 'payload_too_large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return reply.status(415).send(body(c, 'unsupported_media_type'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(body(c, 'invalid_json'));
      default:
        break;
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return reply.status(400).send(body(c, 'invalid_json'));
    }
    if (err.statusCode === 429) {
      const seconds = Number(reply.getHeader('retry-after') ?? 60);
      return reply.status(429).send(body(c, 'rate_limited', { seconds }));
    }
    if (isUniqueViolation(err)) {
      request.log.info({ code: err.code }, 'unique constraint');
      return reply.status(409).send(body(c, 'conflict'));
    }
    const fault = databaseFaultOf(err);
    if (fault) {
      // The real cause goes to the log (code and the driver's message: these name the fault, never
      // row values); the client learns only that it may retry, and when.
      const cause = { fault, code: err.code, message: err.message };
      if (needsOperator(fault)) request.log.error({ db: cause }, 'database cannot write');
      else request.log.warn({ db: cause }, 'database unavailable');
      if (fault === 'storage_full') {
        reply.header('retry-after', retryAfterHeader(STORAGE_FULL_RETRY_SECONDS));
        return reply.status(507).send(body(c, 'storage_full'));
      }
      reply.header('retry-after', retryAfterHeader(UNAVAILABLE_RETRY_SECONDS));
      return reply.status(503).send(body(c, 'service_unavailable'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body(c, err.statusCode === 404 ? 'not_found' : 'validation'));
    }
    // Unexpected: log the shape of the error, not values (a pg error's `detail` can hold personal data).
    request.log.error(
      {
        err: { type: err.name, code: err.code, message: err.message, stack: err.stack },
        serialization: isResponseSerializationError(err) ? true : undefined,
      },
      'unhandled error',
    );
    return reply.status(500).send(body(c, 'internal'));
  });
}
