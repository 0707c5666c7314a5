import type { Database } from '../../db/schema.js';

/**
 * Part S2's recorded reads (assessments, campaigns, DPO, my data, help, safety plan, counselling),
 * to be folded into RECORDED_READS of table-owners.ts (docs/decisions/016-module-boundaries.md).
 * Each is a read of another module's table, outside the org directory read model, that stays one
 * SQL pass in the reader's own repository; none is a write. Safety plan and counselling have none.
 */
export const S2_RECORDED_READS: readonly { module: string; table: keyof Database; why: string }[] = [
  {
    module: 'assessments',
    table: 'audit_log',
    why: "The person's access log ('who looked at my data') pages through audit entries about them written by someone else, with each reader's name, in one keyset query.",
  },
  {
    module: 'campaigns',
    table: 'assessment_results',
    why: 'Campaign statistics, progress and the reminder sweep count members’ results per unit and instrument in one SQL pass; only suppressed aggregates leave the query.',
  },
  {
    module: 'campaigns',
    table: 'audit_log',
    why: 'A statistics view is audited once per publication: whether this reader already saw these very figures is looked up in the audit log.',
  },
  {
    module: 'campaigns',
    table: 'notifications',
    why: 'A campaign message job checks its dedupe key under the member lock, in the transaction that then writes the notification (through NotificationService) and queues the email.',
  },
  {
    module: 'campaigns',
    table: 'jobs',
    why: 'The reminder sweep skips reminders already queued (waiting for working hours) by their dedupe keys, in one query per campaign.',
  },
  {
    module: 'dpo',
    table: 'audit_log',
    why: "The DPO's unusual-exports alert counts audited exports per reader across agencies since a moment, in one aggregate.",
  },
  {
    module: 'my-data',
    table: 'sessions',
    why: "The person's copy of their data lists their own sessions (devices and times; never the token or CSRF secret).",
  },
  {
    module: 'my-data',
    table: 'notifications',
    why: "The person's copy of their data lists their own in-app notifications.",
  },
  {
    module: 'my-data',
    table: 'audit_log',
    why: "The person's copy of their data lists the audit entries about them and by them, with the actors' names.",
  },
  {
    module: 'help',
    table: 'jobs',
    why: 'The crisis outbox alarm counts undelivered crisis.notify jobs and the age of the oldest in one aggregate (a request for help must reach a counsellor within minutes).',
  },
];
