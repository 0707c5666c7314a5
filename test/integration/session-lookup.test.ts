import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/crypto.js';
import { createAgency, createPerson, TEST_PASSWORD } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Every request's session lookup is one joined read (session ⋈ person, grants, two-step state),
 * shared by the requests that arrive together (docs/decisions/037-check-in-submit-on-postgresql.md).
 * It must refuse everything the three separate reads before it refused, and never hand one
 * request another's session.
 */
describe.skipIf(postgresSkipReason())('the session lookup', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  const db = () => t.services.db.db;

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  const signedIn = async (options: { fullName?: string } = {}) => {
    const p = await createPerson(db(), t.services.keys, { agencyId, unitId, ...options });
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD);
    return { p, agent };
  };
  const sessionRows = (personId: string) =>
    db().selectFrom('sessions').select('id').where('person_id', '=', personId).execute();

  it('finds a live session with its person, roles and language', async () => {
    const { p, agent } = await signedIn({ fullName: 'Sekar Ayu Lestari' });
    await db().updateTable('people').set({ locale: 'en' }).where('id', '=', p.id).execute();
    const res = await agent.get('/api/v1/auth/session');
    expect(res.json()).toMatchObject({
      stage: 'full',
      person: { id: p.id, fullName: 'Sekar Ayu Lestari', locale: 'en' },
      roles: ['employee'],
    });
  });

  it('refuses an expired, an idle and a revoked session alike, and ends the first two', async () => {
    const idle = await signedIn();
    t.clock.advance(31 * 60_000);
    expect((await idle.agent.get('/api/v1/me/check-ins')).statusCode).toBe(401);
    expect(await sessionRows(idle.p.id)).toHaveLength(0);

    const expired = await signedIn();
    await db()
      .updateTable('sessions')
      .set({ expires_at: new Date(t.clock.now().getTime() - 1).toISOString() })
      .where('person_id', '=', expired.p.id)
      .execute();
    expect((await expired.agent.get('/api/v1/me/check-ins')).statusCode).toBe(401);
    expect(await sessionRows(expired.p.id)).toHaveLength(0);

    const revoked = await signedIn();
    await db().deleteFrom('sessions').where('person_id', '=', revoked.p.id).execute();
    expect((await revoked.agent.get('/api/v1/me/check-ins')).statusCode).toBe(401);
  });

  it('ends the session of a person who was deactivated or moved to another agency', async () => {
    const suspended = await signedIn();
    await db().updateTable('people').set({ is_active: 0 }).where('id', '=', suspended.p.id).execute();
    expect((await suspended.agent.get('/api/v1/me/check-ins')).statusCode).toBe(401);
    expect(await sessionRows(suspended.p.id)).toHaveLength(0);

    // The session names its agency; the person now belongs to another one.
    const moved = await signedIn();
    const other = await createAgency(db());
    await db()
      .updateTable('people')
      .set({ agency_id: other.agencyId, unit_id: other.rootUnitId })
      .where('id', '=', moved.p.id)
      .execute();
    expect((await moved.agent.get('/api/v1/me/check-ins')).statusCode).toBe(401);
    expect(await sessionRows(moved.p.id)).toHaveLength(0);
  });

  it('reads the grants as they are now: a removed grant is gone at the next request', async () => {
    const manager = await loginAs(t, 'manager', { agencyId, unitId });
    const before = (await manager.agent.get('/api/v1/auth/session')).json();
    expect(before.roles).toEqual(expect.arrayContaining(['employee', 'manager']));
    await db().deleteFrom('role_assignments').where('person_id', '=', manager.person.id).execute();
    const after = (await manager.agent.get('/api/v1/auth/session')).json();
    expect(after.stage).toBe('full');
    expect(after.roles).toEqual(['employee']);
  });

  it('sends a person granted a two-step role without two-step sign-in to set it up; with it, full', async () => {
    const { p, agent } = await signedIn();
    await db()
      .insertInto('role_assignments')
      .values({
        id: newId(),
        agency_id: agencyId,
        person_id: p.id,
        role: 'wellbeing_admin',
        unit_id: null,
        granted_by: null,
        granted_at: t.clock.now().toISOString(),
      })
      .execute();
    expect((await agent.get('/api/v1/auth/session')).json()).toMatchObject({ stage: 'two_factor_setup' });

    const admin = await loginAs(t, 'wellbeing_admin', { agencyId, unitId });
    expect((await admin.agent.get('/api/v1/auth/session')).json()).toMatchObject({
      stage: 'full',
      roles: expect.arrayContaining(['wellbeing_admin']),
    });
  });

  it('answers requests that arrive together each with its own session, and an unknown token with none', async () => {
    const people = await Promise.all(
      Array.from({ length: 16 }, (_, i) => signedIn({ fullName: `Pegawai Serentak ${i}` })),
    );
    const stranger = t.anonymous();
    stranger.cookies.set('teduh_session', 'not-a-real-session-token-0123456789');
    const [strangerRes, ...answers] = await Promise.all([
      stranger.get('/api/v1/auth/session'),
      ...people.flatMap(({ agent }) => [agent.get('/api/v1/auth/session'), agent.get('/api/v1/auth/session')]),
    ]);
    expect(strangerRes?.json()).toEqual({ stage: 'signed_out' });
    answers.forEach((res, i) => {
      const { p } = people[Math.floor(i / 2)] as { p: { id: string } };
      expect(res.json()).toMatchObject({ stage: 'full', person: { id: p.id } });
    });
  });
});
