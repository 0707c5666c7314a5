import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from './schema.js';
import type pg from 'pg';
import { preparedStatements } from './connection.js';
import { preparedNameOf, StatementCache } from './statement-cache.js';

const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
afterAll(() => db.destroy());

describe('StatementCache', () => {
  it('compiles a shape once and binds new parameters to the same text afterwards', async () => {
    await sql`create table t (id text primary key, n integer)`.execute(db);
    await sql`insert into t values ('a', 1), ('b', 2), ('c', 3)`.execute(db);
    const cache = new StatementCache(10);
    let builds = 0;
    const find = (ids: string[]) =>
      cache.execute(db, `find ${ids.length}`, ids, () => {
        builds += 1;
        return (db as unknown as Kysely<{ t: { id: string; n: number } }>)
          .selectFrom('t')
          .select(['id', 'n'])
          .where('id', 'in', ids)
          .orderBy('id') as never;
      });
    expect(await find(['a', 'b'])).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    expect(await find(['c', 'a'])).toEqual([
      { id: 'a', n: 1 },
      { id: 'c', n: 3 },
    ]);
    expect(builds).toBe(1);
    expect(await find(['b'])).toEqual([{ id: 'b', n: 2 }]);
    expect(builds).toBe(2);
  });

  it('refuses parameters in another order than the statement binds them', async () => {
    const cache = new StatementCache(10);
    const typed = db as unknown as Kysely<{ t: { id: string; n: number } }>;
    await expect(
      cache.execute(
        db,
        'two',
        [2, 'a'],
        () => typed.selectFrom('t').selectAll().where('id', '=', 'a').where('n', '=', 2) as never,
      ),
    ).rejects.toThrow(/not the ones its statement binds/);
  });

  it('names the cached texts for PostgreSQL, and only those; the connection runs them by name', async () => {
    const cache = new StatementCache(10);
    const typed = db as unknown as Kysely<{ t: { id: string; n: number } }>;
    await cache.execute(db, 'by n', [7], () => typed.selectFrom('t').select('id').where('n', '=', 7) as never);
    const text = 'select "id" from "t" where "n" = ?';
    const name = preparedNameOf(text);
    expect(name).toMatch(/^teduh_hot_\d+$/);
    expect(preparedNameOf('select 1')).toBeUndefined();

    const calls: unknown[][] = [];
    const client = { query: (...args: unknown[]) => calls.push(args) } as unknown as pg.PoolClient;
    preparedStatements(client);
    void client.query(text, [7]);
    void client.query('select 1', []);
    void client.query('begin');
    expect(calls).toEqual([
      [{ name, text, values: [7] }],
      ['select 1', [], undefined],
      ['begin', undefined, undefined],
    ]);
  });
});
