import type { Kysely } from 'kysely';

/**
 * Separation of duties and the data-protection officer.
 *
 * - `role_requests`: a grant of a role that reads health data (or approves those who do) waits
 *   here until a second person approves it; only then is a `role_assignments` row written, so a
 *   session's grants can never hold a pending or rejected one.
 * - `denied_reads`: a signed-in person's 403/404 on a route that names a record by id — the route
 *   pattern and status only, never the id asked for nor anything of the record.
 * - `dpo_alerts`: what the DPO console raises; `dedupe_key` keeps a burst to one alert.
 * - `processing_activities`: the record of processing activities (UU PDP art. 31), per data class.
 * - `breaches`: the breach register (UU PDP art. 46), with the discovery time that starts the
 *   3×24-hour clock.
 * - `retention_policies` / `retention_runs`: days to keep each data class, and what the nightly
 *   job deleted (counts only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('role_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('people.id'))
    .addColumn('decided_at', 'text')
    .addColumn('assignment_id', 'text')
    .execute();
  await db.schema
    .createIndex('role_requests_agency_status')
    .on('role_requests')
    .columns(['agency_id', 'status', 'requested_at'])
    .execute();
  await db.schema.createIndex('role_requests_person').on('role_requests').columns(['person_id', 'status']).execute();
  await db.schema.createIndex('role_requests_assignment').on('role_requests').column('assignment_id').execute();

  await db.schema
    .createTable('denied_reads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('denied_reads_actor')
    .on('denied_reads')
    .columns(['agency_id', 'actor_id', 'occurred_at'])
    .execute();
  await db.schema.createIndex('denied_reads_time').on('denied_reads').column('occurred_at').execute();

  await db.schema
    .createTable('dpo_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text', (c) => c.references('people.id'))
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema
    .createIndex('dpo_alerts_agency')
    .on('dpo_alerts')
    .columns(['agency_id', 'acknowledged_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('processing_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('data_class', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('data_subjects', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('security_measures', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('processing_activities_class')
    .unique()
    .on('processing_activities')
    .columns(['agency_id', 'data_class'])
    .execute();

  await db.schema
    .createTable('breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('data_classes', 'text', (c) => c.notNull())
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('how_found', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('affected_count', 'integer', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('subjects_notified_at', 'text')
    .addColumn('authority_notified_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('breaches_agency').on('breaches').columns(['agency_id', 'discovered_at']).execute();

  await db.schema
    .createTable('retention_policies')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('data_class', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_policies_pk', ['agency_id', 'data_class'])
    .execute();

  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('retention_runs_agency').on('retention_runs').columns(['agency_id', 'ran_at']).execute();
}
