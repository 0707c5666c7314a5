import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { App } from '../app-types.js';

/**
 * Security headers: a CSP with no inline scripts, no framing, nosniff, a strict referrer policy,
 * and HSTS only when the request really came over HTTPS.
 */
const HELMET_OPTIONS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      // The installable app: its service worker and manifest, same origin only (docs/decisions/032-check-ins.md).
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers helmet sets with HELMET_OPTIONS, worked out once at start-up. @fastify/helmet builds
 * its middleware and the CSP string again for every request (3–4 % of the server's CPU under
 * load, docs/benchmarks.md "Check-in submit"), although with these options — no nonces, no
 * per-route settings — the answer is the same every time. So helmet itself sets them once on a
 * throw-away app, and each request gets that list (docs/decisions/046-check-in-submit-cpu.md).
 */
export function helmetHeaders(): Promise<[string, string][]> {
  // The options are constant: one probe per process, however many apps it builds (the tests build many).
  computed ??= probeHelmet();
  return computed;
}
let computed: Promise<[string, string][]> | undefined;

async function probeHelmet(): Promise<[string, string][]> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, HELMET_OPTIONS);
  // In the handler, only what the onRequest hooks set is on the raw response: helmet's headers,
  // with their names as helmet spells them (so the bytes on the wire stay the same).
  probe.get('/', async (_request, reply) => {
    // OutgoingMessage#getRawHeaderNames (Node 15.13+) is missing from the installed @types/node.
    const raw = reply.raw as typeof reply.raw & { getRawHeaderNames(): string[] };
    return reply.send(raw.getRawHeaderNames().map((name) => [name, raw.getHeader(name)]));
  });
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const list = res.json<[string, unknown][]>().map(([name, value]): [string, string] => {
    if (typeof value !== 'string') throw new Error(`security header ${name} is not a single string`);
    return [name, value];
  });
  if (!list.some(([name]) => name.toLowerCase() === 'content-security-policy')) throw new Error('helmet set no CSP');
  return list;
}

export async function installSecurityHeaders(app: App): Promise<void> {
  const headers = await helmetHeaders();
  // Where @fastify/helmet set them (first thing in onRequest, on the raw response), so every
  // answer — the route's, an error, a 404, a 405 — carries them as before.
  app.addHook('onRequest', (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      // Personal data must not linger in shared or browser caches.
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
