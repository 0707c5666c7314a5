import { sql, type Kysely } from 'kysely';

/**
 * Peer support groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md).
 *
 * - `peer_groups`: a group a facilitator runs: topic, description, a weekly or dated schedule in the
 *   facilitator's unit time zone, in person (place) or online (link, shown to members only),
 *   capacity and ground rules. `member_count` is kept by the same transaction that adds or removes a
 *   member, with a conditional update (`member_count < capacity`), and a check holds it within the
 *   capacity: the last seat goes to exactly one of many simultaneous joins.
 * - `peer_group_members`: who joined, under a display name they chose; unique per group (the name,
 *   compared without case) and per person (a retried join is stored once). No health data.
 * - `peer_group_cancellations`: a session date the facilitator called off.
 * - `return_plans`: a counsellor's and an employee's plan after a long absence: a start date, weeks
 *   of adjusted workload, the employee's agreement to a version of it, their revocable consent to
 *   show the workload schedule to their unit's manager, and a closing evaluation sealed with the
 *   key ring.
 * - `return_plan_checkins`: check-in points of a plan (date, done or not, a sealed note).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('peer_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('facilitator_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('schedule_kind', 'text', (c) => c.notNull().check(sql`schedule_kind in ('weekly', 'dates')`))
    .addColumn('weekday', 'integer', (c) => c.check(sql`weekday between 1 and 7`))
    .addColumn('dates', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes between 15 and 240`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('in_person', 'online')`))
    .addColumn('place', 'text')
    .addColumn('link', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 2 and 100`))
    .addColumn('member_count', 'integer', (c) => c.notNull().check(sql`member_count >= 0`))
    .addColumn('ground_rules', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('peer_groups_seats', sql`member_count <= capacity`)
    .execute();
  await db.schema.createIndex('peer_groups_agency').on('peer_groups').columns(['agency_id', 'status']).execute();
  await db.schema
    .createIndex('peer_groups_facilitator')
    .on('peer_groups')
    .columns(['agency_id', 'facilitator_id'])
    .execute();

  await db.schema
    .createTable('peer_group_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('peer_groups.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('display_key', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('peer_group_members_person')
    .on('peer_group_members')
    .columns(['group_id', 'person_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('peer_group_members_name')
    .on('peer_group_members')
    .columns(['group_id', 'display_key'])
    .unique()
    .execute();
  await db.schema.createIndex('peer_group_members_of_person').on('peer_group_members').columns(['person_id']).execute();

  await db.schema
    .createTable('peer_group_cancellations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('peer_groups.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('peer_group_cancellations_date')
    .on('peer_group_cancellations')
    .columns(['group_id', 'session_date'])
    .unique()
    .execute();

  await db.schema
    .createTable('return_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('agreed_version', 'integer')
    .addColumn('agreed_at', 'text')
    .addColumn('agreement_text_version', 'text')
    .addColumn('share_with_manager', 'integer', (c) => c.notNull().check(sql`share_with_manager in (0, 1)`))
    .addColumn('share_changed_at', 'text')
    .addColumn('share_text_version', 'text')
    .addColumn('evaluation_enc', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('return_plans_key')
    .on('return_plans')
    .columns(['counsellor_id', 'client_key'])
    .unique()
    .execute();
  await db.schema.createIndex('return_plans_client').on('return_plans').columns(['agency_id', 'client_id']).execute();
  await db.schema
    .createIndex('return_plans_counsellor')
    .on('return_plans')
    .columns(['agency_id', 'counsellor_id'])
    .execute();

  await db.schema
    .createTable('return_plan_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('return_plans.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('note_enc', 'text')
    .execute();
  await db.schema.createIndex('return_plan_checkins_plan').on('return_plan_checkins').columns(['plan_id']).execute();
}
