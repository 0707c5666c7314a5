import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { ctx } from './context.js';
import { tooManyRequests } from './errors.js';

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  max: number;
  windowMs: number;
  clock: Clock;
  /** Clients remembered at most; beyond it the oldest windows are forgotten (memory stays bounded). */
  maxClients?: number;
}

/**
 * A fixed-window limiter per client address, kept in memory (PRIVACY.md §5 "per-IP rate limits").
 * For public routes that write nothing, such as the scoring preview: losing the counts on a
 * restart is harmless, and no database round trip is spent on a flood. Answers 429 with
 * Retry-After in the API's error shape.
 */
export function rateLimitHook(options: RateLimitOptions): (request: FastifyRequest) => Promise<void> {
  const windows = new Map<string, { startedAt: number; count: number }>();
  const maxClients = options.maxClients ?? 10_000;
  return async (request) => {
    const now = options.clock.now().getTime();
    const client = ctx(request).ip;
    let window = windows.get(client);
    if (!window || now - window.startedAt >= options.windowMs) {
      if (windows.size >= maxClients) forgetExpired(windows, now, options.windowMs, maxClients);
      window = { startedAt: now, count: 0 };
      windows.delete(client);
      windows.set(client, window);
    }
    window.count++;
    if (window.count > options.max) {
      throw tooManyRequests(Math.max(1, Math.ceil((window.startedAt + options.windowMs - now) / 1000)));
    }
  };
}

/** Drops expired windows; if every window is live, drops the oldest (Map keeps insertion order). */
function forgetExpired(windows: Map<string, { startedAt: number }>, now: number, windowMs: number, maxClients: number): void {
  for (const [key, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(key);
  for (const key of windows.keys()) {
    if (windows.size < maxClients) break;
    windows.delete(key);
  }
}
