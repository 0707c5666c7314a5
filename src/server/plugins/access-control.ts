import type { FastifyRequest } from 'fastify';
import type { App } from '../app-types.js';
import { authorize, type Access } from '../http/access.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

const registries = new WeakMap<object, RegisteredRoute[]>();

/** Routes that plugins add for themselves (the API reference's static files) are public. */
const FRAMEWORK_PREFIXES = ['/api/docs'];

/**
 * Every route must declare its access; a route without one stops the server from starting. The
 * declared access is enforced before the body is read, so an anonymous caller gets 401 even
 * when its body is also wrong.
 */
export function installAccessControl(app: App): void {
  const registry: RegisteredRoute[] = [];
  registries.set(app, registry);
  app.addHook('onRoute', (route) => {
    const declared = (route.config as { access?: Access } | undefined)?.access;
    const url = route.url;
    let required: Access;
    if (declared) required = declared;
    else if (FRAMEWORK_PREFIXES.some((p) => url.startsWith(p)) || !url.startsWith('/api/')) required = 'public';
    else throw new Error(`route ${String(route.method)} ${url} declares no access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') registry.push({ method: String(method), url, access: required });
    }
    const guard = async (request: FastifyRequest) => authorize(required, request);
    const existing = route.onRequest;
    route.onRequest = existing ? [guard, ...(Array.isArray(existing) ? existing : [existing])] : [guard];
  });
}

/** Every route with its declared access; the route-permission test walks this list. */
export function listRoutes(app: App): RegisteredRoute[] {
  return [...(registries.get(app) ?? [])];
}
