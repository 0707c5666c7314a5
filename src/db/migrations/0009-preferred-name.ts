import type { Kysely } from 'kysely';

/**
 * The short name a person is greeted by, set on their own profile ("nama panggilan"); null means
 * the first word of their full name without titles (docs/decisions/022-preferred-name-and-own-state.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('preferred_name', 'text').execute();
}
