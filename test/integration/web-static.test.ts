import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * The web app's files as a browser gets them (docs/decisions/025-static-assets.md): the
 * precompressed copy it accepts, cache lifetimes by kind of file, no source maps, a real robots
 * file, and a 404 for a file that does not exist instead of the app's HTML.
 */
describe.skipIf(postgresSkipReason())('web app files', () => {
  let t: TestApp;
  let webRoot: string;
  const script = 'console.log("teduh");\n'.repeat(50);

  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    const write = (name: string, body: string) => {
      fs.writeFileSync(path.join(webRoot, name), body);
      fs.writeFileSync(path.join(webRoot, `${name}.br`), zlib.brotliCompressSync(body));
      fs.writeFileSync(path.join(webRoot, `${name}.gz`), zlib.gzipSync(body));
    };
    write('index.html', '<!doctype html><title>Teduh</title><div id="root"></div>');
    write('assets/index-abc123.js', script);
    fs.writeFileSync(path.join(webRoot, 'assets/index-abc123.js.map'), '{"version":3}');
    t = await createTestApp({ webRoot });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends brotli when accepted, gzip otherwise, the file itself last, always with Vary', async () => {
    const br = await t.anonymous().get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gzip = await t.anonymous().get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const identity = await t.anonymous().get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toMatch(/accept-encoding/i);
    expect(identity.body).toBe(script);
  });

  it('caches hashed assets for a year and revalidates index.html, also for client-side routes', async () => {
    const asset = await t.anonymous().get('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/index.html', '/admin/units', '/sign-in']) {
      const page = await t.anonymous().get(url, { 'accept-encoding': 'br' });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-type'], url).toMatch(/text\/html/);
    }
    // A HEAD (link checkers, monitors) gets the page's headers, not a 404.
    const head = await t.app.inject({ method: 'HEAD', url: '/admin/units' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toMatch(/text\/html/);
  });

  it('never serves source maps or the compressed copies by their own names', async () => {
    for (const url of ['/assets/index-abc123.js.map', '/assets/index-abc123.js.br', '/index.html.gz']) {
      const response = await t.anonymous().get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('version');
    }
  });

  it('answers /robots.txt with a robots file that keeps every crawler out', async () => {
    const robots = await t.anonymous().get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.body).toBe('User-agent: *\nDisallow: /\n');
  });

  it('answers 404, not the app, for unknown paths that look like files', async () => {
    for (const url of ['/sitemap.xml', '/favicon.ico', '/humans.txt', '/assets/missing-abc.js']) {
      const response = await t.anonymous().get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/json/);
    }
  });
});
