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
      if (texts.size < this.maxShapes) {
        texts.set(shape, text);
        nameStatement(text);
      }
    }
    const result = await db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
    return result.rows;
  }
}

/**
 * PostgreSQL names of the cached statements' texts. A pool connection that runs one of these texts
 * runs it as a named prepared statement (src/db/connection.ts, preparedStatements): PostgreSQL
 * parses it once per connection instead of once per batch, and the text is not sent again
 * (docs/decisions/046-check-in-submit-cpu.md). Only texts the caches hold are named, so the names are
 * bounded by the caches' sizes; any other statement runs unnamed, as before.
 */
const names = new Map<string, string>();

function nameStatement(text: string): void {
  if (!names.has(text)) names.set(text, `teduh_hot_${names.size + 1}`);
}

/** The prepared statement's name of a cached statement's text; undefined for any other text. */
export function preparedNameOf(text: string): string | undefined {
  return names.get(text);
}
