import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../../src/server/app.js';
import { ManualClock } from '../../src/server/clock.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { currentTotp } from '../../src/server/modules/auth/totp.js';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { ROLES_REQUIRING_TWO_FACTOR } from '../../src/domain/access/roles.js';
import { createAgency, createPerson, type TestPerson } from './factories.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp extends BuiltApp {
  clock: ManualClock;
  database: TestDatabase;
  /** A client without a session. */
  anonymous(): Agent;
  close(): Promise<void>;
}

/** Builds the whole app on a fresh database of the project's kind, with a clock tests control. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date('2026-11-23T02:00:00.000Z'));
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    {
      secret: crypto.randomBytes(32),
      dataDir: path.join(os.tmpdir(), 'teduh-test-data'),
      publicUrl: 'http://teduh.test',
      webRoot: undefined,
      jobsEnabled: false,
      ...overrides,
    },
  );
  return createTestAppOn(database, config, clock);
}

/**
 * Builds an app on an existing test database with the given configuration (same secret, so
 * encrypted rows stay readable) — e.g. a second app after the first was closed: a restart.
 * Closing it destroys the database.
 */
export async function createTestAppOn(database: TestDatabase, config: Config, clock: ManualClock): Promise<TestApp> {
  const built = await buildApp({ config, db: database.handle, clock, logger: false, version: 'test' });
  await built.app.ready();
  const app: TestApp = {
    ...built,
    clock,
    database,
    anonymous: () => new Agent(built),
    close: async () => {
      await built.app.close();
      await database.destroy();
    },
  };
  return app;
}

/**
 * A fresh app and one agency in it, for a describe block whose tests each add the people they
 * need; `unitId` is the agency's top unit.
 */
export async function createTestAppWithAgency(
  overrides: Partial<Config> = {},
): Promise<{ t: TestApp; agencyId: string; unitId: string }> {
  const t = await createTestApp(overrides);
  const { agencyId, rootUnitId } = await createAgency(t.services.db.db);
  return { t, agencyId, unitId: rootUnitId };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * An HTTP client with a cookie jar, speaking to the app the way the web app does: it sends the
 * CSRF token on writes once it has a session.
 */
export class Agent {
  readonly cookies = new Map<string, string>();
  private readonly cookiePaths = new Map<string, string>();
  csrfToken: string | null = null;
  ip = '203.0.113.10';
  headers: Record<string, string> = {};

  constructor(private readonly built: BuiltApp) {}

  async request(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.built.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...this.headers,
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    for (const c of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
      path?: string;
    }>) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      const path = c.path ?? '/';
      // Like a browser, clearing a cookie at another path leaves the one we hold alone.
      if (expired) {
        if ((this.cookiePaths.get(c.name) ?? path) === path) {
          this.cookies.delete(c.name);
          this.cookiePaths.delete(c.name);
        }
      } else {
        this.cookies.set(c.name, c.value);
        this.cookiePaths.set(c.name, path);
      }
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, payload ?? {}, headers);
  }
  put(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, payload ?? {}, headers);
  }
  patch(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, payload ?? {}, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }

  /** Reads the session and remembers its CSRF token. */
  async refreshSession(): Promise<LightMyRequestResponse> {
    const res = await this.get('/api/v1/auth/session');
    this.csrfToken = res.statusCode === 200 ? ((res.json() as { csrfToken?: string }).csrfToken ?? null) : null;
    return res;
  }

  /** Signs in with a password and, if asked for, a current TOTP code. */
  async signIn(identifier: string, password: string, totpSecret?: string | null, now?: Date): Promise<string> {
    const res = await this.post('/api/v1/auth/sign-in', { identifier, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const { stage } = res.json() as { stage: string };
    await this.refreshSession();
    if (stage === 'two_factor' && totpSecret) {
      const verify = await this.post('/api/v1/auth/two-factor/verify', {
        code: currentTotp(totpSecret, now ?? new Date()),
      });
      if (verify.statusCode !== 200) throw new Error(`two-factor failed: ${verify.statusCode} ${verify.body}`);
      await this.refreshSession();
      return 'full';
    }
    return stage;
  }
}

export interface SignedIn {
  agent: Agent;
  person: TestPerson;
}

/**
 * A fully signed-in person holding `role` (two-factor enrolled and passed where the role needs
 * it), in the given agency or a new one.
 */
export async function loginAs(
  t: TestApp,
  role: AssignableRole | 'employee',
  options: { agencyId?: string; unitId?: string; scopeUnitId?: string | null } = {},
): Promise<SignedIn & { agencyId: string; unitId: string }> {
  let agencyId = options.agencyId;
  let unitId = options.unitId;
  if (!agencyId) {
    const created = await createAgency(t.services.db.db);
    agencyId = created.agencyId;
    unitId ??= created.rootUnitId;
  }
  if (!unitId) {
    const root = await t.services.db.db
      .selectFrom('org_units')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    unitId = root.id;
  }
  const needsTotp = role !== 'employee' && ROLES_REQUIRING_TWO_FACTOR.includes(role);
  const person = await createPerson(t.services.db.db, t.services.keys, {
    agencyId,
    unitId,
    roles: role === 'employee' ? [] : [{ role, unitId: options.scopeUnitId ?? null }],
    totp: needsTotp,
  });
  const agent = t.anonymous();
  const stage = await agent.signIn(person.email, person.password as string, person.totpSecret, t.clock.now());
  if (stage !== 'full') throw new Error(`expected a full session for ${role}, got ${stage}`);
  return { agent, person, agencyId, unitId };
}
