import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../app-types.js';
import { ctx } from '../http/context.js';

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html is never cached so a
 * new release is picked up at once. Unknown non-API paths get index.html (client-side routes).
 */
export async function installWebApp(app: App, webRoot: string | undefined): Promise<void> {
  const index = webRoot ? path.join(webRoot, 'index.html') : undefined;
  const hasWeb = index !== undefined && fs.existsSync(index);
  if (hasWeb && webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const c = ctx(request);
    if (request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb) {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'route_not_found', message: c.t('errors.route_not_found'), requestId: c.requestId },
    });
  });
}
