import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/server/modules/jobs/job-runner.js';
import { createPerson } from '../support/factories.js';
import { startFakeSmtp } from '../support/fake-smtp.js';
import { createTestApp, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('email through the durable job runner', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Teduh <no-reply@uji.go.id>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends an invitation over SMTP once the transaction has committed', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitee = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
    });
    const res = await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    // Where it went, never the link.
    expect(res.json()).toEqual({ sentTo: invitee.email, expiresAt: expect.any(String), viaOutbox: false });
    const before = smtp.received.length;
    await t.services.jobs.drain();
    const mail = smtp.received.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to[0]).toContain(invitee.email);
    expect(mail[0]?.data).toContain('Subject: =?UTF-8?Q?Undangan_ke_Teduh');
    expect(mail[0]?.data).toContain('http://teduh.test/invite/');
    const row = await t.services.db.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_address', '=', invitee.email)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    // The sealed full text is wiped once sent; the stored body never had the link.
    expect(row.secret_body_enc).toBeNull();
    expect(row.body_text).not.toContain('http://teduh.test/invite/');
    // The admin's outbox view does not reveal the link of an email that went out by SMTP.
    const outbox = (await admin.agent.get('/api/v1/agency/outbox')).json().items[0];
    expect(outbox.body).not.toContain('http://teduh.test/invite/');
    // Nothing is sent twice by a later tick.
    await t.services.jobs.drain();
    expect(smtp.received.length).toBe(before + 1);
  });

  it('keeps the email and retries later when the SMTP server is down', async () => {
    const down = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:1' });
    try {
      const admin = await loginAs(down, 'agency_admin');
      const invitee = await createPerson(down.services.db.db, down.services.keys, {
        agencyId: admin.agencyId,
        unitId: admin.unitId,
        password: null,
      });
      await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
      await down.services.jobs.tick();
      const job = await down.services.db.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'email.send')
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({ attempts: 1, completed_at: null, failed_at: null, locked_by: null });
      expect(job.last_error).toBeTruthy();
      expect(job.run_at > down.clock.now().toISOString()).toBe(true);
      const email = await down.services.db.db.selectFrom('email_outbox').selectAll().executeTakeFirstOrThrow();
      expect(email.status).toBe('pending');
      // A job that is not due yet is not retried early.
      expect(await down.services.jobs.tick()).toBe(0);
      // The sealed text of an invitation that never went out is wiped once its link has expired anyway.
      expect(email.secret_body_enc).toBeTruthy();
      down.clock.advance(8 * 24 * 3_600_000 + 60_000);
      await down.services.mail.wipeStaleSecrets();
      const wiped = await down.services.db.db
        .selectFrom('email_outbox')
        .select('secret_body_enc')
        .where('id', '=', email.id)
        .executeTakeFirstOrThrow();
      expect(wiped.secret_body_enc).toBeNull();
    } finally {
      await down.close();
    }
  });

  it('never sends one message twice when two app instances run the queue at once', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitees = await Promise.all(
      Array.from({ length: 12 }, () =>
        createPerson(t.services.db.db, t.services.keys, {
          agencyId: admin.agencyId,
          unitId: admin.unitId,
          password: null,
        }),
      ),
    );
    for (const p of invitees) await admin.agent.post(`/api/v1/people/${p.id}/invitation`);
    const before = smtp.received.length;
    const second = new JobRunner(t.services.db.db, t.services.db.kind, t.clock, t.app.log, {
      pollMs: 10,
      leaseMs: 60_000,
      batch: 3,
    });
    t.services.mail.registerJobs(second);
    await Promise.all([t.services.jobs.drain(), second.drain(), t.services.jobs.drain(), second.drain()]);
    const sent = smtp.received.slice(before).map((m) => m.to[0]);
    expect(sent).toHaveLength(12);
    expect(new Set(sent).size).toBe(12);
  });

  it('works through a backlog without waiting a poll interval between full batches', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitees = await Promise.all(
      Array.from({ length: 9 }, () =>
        createPerson(t.services.db.db, t.services.keys, {
          agencyId: admin.agencyId,
          unitId: admin.unitId,
          password: null,
        }),
      ),
    );
    for (const p of invitees) await admin.agent.post(`/api/v1/people/${p.id}/invitation`);
    const before = smtp.received.length;
    // Batches of 2 and a poll of a minute: only going on at once after a full batch gets 9 out in time.
    const runner = new JobRunner(t.services.db.db, t.services.db.kind, t.clock, t.app.log, {
      pollMs: 60_000,
      leaseMs: 60_000,
      batch: 2,
    });
    t.services.mail.registerJobs(runner);
    runner.start();
    try {
      await expect.poll(() => smtp.received.length - before, { timeout: 20_000 }).toBe(9);
    } finally {
      await runner.stop();
    }
  });
});
