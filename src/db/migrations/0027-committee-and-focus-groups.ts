import { sql, type Kysely } from 'kysely';

/**
 * The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md).
 *
 * - `committee_members`: a person of the agency on its Tim Kesejahteraan Pegawai, with a role and a
 *   term (local dates, both included).
 * - `committee_meetings`: a meeting: when (UTC instant and the agency's time zone), where (a place or
 *   an https link), its ordered agenda (JSON: id, title, notes, optional survey and theme), its state,
 *   and its minutes (JSON: decisions and follow-ups per agenda item, attendees by person id), a draft
 *   until published to the agency's staff.
 * - `focus_groups`: a focus group to understand a survey result: topic, optional survey and theme,
 *   when and where, capacity, facilitator, and the summary of themes heard (no names).
 * - `focus_group_invitations`: who was invited and their answer (pending, accepted, declined); never
 *   a reason. Unique per group and person, so an invitation sent twice is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('ketua', 'sekretaris', 'anggota', 'perwakilan_pegawai')`),
    )
    .addColumn('term_from', 'text', (c) => c.notNull())
    .addColumn('term_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('committee_members_term', sql`term_from <= term_to`)
    .execute();
  await db.schema
    .createIndex('committee_members_agency')
    .on('committee_members')
    .columns(['agency_id', 'term_to'])
    .execute();
  await db.schema
    .createIndex('committee_members_person')
    .on('committee_members')
    .columns(['agency_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('committee_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes between 15 and 480`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('link', 'text')
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'held', 'cancelled')`))
    .addColumn('minutes', 'text')
    .addColumn('minutes_status', 'text', (c) =>
      c.notNull().check(sql`minutes_status in ('none', 'draft', 'published')`),
    )
    .addColumn('minutes_published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_meetings_agency')
    .on('committee_meetings')
    .columns(['agency_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('committee_meetings_published')
    .on('committee_meetings')
    .columns(['agency_id', 'minutes_status', 'starts_at'])
    .execute();

  await db.schema
    .createTable('focus_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text')
    .addColumn('theme_id', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes between 15 and 480`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('link', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 3 and 30`))
    .addColumn('facilitator_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'held', 'cancelled')`))
    .addColumn('accepted_count', 'integer', (c) => c.notNull().check(sql`accepted_count >= 0`))
    .addColumn('summary', 'text')
    .addColumn('summary_published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('focus_groups_seats', sql`accepted_count <= capacity`)
    .execute();
  await db.schema.createIndex('focus_groups_agency').on('focus_groups').columns(['agency_id', 'starts_at']).execute();
  await db.schema
    .createIndex('focus_groups_facilitator')
    .on('focus_groups')
    .columns(['agency_id', 'facilitator_id'])
    .execute();
  await db.schema.createIndex('focus_groups_upcoming').on('focus_groups').columns(['status', 'starts_at']).execute();

  await db.schema
    .createTable('focus_group_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('focus_group_id', 'text', (c) => c.notNull().references('focus_groups.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('pending', 'accepted', 'declined')`))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('focus_group_invitations_person')
    .on('focus_group_invitations')
    .columns(['focus_group_id', 'person_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('focus_group_invitations_of_person')
    .on('focus_group_invitations')
    .columns(['person_id'])
    .execute();
}
