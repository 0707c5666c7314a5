import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_MODEL_TABLES, RECORDED_READS, TABLE_OWNERS, WRITE_EXCEPTIONS, type TableName } from './table-owners.js';

/*
 * Table ownership (docs/decisions/016-module-boundaries.md), checked on the source: every table a
 * repository names is its module's own, the org directory read model (read only), or a recorded
 * read. Violations are listed per module so each can be read on its own.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCHEMA = readFileSync(path.join(ROOT, 'src/db/schema.ts'), 'utf8');
const WRITES = ['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'];
const READS = ['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin'];
const CALL = new RegExp(`\\.(${[...WRITES, ...READS].join('|')})\\(\\s*'([a-z_]+)(?:\\s+as\\s+\\w+)?'`, 'g');
const SQL_TABLE = /sql\.table\(\s*'([a-z_]+)'/g;

function repositories(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return repositories(rel);
    return entry.name.endsWith('.repository.ts') ? [rel] : [];
  });
}

/** `src/server/modules/org/x.repository.ts` → `org`; plugins, http and the CLI's folders by name. */
function moduleOf(file: string): string {
  const modules = /^src\/server\/modules\/([^/]+)\//.exec(file);
  if (modules?.[1]) return modules[1];
  const server = /^src\/server\/([^/]+)\//.exec(file);
  if (server?.[1]) return server[1];
  const cli = /^src\/cli\/([^/]+)\//.exec(file);
  return cli?.[1] ? `cli/${cli[1]}` : 'cli';
}

interface TableUse {
  file: string;
  table: string;
  write: boolean;
}

function tableUses(file: string): TableUse[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const uses: TableUse[] = [];
  for (const m of source.matchAll(CALL)) {
    uses.push({ file, table: m[2] as string, write: WRITES.includes(m[1] as string) });
  }
  // A table named through sql.table() is written by raw SQL (batched updates).
  for (const m of source.matchAll(SQL_TABLE)) uses.push({ file, table: m[1] as string, write: true });
  return uses;
}

/** Every ownership violation of the given repository files, grouped by module. */
export function ownershipViolations(files: string[]): Map<string, string[]> {
  const byModule = new Map<string, string[]>();
  const add = (module: string, message: string) => byModule.set(module, [...(byModule.get(module) ?? []), message]);
  for (const file of files) {
    const module = moduleOf(file);
    const mayWriteAnything = WRITE_EXCEPTIONS.some((e) => e.module === module);
    for (const use of tableUses(file)) {
      const owner = TABLE_OWNERS[use.table as TableName];
      // Names that are not tables are common-table-expression aliases (`with x as (…) select from x`).
      if (owner === undefined || owner === module || mayWriteAnything) continue;
      if (use.write) {
        add(module, `${file} writes ${use.table}, owned by ${owner}: go through the owner's service`);
      } else if (
        !READ_MODEL_TABLES.includes(use.table as TableName) &&
        !RECORDED_READS.some((r) => r.module === module && r.table === use.table)
      ) {
        add(
          module,
          `${file} reads ${use.table}, owned by ${owner}: ask its service, or record the read in table-owners.ts`,
        );
      }
    }
  }
  for (const [module, messages] of byModule) byModule.set(module, [...new Set(messages)]);
  return byModule;
}

const FILES = [...repositories('src/server'), ...repositories('src/cli')].sort();
const VIOLATIONS = ownershipViolations(FILES);
const MODULES = [...new Set(FILES.map(moduleOf))].sort();

describe('table ownership (decision 016)', () => {
  it('gives every table of the schema an owner', () => {
    const block = /export interface Database \{([\s\S]*?)\n\}/.exec(SCHEMA)?.[1] ?? '';
    const tables = [...block.matchAll(/^\s+([a-z_]+):/gm)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => !((t as string) in TABLE_OWNERS))).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('finds tables in repositories, aliases and joins included', () => {
    expect(FILES).toContain('src/server/modules/org/people.repository.ts');
    const uses = tableUses('src/server/modules/org/people.repository.ts');
    expect(uses).toContainEqual({ file: 'src/server/modules/org/people.repository.ts', table: 'people', write: true });
    expect(uses.some((u) => u.table === 'org_units' && !u.write)).toBe(true);
  });

  it('records every exception with its reason, for tables that exist', () => {
    for (const r of RECORDED_READS) {
      expect(TABLE_OWNERS[r.table], r.table).toBeDefined();
      expect(TABLE_OWNERS[r.table], `${r.module} reads its own ${r.table}`).not.toBe(r.module);
      expect(r.why.length, `${r.module} → ${r.table}`).toBeGreaterThan(20);
    }
  });

  it.each(MODULES)(
    '%s writes only its own tables and reads others only through the read model or a recorded read',
    (module) => {
      expect(VIOLATIONS.get(module) ?? []).toEqual([]);
    },
  );
});
