import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'dist/web');

/**
 * The web app (src/web) builds to dist/web, which the server serves. In development, `npm run dev`
 * runs Vite on :5173 and proxies the API to the server on :3000.
 *
 * First load (docs/decisions/025-static-assets.md): every text asset is also written compressed
 * (brotli and gzip) so that the server sends bytes it need not compress per request; source maps
 * are built for debugging but not referenced from the bundles, and the server never serves them.
 */
export default defineConfig(({ command }) => ({
  root: 'src/web',
  plugins: [
    react(),
    ...(command === 'build' ? [productionReactRouter(), noJsonSchemaInBrowser(), installableApp(), precompress()] : []),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: 'hidden',
    // The chunk graph, for bench/first-load.ts (the signed-in home's first load). Under .vite/, a
    // dot directory the server does not publish.
    manifest: true,
    // No inline scripts or styles: the CSP forbids them.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page runs (React, the router, i18next, TanStack Query) in one
            // chunk: one file compresses better than the six the automatic split made, and its
            // name changes only when a library does, so a release leaves it in the browser's cache
            // (docs/decisions/038-first-load-within-budget.md). zod, DOMPurify, marked and the
            // rest stay with the pages that use them.
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack[\\/][a-z-]+|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
}));

/**
 * The installable app (docs/decisions/032-check-ins.md): a web manifest and a Workbox service
 * worker that precaches the app shell (every built script, style, page chunk and icon) and keeps an
 * offline copy of exactly two of the person's own GETs — their help contacts and their safety
 * plan — network first, the copy only when the network fails. No other API answer (nobody else's
 * data, no admin API) is ever cached. Signing out deletes the `teduh-personal` cache
 * (src/web/lib/device-store.ts). The page registers the worker itself and asks before a new
 * version takes over (src/web/components/layout/UpdatePrompt.tsx).
 */
function installableApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg', 'icons/apple-touch-icon-180.png'],
    manifest: {
      name: 'Teduh — Kesehatan Mental ASN',
      short_name: 'Teduh',
      description:
        'Teduh membantu ASN menjaga kesehatan mental secara rahasia: catatan harian, cek mandiri, rencana keselamatan, dan kontak bantuan.',
      lang: 'id',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0f4a40',
      background_color: '#f3f7f5',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      navigateFallback: '/index.html',
      // The API, health checks and the API's documentation are never answered by the worker.
      navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/readyz/, /^\/docs/],
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ url, request }) =>
            request.method === 'GET' &&
            url.origin === self.location.origin &&
            (url.pathname === '/api/v1/help/contacts' || url.pathname === '/api/v1/me/safety-plan'),
          handler: 'NetworkFirst',
          options: {
            cacheName: 'teduh-personal',
            networkTimeoutSeconds: 5,
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  });
}

/**
 * react-router's package exports only its development build (warnings, checks, 2–3 times the
 * size); the production build sits beside it. The build takes that one; `npm run dev` keeps the
 * warnings.
 */
function productionReactRouter(): Plugin {
  const production = path.join(here, 'node_modules/react-router/dist/production/index.mjs');
  return {
    name: 'teduh:production-react-router',
    enforce: 'pre',
    resolveId(source) {
      if (source === 'react-router' && fs.existsSync(production)) return production;
      return null;
    },
  };
}

/**
 * The browser validates with zod but never writes JSON Schema (the server's OpenAPI document
 * does): zod's JSON-Schema writer, which every schema references through its `toJSONSchema`
 * method, is replaced in the browser build by a stub that says so.
 */
function noJsonSchemaInBrowser(): Plugin {
  const stubId = '\0teduh:zod-to-json-schema';
  return {
    name: 'teduh:no-json-schema-in-browser',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.endsWith('/to-json-schema.js') && importer?.includes(`${path.sep}zod${path.sep}`)) return stubId;
      return null;
    },
    load(id) {
      if (id !== stubId) return null;
      const names = [
        'initializeContext',
        'handleUnrepresentable',
        'processSchema',
        'process',
        'extractDefs',
        'finalize',
        'createToJSONSchemaMethod',
        'createStandardJSONSchemaMethod',
      ];
      return [
        'const unavailable = () => { throw new Error("JSON Schema is written by the server only"); };',
        ...names.map((name) => `export const ${name} = unavailable;`),
      ].join('\n');
    },
  };
}

/** Writes `<file>.br` and `<file>.gz` beside every compressible asset, once, at build time. */
function precompress(): Plugin {
  const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
  return {
    name: 'teduh:precompress',
    apply: 'build',
    closeBundle() {
      const visit = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) visit(full);
          else if (compressible.test(entry.name)) {
            const body = fs.readFileSync(full);
            fs.writeFileSync(
              `${full}.br`,
              zlib.brotliCompressSync(body, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              }),
            );
            fs.writeFileSync(`${full}.gz`, zlib.gzipSync(body, { level: 9 }));
          }
        }
      };
      if (fs.existsSync(outDir)) visit(outDir);
    },
  };
}
