import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../app-types.js';
import { access } from '../http/access.js';

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas the routes validate with, so it
 * cannot drift from the code. Must be installed before any route is added.
 */
export async function installOpenApi(app: App, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Teduh API',
        version,
        description:
          'JSON API of Teduh. Errors share one shape: { "error": { "code", "message", "details", "requestId" } }, ' +
          'with the message in the language of the session or the Accept-Language header. Cookie-authenticated ' +
          'writes need the X-CSRF-Token header from GET /api/v1/auth/session; writes accept an Idempotency-Key header.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'teduh_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
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
