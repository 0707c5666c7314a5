import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../app-types.js';
import { access } from '../http/access.js';
import { ctx } from '../http/context.js';

/**
 * Teduh is an internal tool of an agency: nothing in it is for search engines.
 */
export const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

/** Source maps (built for debugging, never published) and the compressed copies' own names. */
const NOT_PUBLISHED = /\.(?:map|br|gz)$/i;
/** A last path segment with an extension names a file, never a page of the app. */
const LOOKS_LIKE_A_FILE = /\/[^/]*\.[a-z0-9]{1,8}$/i;

/**
 * Serves the built web app (docs/decisions/025-static-assets.md). Each text asset has brotli and
 * gzip copies made at build time: the one the browser accepts is sent (brotli first, gzip, then the
 * file itself) with `Vary: Accept-Encoding`. Hashed assets under /assets are cached for a year and
 * never revalidated; index.html and the rest are revalidated every time, so a new release is
 * picked up at once. Source maps are 404. Unknown non-API paths get index.html (client-side
 * routes) unless they look like a file (`/x.txt`, `/sitemap.xml`): those are 404.
 */
export async function installWebApp(app: App, webRoot: string | undefined): Promise<void> {
  const index = webRoot ? path.join(webRoot, 'index.html') : undefined;
  const hasWeb = index !== undefined && fs.existsSync(index);

  app.get('/robots.txt', { schema: { hide: true }, config: access('public') }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return reply.type('text/plain; charset=utf-8').send(ROBOTS_TXT);
  });

  if (hasWeb && webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      allowedPath: (pathname) => !NOT_PUBLISHED.test(pathname),
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
    const pathname = request.url.split('?')[0] ?? '';
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathname.startsWith('/api/') &&
      !LOOKS_LIKE_A_FILE.test(pathname) &&
      hasWeb
    ) {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'route_not_found', message: c.t('errors.route_not_found'), requestId: c.requestId },
    });
  });
}
