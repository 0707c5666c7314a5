import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Compiles a hot statement once per database and shape, then binds only its parameters
 * (docs/decisions/037-check-in-submit-on-postgresql.md): building and compiling a Kysely query
 * costs more of the Node process's CPU than the database spends running a lookup by key, and the
 * busiest paths (every request's session lookup, the check-in batch) run the same few shapes.
 *
 * A shape is what fixes the statement's text (e.g. "the upsert of 12 rows"); the caller passes the
 * parameters in the order the compiled statement binds them. The first compile of each shape
 * checks that order against Kysely's own, so a wrong order fails loudly (in the tests), never
 * silently binding one value to another's column.
 */
export class StatementCache {
  /** Keyed by the dialect's adapter, which a database and its transactions share. */
  private readonly texts = new WeakMap<object, Map<string, string>>();

  constructor(private readonly maxShapes: number) {}

  async execute<R>(
    db: Kysely<Database>,
    shape: string,
    parameters: readonly unknown[],
    build: () => Compilable<R>,
  ): Promise<R[]> {
    const adapter = db.getExecutor().adapter;
    let texts = this.texts.get(adapter);
    if (!texts) this.texts.set(adapter, (texts = new Map()));
    let text = texts.get(shape);
    if (text === undefined) {
      const compiled = build().compile();
      if (
        compiled.parameters.length !== parameters.length ||
        compiled.parameters.some((value, i) => value !== parameters[i])
      ) {
        throw new Error(`statement cache: the parameters given for "${shape}" are not the ones its statement binds`);
      }
      text = compiled.sql;
      if (texts.size < this.maxShapes) texts.set(shape, text);
    }
    const result = await db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
    return result.rows;
  }
}
