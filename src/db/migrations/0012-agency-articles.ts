import { sql, type Kysely } from 'kysely';

/**
 * Articles an agency admin writes for the psycho-education library
 * (docs/decisions/034-psycho-education-library.md). The Markdown source is kept for editing; the
 * HTML is rendered and sanitised on every save, so no read ever renders unsanitised text. Tags are
 * a JSON array of text. No column says who wrote an article: the audit log does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('id', 'en')`))
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('agency_articles_agency_status')
    .on('agency_articles')
    .columns(['agency_id', 'status'])
    .execute();
}
