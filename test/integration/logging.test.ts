import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createAgency, createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('logs carry no personal data', () => {
  let t: TestApp;
  let lines: string[];
  let logged: Awaited<ReturnType<typeof buildApp>>;
  let person: TestPerson;

  beforeAll(async () => {
    t = await createTestApp();
    lines = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    logged = await buildApp({
      config: { ...t.services.config, logLevel: 'info' },
      db: t.database.handle,
      clock: t.clock,
      logger: { stream },
    });
    await logged.app.ready();
    const { agencyId, rootUnitId } = await createAgency(t.services.db.db);
    person = await createPerson(t.services.db.db, t.services.keys, {
      agencyId,
      unitId: rootUnitId,
      fullName: 'Ni Luh Putu Ariani',
    });
  });
  afterAll(async () => {
    await logged.app.close();
    await t.close();
  });

  it('logs requests by method and path only', async () => {
    const signIn = await logged.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '203.0.113.77',
      payload: { identifier: person.email, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'teduh_session')?.value as string;
    await logged.app.inject({
      method: 'GET',
      url: `/api/v1/auth/invitations/${'a'.repeat(43)}`,
      headers: { cookie: `teduh_session=${cookie}` },
    });
    await logged.app.inject({
      method: 'GET',
      url: `/api/v1/audit?subjectId=${person.id}&q=${encodeURIComponent(person.fullName)}`,
      headers: { cookie: `teduh_session=${cookie}` },
    });
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [
      person.email,
      person.nip as string,
      'Ni Luh',
      TEST_PASSWORD,
      cookie,
      'a'.repeat(43),
      '203.0.113.77',
    ]) {
      expect(text, `log contains ${secret}`).not.toContain(secret);
    }
    expect(text).toContain('/api/v1/auth/invitations/:token');
  });
});
