import type { Kysely } from 'kysely';

/**
 * Stored publications of campaign figures (docs/decisions/024-campaign-reports.md). Figures change
 * only at a publication (docs/privacy.md A7), so the suppressed table is computed once when a
 * snapshot is published and kept here; views and exports read it and never recount. One row per
 * campaign and viewer scope (`scope_key`: `*` for agency-wide, otherwise the scope's unit ids in
 * order), for the publication of `published_at`; a newer publication replaces them all.
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
}
