import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../support/audit-entries.js';
import { createPerson, createUnit } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

type Admin = SignedIn & { agencyId: string; unitId: string };

describe.skipIf(postgresSkipReason())('organisation units', () => {
  let t: TestApp;
  let admin: Admin;
  let otherAdmin: Admin;
  let employee: SignedIn;
  let rootId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'agency_admin');
    rootId = admin.unitId;
    employee = await loginAs(t, 'employee', { agencyId: admin.agencyId });
    otherAdmin = await loginAs(t, 'agency_admin');
  });
  afterAll(async () => t.close());

  const db = () => t.services.db.db;
  const unitRow = (id: string) => db().selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  const unitCount = async (agencyId: string) =>
    Number(
      (
        await db()
          .selectFrom('org_units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('agency_id', '=', agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('GET /api/v1/units', () => {
    it('needs a session', async () => {
      expect((await t.anonymous().get('/api/v1/units')).statusCode).toBe(401);
    });

    it('lists every unit of the own agency, inactive ones too, with active people directly in each', async () => {
      const bidang = await createUnit(db(), admin.agencyId, rootId, { name: 'Bidang Mutasi', code: 'MUT' });
      const seksi = await createUnit(db(), admin.agencyId, bidang, { name: 'Seksi Arsip', code: 'ARS' });
      const closed = await createUnit(db(), admin.agencyId, rootId, { name: 'Unit Lama', code: 'LAMA' });
      await db().updateTable('org_units').set({ is_active: 0 }).where('id', '=', closed).execute();
      await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: bidang });
      await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: bidang });
      await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: bidang, isActive: false });
      await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: seksi });

      // A plain employee reads the unit list (forms need it); no one sees another agency's units.
      const res = await employee.agent.get('/api/v1/units');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{
        id: string;
        parentId: string | null;
        peopleCount: number;
        isActive: boolean;
      }>;
      const byId = new Map(items.map((u) => [u.id, u]));
      expect(byId.get(bidang)?.peopleCount).toBe(2);
      expect(byId.get(seksi)?.peopleCount).toBe(1);
      expect(byId.get(closed)?.isActive).toBe(false);
      // Root holds the admin and the employee.
      expect(byId.get(rootId)?.peopleCount).toBe(2);
      expect(items[0]?.id).toBe(rootId);
      expect(items.findIndex((u) => u.id === bidang)).toBeLessThan(items.findIndex((u) => u.id === seksi));
      expect(items.every((u) => u.id !== otherAdmin.unitId)).toBe(true);
      expect(items).toHaveLength(await unitCount(admin.agencyId));
    });
  });

  describe('POST /api/v1/units', () => {
    const body = (over: Record<string, unknown> = {}) => ({
      name: 'Bidang Kesejahteraan',
      code: 'KESRA',
      parentId: rootId,
      timeZone: 'Asia/Jakarta',
      ...over,
    });

    it('refuses without a session, to an employee, and to another agency’s admin', async () => {
      expect((await t.anonymous().post('/api/v1/units', body())).statusCode).toBe(401);
      const asEmployee = await employee.agent.post('/api/v1/units', body());
      expect(asEmployee.statusCode).toBe(403);
      expect(asEmployee.json().error.code).toBe('forbidden');
      // The other agency's admin names this agency's unit as parent: not found, nothing written.
      const before = await unitCount(otherAdmin.agencyId);
      const cross = await otherAdmin.agent.post('/api/v1/units', body({ code: 'SUSUP' }));
      expect(cross.statusCode).toBe(422);
      expect(cross.json().error.code).toBe('unit_not_found');
      expect(await unitCount(otherAdmin.agencyId)).toBe(before);
      expect(await unitCount(admin.agencyId)).toBeGreaterThan(0);
    });

    it('creates a unit and audits it', async () => {
      const res = await admin.agent.post('/api/v1/units', body());
      expect(res.statusCode).toBe(201);
      const unit = res.json();
      expect(unit).toMatchObject({
        name: 'Bidang Kesejahteraan',
        code: 'KESRA',
        parentId: rootId,
        isActive: true,
        peopleCount: 0,
      });
      expect(await unitRow(unit.id)).toMatchObject({ agency_id: admin.agencyId, parent_id: rootId });
      const entries = await auditEntries(t, 'org.unit_created', { resourceId: unit.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actor_id: admin.person.id,
        actor_role: 'agency_admin',
        agency_id: admin.agencyId,
      });
    });

    it('refuses a code already used in the agency, naming it', async () => {
      const res = await admin.agent.post('/api/v1/units', body({ name: 'Lain', code: 'KESRA' }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'unit_code_taken',
        message: 'Kode unit "KESRA" sudah dipakai di instansi ini.',
      });
      // Another agency may use the same code.
      expect(
        (await otherAdmin.agent.post('/api/v1/units', body({ code: 'KESRA', parentId: otherAdmin.unitId }))).statusCode,
      ).toBe(201);
    });

    it('answers bad input with localized field messages and writes nothing', async () => {
      const before = await unitCount(admin.agencyId);
      const res = await admin.agent.post('/api/v1/units', {
        name: '',
        code: 'bad code!',
        parentId: 'nope',
        timeZone: 'Europe/Paris',
      });
      expect(res.statusCode).toBe(400);
      const details = res.json().error.details as Array<{ path: string; message: string }>;
      expect(details.map((d) => d.path).sort()).toEqual(['code', 'name', 'parentId', 'timeZone']);
      expect(details.find((d) => d.path === 'timeZone')?.message).toBe('Pilih zona waktu WIB, WITA, atau WIT.');
      expect(details.find((d) => d.path === 'code')?.message).toBe(
        'Kode unit hanya boleh berisi huruf, angka, titik, garis bawah, dan tanda hubung.',
      );
      expect(await unitCount(admin.agencyId)).toBe(before);
    });

    it('refuses an inactive parent', async () => {
      const closed = await createUnit(db(), admin.agencyId, rootId, { code: 'TUTUP' });
      await db().updateTable('org_units').set({ is_active: 0 }).where('id', '=', closed).execute();
      const res = await admin.agent.post('/api/v1/units', body({ code: 'DIBAWAH', parentId: closed }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('unit_inactive');
    });
  });

  describe('PATCH /api/v1/units/:id', () => {
    let a: string;
    let b: string;
    let c: string;

    beforeAll(async () => {
      a = await createUnit(db(), admin.agencyId, rootId, { name: 'A', code: 'PA' });
      b = await createUnit(db(), admin.agencyId, a, { name: 'B', code: 'PB' });
      c = await createUnit(db(), admin.agencyId, b, { name: 'C', code: 'PC' });
    });

    it('refuses without a session, to an employee, and answers 404 to another agency’s admin', async () => {
      expect((await t.anonymous().patch(`/api/v1/units/${a}`, { name: 'X' })).statusCode).toBe(401);
      expect((await employee.agent.patch(`/api/v1/units/${a}`, { name: 'X' })).statusCode).toBe(403);
      const cross = await otherAdmin.agent.patch(`/api/v1/units/${a}`, { name: 'Dibajak' });
      expect(cross.statusCode).toBe(404);
      expect((await unitRow(a))?.name).toBe('A');
      // Nor can this agency's admin move a unit under the other agency's unit.
      const under = await admin.agent.patch(`/api/v1/units/${a}`, { parentId: otherAdmin.unitId });
      expect(under.statusCode).toBe(422);
      expect(under.json().error.code).toBe('unit_not_found');
      expect((await unitRow(a))?.parent_id).toBe(rootId);
    });

    it('renames and audits the changed field names only', async () => {
      const res = await admin.agent.patch(`/api/v1/units/${a}`, { name: 'Bidang A', timeZone: 'Asia/Makassar' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Bidang A', timeZone: 'Asia/Makassar' });
      const entries = await auditEntries(t, 'org.unit_updated', { resourceId: a });
      expect(entries.at(-1)?.details).toEqual({ changed: ['name', 'timeZone'] });
    });

    it('moves a unit, but not under itself or its own descendant', async () => {
      const self = await admin.agent.patch(`/api/v1/units/${a}`, { parentId: a });
      expect(self.statusCode).toBe(422);
      expect(self.json().error.code).toBe('unit_cycle');
      const down = await admin.agent.patch(`/api/v1/units/${a}`, { parentId: c });
      expect(down.statusCode).toBe(422);
      expect(down.json().error).toMatchObject({
        code: 'unit_cycle',
        message: 'Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau subunitnya.',
      });
      expect((await unitRow(a))?.parent_id).toBe(rootId);
      const moved = await admin.agent.patch(`/api/v1/units/${c}`, { parentId: a });
      expect(moved.statusCode).toBe(200);
      expect(moved.json().parentId).toBe(a);
      expect((await auditEntries(t, 'org.unit_updated', { resourceId: c })).at(-1)?.details).toEqual({
        changed: ['parentId'],
      });
    });

    it('keeps the top unit on top and active', async () => {
      const move = await admin.agent.patch(`/api/v1/units/${rootId}`, { parentId: a });
      expect(move.statusCode).toBe(422);
      expect(move.json().error.code).toBe('root_unit_required');
      const off = await admin.agent.patch(`/api/v1/units/${rootId}`, { isActive: false });
      expect(off.json().error.code).toBe('root_unit_required');
      expect((await unitRow(rootId))?.is_active).toBe(1);
      // Renaming the top unit is fine.
      expect((await admin.agent.patch(`/api/v1/units/${rootId}`, { name: 'Sekretariat' })).statusCode).toBe(200);
    });

    it('deactivates only units without active sub-units or active people', async () => {
      const withChild = await admin.agent.patch(`/api/v1/units/${a}`, { isActive: false });
      expect(withChild.statusCode).toBe(409);
      expect(withChild.json().error.code).toBe('unit_has_children');
      const staffed = await createUnit(db(), admin.agencyId, rootId, { code: 'STAF' });
      const person = await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: staffed });
      const withPeople = await admin.agent.patch(`/api/v1/units/${staffed}`, { isActive: false });
      expect(withPeople.statusCode).toBe(409);
      expect(withPeople.json().error.code).toBe('unit_has_people');
      await db().updateTable('people').set({ is_active: 0 }).where('id', '=', person.id).execute();
      const ok = await admin.agent.patch(`/api/v1/units/${staffed}`, { isActive: false });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().isActive).toBe(false);
      expect((await auditEntries(t, 'org.unit_updated', { resourceId: staffed })).at(-1)?.details).toEqual({
        changed: ['isActive'],
      });
      // A sub-unit cannot be reactivated or created under it while it is inactive.
      const child = await createUnit(db(), admin.agencyId, rootId, { code: 'ANAK' });
      const move = await admin.agent.patch(`/api/v1/units/${child}`, { parentId: staffed });
      expect(move.json().error.code).toBe('unit_inactive');
    });

    it('refuses a code used by another unit of the agency', async () => {
      const res = await admin.agent.patch(`/api/v1/units/${b}`, { code: 'PA' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'unit_code_taken' });
      expect((await unitRow(b))?.code).toBe('PB');
    });

    it('answers bad input with 400 in the person’s own language', async () => {
      const res = await admin.agent.patch(`/api/v1/units/${b}`, { code: '' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: 'code', message: 'Wajib diisi.' });
      await otherAdmin.agent.patch('/api/v1/profile', { locale: 'en' });
      const en = await otherAdmin.agent.patch(`/api/v1/units/${otherAdmin.unitId}`, { timeZone: 'UTC' });
      expect(en.statusCode).toBe(400);
      expect(en.json().error.details[0]).toMatchObject({
        path: 'timeZone',
        message: 'Choose the WIB, WITA or WIT time zone.',
      });
      const badId = await admin.agent.patch('/api/v1/units/not-a-uuid', { name: 'X' });
      expect(badId.statusCode).toBe(400);
    });
  });
});
