import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/catalog.js';
import { addCounsellor } from '../support/assessments.js';
import { createUnit } from '../support/factories.js';
import { auditEntries } from '../support/audit-entries.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/** Preset texts live in the message catalogue (the web app's words); tests read them from there. */
const presets = { id: catalogs.id.help.presets, en: catalogs.en.help.presets };

interface Contact {
  id: string;
  preset: string | null;
  name: string;
  description: string | null;
  phone: string | null;
  telHref: string | null;
  url: string | null;
  hours: string;
  isActive: boolean;
  sortOrder: number;
}

describe.skipIf(postgresSkipReason())('help contacts and "please contact me"', () => {
  let t: TestApp;
  let admin: SignedIn & { agencyId: string; unitId: string };
  let employee: SignedIn;
  const db = () => t.services.db.db;
  const adminList = async () => (await admin.agent.get('/api/v1/agency/help-contacts')).json().items as Contact[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'agency_admin');
    employee = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: admin.unitId });
  });
  afterAll(async () => t.close());

  describe('public list', () => {
    it('gives a signed-out visitor the national defaults with their hours, in their language', async () => {
      const res = await t.anonymous().get('/api/v1/help/contacts');
      expect(res.statusCode).toBe(200);
      const { items, canRequestContact } = res.json() as { items: Contact[]; canRequestContact: boolean };
      expect(canRequestContact).toBe(false);
      expect(items.map((c) => c.preset)).toEqual([
        'emergency_112',
        'ambulance_119',
        'healing119',
        'kemenkes_119_8',
        'hospital_ed',
      ]);
      expect(items[0]).toMatchObject({
        name: presets.id.emergency_112.name,
        description: presets.id.emergency_112.description,
        phone: '112',
        telHref: 'tel:112',
        hours: presets.id.emergency_112.hours,
        isActive: true,
      });
      expect(items[2]).toMatchObject({ url: 'https://healing119.id', phone: null, telHref: null });
      for (const c of items) expect(c.hours).not.toBe('');
      const en = (await t.anonymous().get('/api/v1/help/contacts', { 'accept-language': 'en' })).json()
        .items as Contact[];
      expect(en[3]).toMatchObject({
        name: presets.en.kemenkes_119_8.name,
        hours: presets.en.kemenkes_119_8.hours,
        phone: '119',
      });
      expect(presets.en.kemenkes_119_8.name).not.toBe(presets.id.kemenkes_119_8.name);
    });

    it('gives a signed-in person their agency’s active contacts, and offers contact once it has a counsellor', async () => {
      const before = (await employee.agent.get('/api/v1/help/contacts')).json();
      expect(before.items).toHaveLength(5);
      expect(before.canRequestContact).toBe(false);
      await addCounsellor(t, admin.agencyId, admin.unitId);
      expect((await employee.agent.get('/api/v1/help/contacts')).json().canRequestContact).toBe(true);
      // Another agency's edits never show here.
      const other = await loginAs(t, 'agency_admin');
      await other.agent.post('/api/v1/agency/help-contacts', {
        kind: 'counselling',
        name: 'Konselor Instansi Lain',
        phone: '0274 111 222',
        hours: 'Senin–Jumat',
      });
      const names = ((await employee.agent.get('/api/v1/help/contacts')).json().items as Contact[]).map((c) => c.name);
      expect(names).not.toContain('Konselor Instansi Lain');
    });
  });

  describe('the agency admin', () => {
    it('adds the agency’s own contact, checked and audited', async () => {
      const noWay = await admin.agent.post('/api/v1/agency/help-contacts', {
        kind: 'counselling',
        name: 'Konselor jaga',
        hours: '08.00–16.00 WIB',
      });
      expect(noWay.statusCode).toBe(400);
      expect(noWay.json().error.details[0]).toMatchObject({ path: 'phone', code: 'help.contact_needs_phone_or_url' });
      const res = await admin.agent.post('/api/v1/agency/help-contacts', {
        kind: 'counselling',
        name: 'Konselor jaga BKPSDM',
        description: 'Gedung B lantai 2',
        phone: '0274 555 1234',
        hours: 'Senin–Jumat 08.00–16.00 WIB',
        sortOrder: 1,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        preset: null,
        name: 'Konselor jaga BKPSDM',
        telHref: 'tel:02745551234',
        isActive: true,
        sortOrder: 1,
      });
      const visible = ((await employee.agent.get('/api/v1/help/contacts')).json().items as Contact[]).map(
        (c) => c.name,
      );
      expect(visible).toContain('Konselor jaga BKPSDM');
      expect(await auditEntries(t, 'agency.help_contact_created', { resourceId: res.json().id })).toEqual([
        expect.objectContaining({ actor_id: admin.person.id }),
      ]);
    });

    it('keeps a preset when only moved, and makes it the agency’s own when its words change', async () => {
      const ambulance = (await adminList()).find((c) => c.preset === 'ambulance_119') as Contact;
      const moved = await admin.agent.patch(`/api/v1/agency/help-contacts/${ambulance.id}`, { sortOrder: 9 });
      expect(moved.json()).toMatchObject({
        preset: 'ambulance_119',
        sortOrder: 9,
        name: presets.id.ambulance_119.name,
      });
      // Edited by an admin who reads English: the stored row starts from the Indonesian texts.
      admin.agent.headers['accept-language'] = 'en';
      const hospital = (await adminList()).find((c) => c.preset === 'hospital_ed') as Contact;
      const edited = await admin.agent.patch(`/api/v1/agency/help-contacts/${hospital.id}`, {
        phone: '(0274) 587 333',
      });
      delete admin.agent.headers['accept-language'];
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({
        preset: null,
        name: presets.id.hospital_ed.name,
        description: presets.id.hospital_ed.description,
        hours: presets.id.hospital_ed.hours,
        phone: '(0274) 587 333',
        telHref: 'tel:0274587333',
      });
      const row = await db()
        .selectFrom('help_contacts')
        .selectAll()
        .where('id', '=', hospital.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ preset: null, name: presets.id.hospital_ed.name, phone: '(0274) 587 333' });
      const [entry] = await auditEntries(t, 'agency.help_contact_updated', { resourceId: hospital.id });
      expect(entry?.details?.changed).toEqual(expect.arrayContaining(['phone', 'name', 'preset']));
      // The merged contact still needs a way to reach it.
      const emergency = (await adminList()).find((c) => c.preset === 'emergency_112') as Contact;
      const bare = await admin.agent.patch(`/api/v1/agency/help-contacts/${emergency.id}`, { phone: '' });
      expect(bare.statusCode).toBe(422);
      expect(bare.json().error.details[0]).toMatchObject({ path: 'phone', code: 'help.contact_needs_phone_or_url' });
    });

    it('switches a contact off without deleting it', async () => {
      const healing = (await adminList()).find((c) => c.preset === 'healing119') as Contact;
      const res = await admin.agent.delete(`/api/v1/agency/help-contacts/${healing.id}`);
      expect(res.json()).toMatchObject({ id: healing.id, isActive: false, preset: 'healing119' });
      const publicIds = ((await employee.agent.get('/api/v1/help/contacts')).json().items as Contact[]).map(
        (c) => c.id,
      );
      expect(publicIds).not.toContain(healing.id);
      expect((await adminList()).find((c) => c.id === healing.id)?.isActive).toBe(false);
      expect(await auditEntries(t, 'agency.help_contact_deactivated', { resourceId: healing.id })).toHaveLength(1);
      const back = await admin.agent.patch(`/api/v1/agency/help-contacts/${healing.id}`, { isActive: true });
      expect(back.json()).toMatchObject({ isActive: true, preset: 'healing119' });
    });

    it('lets nobody else edit, and no agency reach another’s contacts', async () => {
      const any = (await adminList())[0] as Contact;
      expect((await employee.agent.get('/api/v1/agency/help-contacts')).statusCode).toBe(403);
      expect((await employee.agent.patch(`/api/v1/agency/help-contacts/${any.id}`, { sortOrder: 1 })).statusCode).toBe(
        403,
      );
      const wellbeing = await loginAs(t, 'wellbeing_admin', { agencyId: admin.agencyId });
      expect(
        (
          await wellbeing.agent.post('/api/v1/agency/help-contacts', {
            kind: 'other',
            name: 'x',
            url: 'https://x.id',
            hours: 'x',
          })
        ).statusCode,
      ).toBe(403);
      const other = await loginAs(t, 'agency_admin');
      expect((await other.agent.patch(`/api/v1/agency/help-contacts/${any.id}`, { sortOrder: 1 })).statusCode).toBe(
        404,
      );
      expect((await other.agent.delete(`/api/v1/agency/help-contacts/${any.id}`)).statusCode).toBe(404);
    });

    it('switches disclosed safety outreach, which changes the consent version, audited', async () => {
      expect((await admin.agent.get('/api/v1/agency/outreach')).json()).toEqual({
        disclosedSafetyOutreach: false,
        consentVersion: 'self-assessment-1',
      });
      const on = await admin.agent.put('/api/v1/agency/outreach', { disclosedSafetyOutreach: true });
      expect(on.json()).toEqual({ disclosedSafetyOutreach: true, consentVersion: 'self-assessment-outreach-1' });
      expect((await employee.agent.get('/api/v1/agency')).json().disclosedSafetyOutreach).toBe(true);
      const entries = await auditEntries(t, 'agency.settings_updated', { agencyId: admin.agencyId });
      expect(entries.at(-1)?.details).toEqual({
        changed: ['disclosed_safety_outreach'],
        disclosedSafetyOutreach: { from: false, to: true },
      });
      await admin.agent.put('/api/v1/agency/outreach', { disclosedSafetyOutreach: false });
      expect((await employee.agent.put('/api/v1/agency/outreach', { disclosedSafetyOutreach: true })).statusCode).toBe(
        403,
      );
    });
  });

  describe('"please contact me" from the help button', () => {
    const body = {
      method: 'email',
      contact: 'budi.pribadi@contoh.id',
      preferredTime: 'pagi',
      submissionKey: 'help-button-0001',
    };

    it('stores the request and its job once, however often the client retries', async () => {
      const first = await employee.agent.post('/api/v1/help/requests', body);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ id: expect.any(String), createdAt: expect.any(String) });
      const again = await employee.agent.post('/api/v1/help/requests', body);
      expect(again.json()).toEqual(first.json());
      const rows = await db()
        .selectFrom('crisis_requests')
        .selectAll()
        .where('person_id', '=', employee.person.id)
        .execute();
      expect(rows).toEqual([
        expect.objectContaining({
          source: 'help_button',
          contact_method: 'email',
          result_id: null,
          status: 'open',
          preferred_time: 'pagi',
        }),
      ]);
      expect(t.services.keys.decrypt(rows[0]?.contact_enc as string)).toBe('budi.pribadi@contoh.id');
      expect(
        await db()
          .selectFrom('jobs')
          .select('id')
          .where('dedupe_key', '=', `crisis.notify:${first.json().id}`)
          .execute(),
      ).toHaveLength(1);
    });

    it('checks the contact against the method', async () => {
      const res = await employee.agent.post('/api/v1/help/requests', {
        method: 'phone',
        contact: 'budi@contoh.id',
        submissionKey: 'help-button-0002',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation',
        details: [{ path: 'contact', code: 'phone' }],
      });
    });

    it('stores it even where the agency has no counsellor yet (the web app shows the contacts)', async () => {
      const lonely = await loginAs(t, 'employee');
      const contacts = (await lonely.agent.get('/api/v1/help/contacts')).json();
      expect(contacts.canRequestContact).toBe(false);
      expect(contacts.items.length).toBeGreaterThan(0);
      const res = await lonely.agent.post('/api/v1/help/requests', {
        method: 'whatsapp',
        contact: '+62 812 0000 1111',
        submissionKey: 'help-button-0003',
      });
      expect(res.statusCode).toBe(201);
      await t.services.jobs.drain();
      expect(
        await db().selectFrom('notifications').select('id').where('agency_id', '=', lonely.agencyId).execute(),
      ).toEqual([]);
    });

    it('is offered only where a counsellor’s grant covers the person’s unit (else nobody would see it)', async () => {
      const elsewhere = await loginAs(t, 'employee');
      const unitB = await createUnit(db(), elsewhere.agencyId, elsewhere.unitId, { name: 'Bidang Aset' });
      const unitC = await createUnit(db(), elsewhere.agencyId, elsewhere.unitId, { name: 'Bidang Umum' });
      await addCounsellor(t, elsewhere.agencyId, unitB, unitB);
      const inC = await loginAs(t, 'employee', { agencyId: elsewhere.agencyId, unitId: unitC });
      const inB = await loginAs(t, 'employee', { agencyId: elsewhere.agencyId, unitId: unitB });
      expect((await inC.agent.get('/api/v1/help/contacts')).json().canRequestContact).toBe(false);
      expect((await inB.agent.get('/api/v1/help/contacts')).json().canRequestContact).toBe(true);
    });

    it('is for signed-in people only', async () => {
      expect((await t.anonymous().post('/api/v1/help/requests', body)).statusCode).toBe(401);
    });
  });

  describe('the person’s own view of their requests (their home)', () => {
    it('shows each request where it stands — received, a counsellor on it, closed — to its owner only', async () => {
      const me = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: admin.unitId });
      const empty = await me.agent.get('/api/v1/help/requests/mine');
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toEqual({ items: [] });

      const sent = await me.agent.post('/api/v1/help/requests', {
        method: 'phone',
        contact: '0812 3456 7890',
        submissionKey: 'mine-0001',
      });
      expect(sent.statusCode).toBe(201);
      // A retry is stored once and listed once.
      await me.agent.post('/api/v1/help/requests', {
        method: 'phone',
        contact: '0812 3456 7890',
        submissionKey: 'mine-0001',
      });
      const received = (await me.agent.get('/api/v1/help/requests/mine')).json();
      expect(received.items).toEqual([
        {
          id: sent.json().id,
          source: 'help_button',
          status: 'open',
          createdAt: sent.json().createdAt,
          acknowledgedAt: null,
          closedAt: null,
        },
      ]);
      // Never the contact or the note: the home needs only where the request stands.
      expect(JSON.stringify(received)).not.toContain('0812');

      const counsellor = await loginAs(t, 'counsellor', { agencyId: admin.agencyId, unitId: admin.unitId });
      const ack = await counsellor.agent.post(`/api/v1/counselling/urgent-requests/${sent.json().id}/acknowledge`, {});
      expect(ack.statusCode).toBe(200);
      const onIt = (await me.agent.get('/api/v1/help/requests/mine')).json().items[0];
      expect(onIt).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String), closedAt: null });
      await counsellor.agent.post(`/api/v1/counselling/urgent-requests/${sent.json().id}/close`, {});
      expect((await me.agent.get('/api/v1/help/requests/mine')).json().items[0]).toMatchObject({
        status: 'closed',
        closedAt: expect.any(String),
      });

      // Another person of the same agency, the counsellor and a stranger see none of it.
      const colleague = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: admin.unitId });
      const theirs = (await colleague.agent.get('/api/v1/help/requests/mine')).json().items as Array<{ id: string }>;
      expect(theirs.map((r) => r.id)).not.toContain(sent.json().id);
      expect((await counsellor.agent.get('/api/v1/help/requests/mine')).json()).toEqual({ items: [] });
      expect((await t.anonymous().get('/api/v1/help/requests/mine')).statusCode).toBe(401);
    });
  });
});
