import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../app-types.js';
import { access, type Access } from '../http/access.js';

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas the routes validate with, so it
 * cannot drift from the code. Must be installed before any route is added.
 */
export async function installOpenApi(app: App, version: string, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Teduh API',
        version,
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        description:
          'JSON API of Teduh. Errors share one shape: { "error": { "code", "message", "details", "requestId" } }, ' +
          'with the message in the language of the session or the Accept-Language header. Cookie-authenticated ' +
          'writes need the X-CSRF-Token header from GET /api/v1/auth/session; writes accept an Idempotency-Key header.',
      },
      servers: [{ url: publicUrl, description: 'This install' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'teduh_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: (input) => describeOperation(jsonSchemaTransform(input), input.route),
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}

/** GET /api/openapi.json — registered after all routes so the document lists every one. */
export function registerOpenApiRoute(app: App): void {
  app.get('/api/openapi.json', { schema: { hide: true }, config: access('public') }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return app.swagger();
  });
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `GET /api/v1/people/:id/roles` → `getPeopleByIdRoles`: unique, as method and path are. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api(\/v1)?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('');
}

/**
 * What each operation of the document says beyond its schemas, so that generated clients work
 * (and Redocly's recommended rules pass, test/integration/openapi-lint.test.ts): an operationId;
 * the security it needs — none for public routes, the session cookie for reads, the session and
 * the CSRF header for writes (docs/privacy.md); and at least one client-error answer: a route
 * without its own answers 408 to a request that does not arrive in time (docs/operations.md).
 */
function describeOperation<T extends { schema: object; url: string }>(
  out: T,
  route: { method: string | string[]; url: string; config?: unknown },
): T {
  const method = Array.isArray(route.method) ? (route.method[0] ?? 'GET') : route.method;
  const required = (route.config as { access?: Access } | undefined)?.access ?? 'public';
  const schema = out.schema as Record<string, unknown> & { response?: Record<string, unknown> };
  const security =
    required === 'public' ? [] : WRITE_METHODS.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
  const response = schema.response ?? { 200: { description: 'OK', type: 'object' } };
  const hasClientError = Object.keys(response).some((code) => code.startsWith('4'));
  return {
    ...out,
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationIdOf(method, route.url),
      security,
      response: hasClientError
        ? response
        : { ...response, 408: { description: 'The request did not arrive in time.', type: 'object' } },
    },
  };
}
