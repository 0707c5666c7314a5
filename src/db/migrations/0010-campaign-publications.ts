import type { Kysely } from 'kysely';

/**
 * Stored publications of campaign figures (docs/decisions/024-campaign-reports.md). Figures change
 * only at a publication (docs/privacy.md A7), so the suppressed table is computed once when a
 * snapshot is published and kept here; views and exports read it and never recount. One row per
 * campaign and viewer scope (`scope_key`: `*` for agency-wide, otherwise the scope's unit ids in
 * order), for the publication of `published_at`; a newer publication replaces them all.
 *
 * `campaign_stat_snapshots.result_rows` keeps how many result rows the campaign had when it was
 * published, so a view can tell from one index count that fewer than k responses can have
 * arrived since, without counting distinct people (the exact count runs only when it may be due).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_publications')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_publications_pk', ['campaign_id', 'scope_key'])
    .execute();
  await db.schema
    .alterTable('campaign_stat_snapshots')
    .addColumn('result_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
