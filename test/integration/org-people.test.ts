import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/server/http/errors.js';
import { auditEntries } from '../support/audit-entries.js';
import { createPerson, createUnit, makeNip, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

type Signed = SignedIn & { agencyId: string; unitId: string };

describe.skipIf(postgresSkipReason())('people', () => {
  let t: TestApp;
  let admin: Signed;
  let manager: Signed;
  let employee: Signed;
  let otherAdmin: Signed;
  let rootId: string;
  let bidang: string;
  let seksi: string;
  let bidang2: string;
  let inBidang: TestPerson;
  let inSeksi: TestPerson;
  let inBidang2: TestPerson;
  let inactive: TestPerson;

  const db = () => t.services.db.db;
  const personRow = (id: string) =>
    db().selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const peopleCount = async () =>
    Number(
      (
        await db()
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'agency_admin');
    rootId = admin.unitId;
    bidang = await createUnit(db(), admin.agencyId, rootId, { name: 'Bidang Pengembangan', code: 'BANG' });
    seksi = await createUnit(db(), admin.agencyId, bidang, { name: 'Seksi Diklat', code: 'DIKLAT' });
    bidang2 = await createUnit(db(), admin.agencyId, rootId, { name: 'Bidang Mutasi', code: 'MUTASI' });
    manager = await loginAs(t, 'manager', { agencyId: admin.agencyId, unitId: bidang, scopeUnitId: bidang });
    employee = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: bidang });
    otherAdmin = await loginAs(t, 'agency_admin');
    const keys = t.services.keys;
    inBidang = await createPerson(db(), keys, {
      agencyId: admin.agencyId,
      unitId: bidang,
      fullName: 'Ayu Lestari',
      password: null,
    });
    inSeksi = await createPerson(db(), keys, {
      agencyId: admin.agencyId,
      unitId: seksi,
      fullName: 'Bagus Pratama',
      employmentType: 'pppk',
    });
    inBidang2 = await createPerson(db(), keys, {
      agencyId: admin.agencyId,
      unitId: bidang2,
      fullName: 'Citra Dewi',
      email: 'Citra.Dewi@Uji.go.id',
    });
    inactive = await createPerson(db(), keys, {
      agencyId: admin.agencyId,
      unitId: bidang,
      fullName: 'Dodi Lama',
      isActive: false,
    });
  });
  afterAll(async () => t.close());

  describe('GET /api/v1/people', () => {
    it('refuses without a session and to a plain employee', async () => {
      expect((await t.anonymous().get('/api/v1/people')).statusCode).toBe(401);
      expect((await employee.agent.get('/api/v1/people')).statusCode).toBe(403);
    });

    it('shows the agency admin every active person, by name, paged with a total', async () => {
      const res = await admin.agent.get('/api/v1/people?pageSize=100');
      expect(res.statusCode).toBe(200);
      const page = res.json();
      const names = (page.items as Array<{ fullName: string }>).map((p) => p.fullName);
      expect(page.total).toBe(6);
      expect(names).toEqual([...names].sort());
      expect(names).toContain('Citra Dewi');
      expect(names).not.toContain('Dodi Lama');
      const second = (await admin.agent.get('/api/v1/people?pageSize=3&page=2')).json();
      expect(second).toMatchObject({ total: 6, page: 2, pageSize: 3 });
      expect(second.items.map((p: { fullName: string }) => p.fullName)).toEqual(names.slice(3, 6));
    });

    it('shows a manager only the people in the units they manage', async () => {
      const res = await manager.agent.get('/api/v1/people?pageSize=100');
      expect(res.statusCode).toBe(200);
      const ids = (res.json().items as Array<{ id: string }>).map((p) => p.id).sort();
      expect(ids).toEqual([inBidang.id, inSeksi.id, manager.person.id, employee.person.id].sort());
      expect(res.json().total).toBe(4);
      // A unit filter outside their units gives nothing, not an error that confirms the unit.
      const outside = await manager.agent.get(`/api/v1/people?unitId=${bidang2}`);
      expect(outside.json()).toMatchObject({ items: [], total: 0 });
      const onlySeksi = await manager.agent.get(`/api/v1/people?unitId=${seksi}`);
      expect(onlySeksi.json().items.map((p: { id: string }) => p.id)).toEqual([inSeksi.id]);
    });

    it('never shows another agency’s people, and treats its unit ids as unknown', async () => {
      const res = await otherAdmin.agent.get('/api/v1/people?pageSize=100');
      expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([otherAdmin.person.id]);
      const cross = await otherAdmin.agent.get(`/api/v1/people?unitId=${bidang}`);
      expect(cross.statusCode).toBe(404);
      const search = await otherAdmin.agent.get('/api/v1/people?q=ayu');
      expect(search.json().total).toBe(0);
    });

    it('searches name, email and NIP, also a NIP typed with spaces', async () => {
      const byName = await admin.agent.get('/api/v1/people?q=AYU%20les');
      expect(byName.json().items.map((p: { id: string }) => p.id)).toEqual([inBidang.id]);
      const byEmail = await admin.agent.get('/api/v1/people?q=citra.dewi@');
      expect(byEmail.json().items.map((p: { id: string }) => p.id)).toEqual([inBidang2.id]);
      const nip = inSeksi.nip as string;
      const spaced = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
      const byNip = await admin.agent.get(`/api/v1/people?q=${encodeURIComponent(spaced)}`);
      expect(byNip.json().items.map((p: { id: string }) => p.id)).toEqual([inSeksi.id]);
      // LIKE wildcards are taken literally.
      expect((await admin.agent.get('/api/v1/people?q=%25')).json().total).toBe(0);
    });

    it('filters by unit, sub-units, role, employment type and status', async () => {
      const withSub = await admin.agent.get(`/api/v1/people?unitId=${bidang}&pageSize=100`);
      expect(withSub.json().total).toBe(4);
      const direct = await admin.agent.get(`/api/v1/people?unitId=${bidang}&includeSubunits=false&pageSize=100`);
      expect(direct.json().total).toBe(3);
      const managers = await admin.agent.get('/api/v1/people?role=manager');
      expect(managers.json().items.map((p: { id: string }) => p.id)).toEqual([manager.person.id]);
      const pppk = await admin.agent.get('/api/v1/people?employmentType=pppk');
      expect(pppk.json().items.map((p: { id: string }) => p.id)).toEqual([inSeksi.id]);
      const gone = await admin.agent.get('/api/v1/people?status=inactive');
      expect(gone.json().items.map((p: { id: string }) => p.id)).toEqual([inactive.id]);
      expect((await admin.agent.get('/api/v1/people?status=all&pageSize=100')).json().total).toBe(7);
      expect((await admin.agent.get('/api/v1/people?status=nope')).statusCode).toBe(400);
    });

    it('tells roles, sign-up and pending invitations apart', async () => {
      const invite = await admin.agent.post(`/api/v1/people/${inBidang.id}/invitation`);
      expect(invite.statusCode).toBe(200);
      const items = (await admin.agent.get('/api/v1/people?pageSize=100')).json().items as Array<
        Record<string, unknown>
      >;
      const find = (id: string) => items.find((p) => p.id === id);
      expect(find(inBidang.id)).toMatchObject({ hasSignedUp: false, invitationPending: true, roles: ['employee'] });
      expect(find(inSeksi.id)).toMatchObject({ hasSignedUp: true, invitationPending: false });
      expect(find(manager.person.id)).toMatchObject({
        roles: ['employee', 'manager'],
        unitName: 'Bidang Pengembangan',
      });
      expect(find(admin.person.id)?.roles).toEqual(['employee', 'agency_admin']);
    });
  });

  describe('GET /api/v1/people/:id', () => {
    it('refuses without a session, to an employee, and answers 404 outside the viewer’s reach', async () => {
      expect((await t.anonymous().get(`/api/v1/people/${inBidang.id}`)).statusCode).toBe(401);
      expect((await employee.agent.get(`/api/v1/people/${inBidang.id}`)).statusCode).toBe(403);
      expect((await otherAdmin.agent.get(`/api/v1/people/${inBidang.id}`)).statusCode).toBe(404);
      expect((await manager.agent.get(`/api/v1/people/${inBidang2.id}`)).statusCode).toBe(404);
    });

    it('shows the record and audits a view of someone else', async () => {
      const res = await manager.agent.get(`/api/v1/people/${inSeksi.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: inSeksi.id,
        unitId: seksi,
        unitName: 'Seksi Diklat',
        employmentType: 'pppk',
        locale: 'id',
        grants: [],
      });
      expect(Object.keys(res.json())).not.toContain('search_text');
      const views = await auditEntries(t, 'org.person_viewed', { subjectId: inSeksi.id });
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ actor_id: manager.person.id, actor_role: 'manager' });
      // Looking at oneself is not a view of someone else's record.
      const self = await admin.agent.get(`/api/v1/people/${admin.person.id}`);
      expect(self.json()).toMatchObject({ twoFactorEnabled: true, grants: [{ role: 'agency_admin', unitId: null }] });
      expect(await auditEntries(t, 'org.person_viewed', { subjectId: admin.person.id })).toHaveLength(0);
    });
  });

  describe('POST /api/v1/people', () => {
    const body = (over: Record<string, unknown> = {}) => ({
      fullName: 'Eka Saputra',
      employmentType: 'pns',
      nip: makeNip(),
      email: 'Eka.Saputra@Uji.go.id',
      phone: '0812 3456 7890',
      position: 'Analis SDM Aparatur',
      unitId: bidang,
      ...over,
    });

    it('refuses without a session and to an employee', async () => {
      expect((await t.anonymous().post('/api/v1/people', body())).statusCode).toBe(401);
      expect((await employee.agent.post('/api/v1/people', body())).statusCode).toBe(403);
    });

    it('refuses another agency’s unit or manager, writing nothing', async () => {
      const before = await peopleCount();
      const unit = await otherAdmin.agent.post('/api/v1/people', body());
      expect(unit.statusCode).toBe(422);
      expect(unit.json().error.code).toBe('unit_not_found');
      const mgr = await otherAdmin.agent.post(
        '/api/v1/people',
        body({ unitId: otherAdmin.unitId, managerId: inBidang.id }),
      );
      expect(mgr.statusCode).toBe(422);
      expect(mgr.json().error.code).toBe('manager_not_found');
      expect(await peopleCount()).toBe(before);
    });

    it('adds a person, keeps the search text and normalized email, and audits it', async () => {
      const input = body({ managerId: inBidang.id });
      const spaced = `${input.nip.slice(0, 8)} ${input.nip.slice(8, 14)} ${input.nip.slice(14, 15)} ${input.nip.slice(15)}`;
      const res = await admin.agent.post('/api/v1/people', { ...input, nip: spaced });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        fullName: 'Eka Saputra',
        nip: input.nip,
        email: 'eka.saputra@uji.go.id',
        managerId: inBidang.id,
        managerName: 'Ayu Lestari',
        isActive: true,
      });
      const row = await personRow(created.id);
      expect(row).toMatchObject({ agency_id: admin.agencyId, email_normalized: 'eka.saputra@uji.go.id' });
      expect(row.search_text).toContain('eka saputra');
      expect(row.search_text).toContain(input.nip);
      const entries = await auditEntries(t, 'org.person_created', { subjectId: created.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]?.actor_id).toBe(admin.person.id);
      expect((await admin.agent.get('/api/v1/people?q=saputra')).json().total).toBe(1);
    });

    it('refuses a NIP or email already registered anywhere', async () => {
      const nip = await admin.agent.post('/api/v1/people', body({ nip: otherAdmin.person.nip }));
      expect(nip.statusCode).toBe(409);
      expect(nip.json().error).toMatchObject({ code: 'nip_taken', message: 'NIP ini sudah terdaftar.' });
      const email = await admin.agent.post('/api/v1/people', body({ email: otherAdmin.person.email.toUpperCase() }));
      expect(email.statusCode).toBe(409);
      expect(email.json().error.code).toBe('email_taken');
    });

    it('checks the NIP in the schema, localized, and writes nothing', async () => {
      const before = await peopleCount();
      const res = await admin.agent.post('/api/v1/people', body({ nip: '1234' }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        { path: 'nip', code: 'nip.wrong_length', message: 'NIP harus terdiri dari 18 angka.' },
      ]);
      const nonAsn = await admin.agent.post('/api/v1/people', body({ employmentType: 'non_asn' }));
      expect(nonAsn.json().error.details[0].code).toBe('nip.not_allowed_for_non_asn');
      const missing = await admin.agent.post('/api/v1/people', { unitId: bidang });
      expect(missing.statusCode).toBe(400);
      expect(
        missing
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
      ).toEqual(['employmentType', 'fullName']);
      expect(await peopleCount()).toBe(before);
    });

    it('re-checks the NIP with the server clock', async () => {
      const now = t.clock.now();
      // The server's date is 2019: a PPPK appointed in 2021 is in the future for it.
      t.clock.set(new Date('2019-06-01T02:00:00Z'));
      try {
        const res = await admin.agent.post(
          '/api/v1/people',
          body({ employmentType: 'pppk', nip: '199001012021211001' }),
        );
        expect(res.statusCode).toBe(422);
        expect(res.json().error.details).toEqual([
          {
            path: 'nip',
            code: 'nip.appointment_in_future',
            message: 'Tahun pengangkatan pada NIP berada terlalu jauh di masa depan.',
          },
        ]);
      } finally {
        t.clock.set(now);
      }
    });

    it('adds a non-ASN person without a NIP', async () => {
      const res = await admin.agent.post(
        '/api/v1/people',
        body({ employmentType: 'non_asn', nip: null, email: 'konselor@uji.go.id', fullName: 'Fajar Konselor' }),
      );
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ nip: null, employmentType: 'non_asn' });
    });
  });

  describe('PATCH /api/v1/people/:id', () => {
    it('refuses without a session, to an employee, and answers 404 to another agency', async () => {
      expect((await t.anonymous().patch(`/api/v1/people/${inBidang.id}`, { fullName: 'X' })).statusCode).toBe(401);
      expect((await employee.agent.patch(`/api/v1/people/${inBidang.id}`, { fullName: 'X' })).statusCode).toBe(403);
      expect((await otherAdmin.agent.patch(`/api/v1/people/${inBidang.id}`, { fullName: 'X' })).statusCode).toBe(404);
      expect((await personRow(inBidang.id)).full_name).toBe('Ayu Lestari');
    });

    it('refuses a unit or manager of another agency', async () => {
      const unit = await admin.agent.patch(`/api/v1/people/${inBidang.id}`, { unitId: otherAdmin.unitId });
      expect(unit.statusCode).toBe(422);
      expect(unit.json().error.code).toBe('unit_not_found');
      const mgr = await admin.agent.patch(`/api/v1/people/${inBidang.id}`, { managerId: otherAdmin.person.id });
      expect(mgr.statusCode).toBe(422);
      expect(mgr.json().error.code).toBe('manager_not_found');
      expect((await personRow(inBidang.id)).manager_id).toBeNull();
    });

    it('changes fields, keeps search text in sync, and audits field names only', async () => {
      const res = await admin.agent.patch(`/api/v1/people/${inBidang2.id}`, {
        fullName: 'Citra Kirana',
        position: 'Kepala Subbagian',
        email: 'citra.k@uji.go.id',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        fullName: 'Citra Kirana',
        position: 'Kepala Subbagian',
        email: 'citra.k@uji.go.id',
      });
      const row = await personRow(inBidang2.id);
      expect(row.search_text).toContain('citra kirana');
      expect(row.email_normalized).toBe('citra.k@uji.go.id');
      const entries = await auditEntries(t, 'org.person_updated', { subjectId: inBidang2.id });
      expect(entries.at(-1)?.details).toEqual({ changed: ['fullName', 'email', 'position'] });
      const raw = await db()
        .selectFrom('audit_log')
        .select('details')
        .where('id', '=', entries.at(-1)?.id as string)
        .executeTakeFirstOrThrow();
      expect(raw.details).not.toContain('Kirana');
      expect((await admin.agent.get('/api/v1/people?q=kirana')).json().total).toBe(1);
    });

    it('refuses oneself or a report as manager', async () => {
      const self = await admin.agent.patch(`/api/v1/people/${inBidang.id}`, { managerId: inBidang.id });
      expect(self.statusCode).toBe(422);
      expect(self.json().error.code).toBe('manager_self');
      expect((await admin.agent.patch(`/api/v1/people/${inSeksi.id}`, { managerId: inBidang.id })).statusCode).toBe(
        200,
      );
      const third = await createPerson(db(), t.services.keys, {
        agencyId: admin.agencyId,
        unitId: seksi,
        managerId: inSeksi.id,
      });
      // inBidang ← inSeksi ← third: making third the manager of inBidang closes the loop.
      const loop = await admin.agent.patch(`/api/v1/people/${inBidang.id}`, { managerId: third.id });
      expect(loop.statusCode).toBe(422);
      expect(loop.json().error).toMatchObject({
        code: 'manager_cycle',
        message: 'Pilihan atasan ini membuat rantai atasan berputar.',
      });
      expect((await personRow(inBidang.id)).manager_id).toBeNull();
    });

    it('refuses an email someone else holds, and a NIP that does not fit the new employment type', async () => {
      const email = await admin.agent.patch(`/api/v1/people/${inBidang.id}`, { email: otherAdmin.person.email });
      expect(email.statusCode).toBe(409);
      expect(email.json().error.code).toBe('email_taken');
      // Switching to non-ASN while keeping the NIP is caught by the service.
      const nonAsn = await admin.agent.patch(`/api/v1/people/${inBidang.id}`, { employmentType: 'non_asn' });
      expect(nonAsn.statusCode).toBe(422);
      expect(nonAsn.json().error.details[0]).toMatchObject({ path: 'nip', code: 'nip.not_allowed_for_non_asn' });
      const ok = await admin.agent.patch(`/api/v1/people/${inBidang.id}`, { employmentType: 'non_asn', nip: null });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ employmentType: 'non_asn', nip: null });
    });
  });

  describe('deactivate and reactivate', () => {
    it('refuses without a session, to an employee, and answers 404 to another agency', async () => {
      for (const action of ['deactivate', 'reactivate']) {
        expect((await t.anonymous().post(`/api/v1/people/${inSeksi.id}/${action}`)).statusCode).toBe(401);
        expect((await employee.agent.post(`/api/v1/people/${inSeksi.id}/${action}`)).statusCode).toBe(403);
        expect((await otherAdmin.agent.post(`/api/v1/people/${inSeksi.id}/${action}`)).statusCode).toBe(404);
      }
      expect((await personRow(inSeksi.id)).is_active).toBe(1);
    });

    it('deactivates without deleting and ends every session of the person', async () => {
      const person = await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: bidang2 });
      const browser = t.anonymous();
      await browser.signIn(person.email, TEST_PASSWORD);
      expect((await browser.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
      const res = await admin.agent.post(`/api/v1/people/${person.id}/deactivate`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ isActive: false, deactivatedAt: t.clock.now().toISOString() });
      const row = await personRow(person.id);
      expect(row).toMatchObject({ is_active: 0 });
      expect(await db().selectFrom('sessions').select('id').where('person_id', '=', person.id).execute()).toHaveLength(
        0,
      );
      expect((await browser.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
      expect(await auditEntries(t, 'org.person_deactivated', { subjectId: person.id })).toHaveLength(1);

      const back = await admin.agent.post(`/api/v1/people/${person.id}/reactivate`);
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({ isActive: true, deactivatedAt: null });
      expect(await auditEntries(t, 'org.person_reactivated', { subjectId: person.id })).toHaveLength(1);
      expect(await t.anonymous().signIn(person.email, TEST_PASSWORD)).toBe('full');
    });

    it('does not let an admin deactivate themselves', async () => {
      const res = await admin.agent.post(`/api/v1/people/${admin.person.id}/deactivate`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'self_deactivate',
        message: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
      });
      expect((await personRow(admin.person.id)).is_active).toBe(1);
    });

    it('keeps the last active agency admin', async () => {
      // Through HTTP the acting admin always remains; the rule still guards other callers.
      const actor = {
        personId: inSeksi.id,
        agencyId: admin.agencyId,
        grants: [{ role: 'agency_admin' as const, unitId: null }],
      };
      const origin = { agencyId: admin.agencyId, actorId: inSeksi.id, actorRole: 'agency_admin', requestId: 'test' };
      const attempt = t.services.people.deactivate(actor, admin.person.id, origin);
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(t.services.people.deactivate(actor, admin.person.id, origin)).rejects.toMatchObject({
        status: 409,
        code: 'last_agency_admin',
      });
      expect((await personRow(admin.person.id)).is_active).toBe(1);
    });

    it('does not reactivate a person into an inactive unit', async () => {
      const unit = await createUnit(db(), admin.agencyId, rootId, { code: 'TUTUP' });
      const person = await createPerson(db(), t.services.keys, {
        agencyId: admin.agencyId,
        unitId: unit,
        isActive: false,
      });
      await db().updateTable('org_units').set({ is_active: 0 }).where('id', '=', unit).execute();
      const res = await admin.agent.post(`/api/v1/people/${person.id}/reactivate`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('unit_inactive');
    });
  });
});
