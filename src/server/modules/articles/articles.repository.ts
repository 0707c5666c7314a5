import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AgencyArticlesTable, Database } from '../../../db/schema.js';

export type AgencyArticleRow = Selectable<AgencyArticlesTable>;

/** The most articles one agency keeps; the library is read and searched whole, so it stays small. */
export const MAX_AGENCY_ARTICLES = 200;

/** The agency's articles, drafts included, newest change first (the admin's list). */
export async function findAgencyArticles(db: Kysely<Database>, agencyId: string): Promise<AgencyArticleRow[]> {
  return db
    .selectFrom('agency_articles')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(MAX_AGENCY_ARTICLES)
    .execute();
}

/** The agency's published articles, newest first (what every reader of the agency sees). */
export async function findPublishedArticles(db: Kysely<Database>, agencyId: string): Promise<AgencyArticleRow[]> {
  return db
    .selectFrom('agency_articles')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(MAX_AGENCY_ARTICLES)
    .execute();
}

/** One article of the agency; another agency's id finds nothing. */
export async function findAgencyArticle(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<AgencyArticleRow | undefined> {
  return db
    .selectFrom('agency_articles')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countAgencyArticles(db: Kysely<Database>, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('agency_articles')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAgencyArticle(db: Kysely<Database>, row: Insertable<AgencyArticlesTable>): Promise<void> {
  await db.insertInto('agency_articles').values(row).execute();
}

/** Changes the article only if it is still at `fromVersion`; answers whether it did. */
export async function updateAgencyArticle(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  fromVersion: number,
  patch: Updateable<AgencyArticlesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('agency_articles')
    .set({ ...patch, version: fromVersion + 1 })
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .where('version', '=', fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAgencyArticle(db: Kysely<Database>, agencyId: string, id: string): Promise<number> {
  const result = await db
    .deleteFrom('agency_articles')
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
