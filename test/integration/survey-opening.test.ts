import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing, newId } from '../../src/server/crypto.js';
import { openSurvey } from '../../src/server/modules/surveys/survey-opening.js';
import { createAgency, createPerson, createUnit } from '../support/factories.js';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '../support/test-database.js';

/**
 * Opening a climate survey (docs/decisions/048-climate-surveys.md): membership, profiles and
 * thresholds frozen (A8, A9), every profile held by at least k members, and no survey that fewer
 * than k could answer.
 */
describe.skipIf(postgresSkipReason())('opening a survey', () => {
  let database: TestDatabase;
  let agencyId: string;
  let root: string;
  let finance: string;
  let tax: string;
  let small: string;
  let adminId: string;
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ agencyId, rootUnitId: root } = await createAgency(db()));
    finance = await createUnit(db(), agencyId, root, { name: 'Badan Keuangan' });
    tax = await createUnit(db(), agencyId, finance, { name: 'Bidang Pajak' });
    small = await createUnit(db(), agencyId, root, { name: 'Inspektorat' });
    const keys = new KeyRing(Buffer.alloc(32, 3));
    const add = async (unitId: string, count: number, employmentType: 'pns' | 'pppk' = 'pns', isActive = true) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1)
        ids.push((await createPerson(db(), keys, { agencyId, unitId, employmentType, isActive })).id);
      return ids;
    };
    adminId = (await add(root, 1))[0] as string;
    await add(finance, 7);
    await add(finance, 5, 'pppk');
    await add(tax, 3);
    await add(small, 4);
    await add(finance, 2, 'pns', false);
  });
  afterAll(async () => database.destroy());

  async function draft(targets: string[], employmentTypes: string[] | null = null): Promise<string> {
    const id = newId();
    const now = new Date().toISOString();
    await db()
      .insertInto('surveys')
      .values({
        id,
        agency_id: agencyId,
        title: JSON.stringify({ id: 'Survei iklim kerja', en: 'Work climate survey' }),
        template_id: 'pulse',
        variant: 'administration',
        definition: '{}',
        status: 'draft',
        target_unit_ids: JSON.stringify(targets),
        employment_types: employmentTypes ? JSON.stringify(employmentTypes) : null,
        opens_on: '2026-12-04',
        closes_on: '2026-12-18',
        previous_survey_id: null,
        threshold: null,
        comment_threshold: null,
        created_by: adminId,
        created_at: now,
        updated_at: now,
        opened_at: null,
        closed_at: null,
      })
      .execute();
    return id;
  }

  const NOW = new Date('2026-12-04T03:00:00Z');

  it('freezes the active members of the target subtrees, k and the comment threshold', async () => {
    const surveyId = await draft([root]);
    const outcome = await openSurvey(db(), { surveyId, agencyId, now: NOW });
    expect(outcome).toMatchObject({ ok: true, memberCount: 20 });
    const survey = await db().selectFrom('surveys').selectAll().where('id', '=', surveyId).executeTakeFirstOrThrow();
    expect(survey).toMatchObject({ status: 'open', threshold: 5, comment_threshold: 10, member_count: 20 });
    const members = await db().selectFrom('survey_members').selectAll().where('survey_id', '=', surveyId).execute();
    expect(members).toHaveLength(20);

    // Every profile held by at least k of the members, and the stored counts are the true ones.
    const profiles = await db().selectFrom('survey_profiles').selectAll().where('survey_id', '=', surveyId).execute();
    for (const p of profiles) {
      expect(p.member_count).toBeGreaterThanOrEqual(5);
      expect(members.filter((m) => m.profile_key === p.profile_key)).toHaveLength(p.member_count);
    }
    // The three of the tax office are too few for a class of their own: they carry Finance's unit.
    const taxProfiles = new Set(members.filter((m) => m.unit_id === tax).map((m) => m.profile_key));
    for (const key of taxProfiles) expect(profiles.find((p) => p.profile_key === key)?.unit_id).not.toBe(tax);
  });

  it('opens once: a second opening changes nothing', async () => {
    const surveyId = await draft([finance]);
    expect((await openSurvey(db(), { surveyId, agencyId, now: NOW })).ok).toBe(true);
    expect(await openSurvey(db(), { surveyId, agencyId, now: NOW })).toEqual({ ok: false, reason: 'not_draft' });
    const members = await db()
      .selectFrom('survey_members')
      .select('person_id')
      .where('survey_id', '=', surveyId)
      .execute();
    expect(members).toHaveLength(15);
  });

  it('asks only the chosen employment types', async () => {
    const surveyId = await draft([finance], ['pppk']);
    expect(await openSurvey(db(), { surveyId, agencyId, now: NOW })).toMatchObject({ ok: true, memberCount: 5 });
  });

  it('does not open a survey fewer than k could answer, and leaves it a draft', async () => {
    const surveyId = await draft([small]);
    expect(await openSurvey(db(), { surveyId, agencyId, now: NOW })).toEqual({ ok: false, reason: 'fewer_than_k' });
    const survey = await db()
      .selectFrom('surveys')
      .select('status')
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(survey.status).toBe('draft');
    expect(
      await db().selectFrom('survey_members').select('person_id').where('survey_id', '=', surveyId).execute(),
    ).toEqual([]);
  });

  it('another agency’s survey is not found', async () => {
    const surveyId = await draft([root]);
    expect(await openSurvey(db(), { surveyId, agencyId: newId(), now: NOW })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });
});
