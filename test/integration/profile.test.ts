import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, TEST_PASSWORD } from '../support/factories.js';
import { createTestAppWithAgency, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/** The person's own profile: the short name they are greeted by (docs/decisions/022-preferred-name-and-own-state.md). */
describe.skipIf(postgresSkipReason())('profile: the name I am greeted by', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  const signedIn = async (fullName: string) => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId, fullName });
    await t.services.db.db.updateTable('people').set({ phone: '0812 1111 2222' }).where('id', '=', p.id).execute();
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD);
    return { p, agent };
  };
  const personOf = async (agent: Awaited<ReturnType<typeof signedIn>>['agent']) =>
    (await agent.get('/api/v1/auth/session')).json().person;

  it('greets by the first name without titles until a short name is chosen, and shows the own phone', async () => {
    const { agent } = await signedIn('Dr. Ir. Hartono Wibisono, M.Si.');
    expect(await personOf(agent)).toMatchObject({
      fullName: 'Dr. Ir. Hartono Wibisono, M.Si.',
      preferredName: null,
      greetingName: 'Hartono',
      phone: '0812 1111 2222',
    });
  });

  it('stores a chosen short name, tidied, and clears it when emptied', async () => {
    const { p, agent } = await signedIn('Hj. Siti Aminah, S.Pd.');
    const set = await agent.patch('/api/v1/profile', { preferredName: '  Bu   Siti ' });
    expect(set.statusCode).toBe(200);
    expect(await personOf(agent)).toMatchObject({ preferredName: 'Bu Siti', greetingName: 'Bu Siti', locale: 'id' });
    const row = await t.services.db.db
      .selectFrom('people')
      .select('preferred_name')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.preferred_name).toBe('Bu Siti');
    // It is the person's own data: their copy carries it (UU PDP art. 7).
    const copy = JSON.parse((await agent.get('/api/v1/me/export.json')).body);
    expect(copy.profile).toMatchObject({ fullName: 'Hj. Siti Aminah, S.Pd.', preferredName: 'Bu Siti' });
    // The language is untouched by a name change, and the other way round.
    await agent.patch('/api/v1/profile', { locale: 'en' });
    expect(await personOf(agent)).toMatchObject({ preferredName: 'Bu Siti', locale: 'en' });
    await agent.patch('/api/v1/profile', { preferredName: '' });
    expect(await personOf(agent)).toMatchObject({ preferredName: null, greetingName: 'Siti' });
  });

  it('refuses a name that is too long or not a name with a localized 400, and changes nothing', async () => {
    const { agent } = await signedIn('Budi Santoso');
    await agent.patch('/api/v1/profile', { preferredName: 'Budi' });
    const long = await agent.patch('/api/v1/profile', { preferredName: 'x'.repeat(41) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toEqual([expect.objectContaining({ path: 'preferredName' })]);
    const odd = await agent.patch('/api/v1/profile', { preferredName: '<script>' });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.details[0].message).toBe('Formatnya tidak sesuai.');
    expect((await agent.patch('/api/v1/profile', {})).statusCode).toBe(400);
    expect((await personOf(agent)).preferredName).toBe('Budi');
  });

  it('is only ever the signed-in person’s own: signed out is a 401', async () => {
    expect((await t.anonymous().patch('/api/v1/profile', { preferredName: 'Siapa' })).statusCode).toBe(401);
  });
});
