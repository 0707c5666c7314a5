import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse } from '../../../contracts/common.js';
import {
  IMPORT_KINDS,
  importCommitBody,
  importList,
  importParams,
  importView,
  templateParams,
  templateQuery,
  type ImportKind,
} from '../../../contracts/imports.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx } from '../../http/context.js';
import { FieldValidationError } from '../../http/errors.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';
import type { Upload } from './imports.service.js';

const tags = ['imports'];
const PERMISSION = 'import:org:agency';

/** The multipart form: a `kind` field and one `file`, in either order. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  let kind: string | undefined;
  let file: { fileName: string; buffer: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      file ??= { fileName: part.filename || 'upload', buffer };
    } else if (part.fieldname === 'kind') {
      kind = String(part.value);
    }
  }
  const problems: Array<{ path: string; key: string }> = [];
  if (!kind) problems.push({ path: 'kind', key: 'required' });
  else if (!(IMPORT_KINDS as readonly string[]).includes(kind)) problems.push({ path: 'kind', key: 'invalid_option' });
  if (!file || file.buffer.length === 0) problems.push({ path: 'file', key: 'required' });
  if (problems.length > 0 || !file) throw new FieldValidationError(problems);
  return { kind: kind as ImportKind, ...file };
}

/** Import of units and people from CSV or XLSX: template, upload, progress and report, commit, cancel. */
export function registerImportRoutes(app: App, services: Services): void {
  // Checks left half-done by a stopped server start again once the app is up; shutdown waits for running ones.
  app.addHook('onReady', async () => {
    void services.imports
      .resumeInterruptedImports()
      .catch((err: unknown) => app.log.error({ err: { message: (err as Error).message } }, 'import resume failed'));
  });
  app.addHook('onClose', async () => services.imports.whenIdle());

  app.get(
    '/api/v1/import-templates/:kind',
    {
      schema: {
        tags,
        summary: 'Download the template (Indonesian headers, an example row, a guide to every column)',
        params: templateParams,
        querystring: templateQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: z.unknown().describe('The template file, as an attachment') }),
      },
      config: access(PERMISSION),
    },
    async (request, reply) => {
      const file = await services.imports.template(
        actor(request),
        request.params.kind,
        request.query.format,
        ctx(request).locale,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.post(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file (multipart: kind, file); its rows are checked in the background',
        consumes: ['multipart/form-data'],
        response: { ...responses({ 202: importView }), 413: errorResponse, 415: errorResponse },
      },
      config: access(PERMISSION),
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const view = await services.imports.upload(
        actor(request),
        upload,
        auditOrigin(request, PERMISSION),
        ctx(request).locale,
      );
      return reply.status(202).send(view);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      schema: { tags, summary: 'Recent imports of my agency', response: responses({ 200: importList }) },
      config: access(PERMISSION),
    },
    async (request) => ({ items: await services.imports.list(actor(request)) }),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: 'Progress and report of an import (row, column and problem of each bad row)',
        params: importParams,
        response: responses({ 200: importView }),
      },
      config: access(PERMISSION),
    },
    async (request) => services.imports.get(actor(request), request.params.id),
  );

  app.post(
    '/api/v1/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Write a validated import: all rows or none, or only the valid rows',
        params: importParams,
        body: importCommitBody,
        response: responses({ 200: importView }),
      },
      config: access(PERMISSION),
    },
    async (request) =>
      services.imports.commit(actor(request), request.params.id, request.body.mode, auditOrigin(request, PERMISSION)),
  );

  app.post(
    '/api/v1/imports/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an import that has not been written',
        params: importParams,
        response: responses({ 200: importView }),
      },
      config: access(PERMISSION),
    },
    async (request) => services.imports.cancel(actor(request), request.params.id, auditOrigin(request, PERMISSION)),
  );
}
