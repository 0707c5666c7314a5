import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A migrated SQLite database on storage a test can fill up and free again. */
export interface FillableDisk {
  /** `tmpfs`: a real 16 MB filesystem; `max_page_count`: SQLite's own size cap (see below). */
  kind: 'tmpfs' | 'max_page_count';
  database: TestDatabase;
  /** Leaves no room for one more page. */
  fill(): Promise<void>;
  /** Gives the room back. */
  free(): Promise<void>;
}

/**
 * A real small filesystem where the machine lets the test mount one (tmpfs needs root); otherwise
 * `PRAGMA max_page_count` on the app's own connection, which makes SQLite fail a write that needs
 * a new page with the same SQLITE_FULL and the same automatic rollback as a full disk. CI runners
 * rarely run tests as root, so the fallback keeps the test running everywhere rather than
 * skipping it (docs/decisions/015-database-faults.md).
 */
export async function fillableDisk(): Promise<FillableDisk> {
  const mounted = mountSmallFilesystem();
  if (mounted) {
    const file = path.join(mounted, 'teduh.sqlite');
    const filler = path.join(mounted, 'filler');
    const database: TestDatabase = {
      handle: openDatabase({ url: `sqlite:${file}` }),
      reopen: async () => {
        await database.handle.close();
        database.handle = openDatabase({ url: `sqlite:${file}` });
      },
      destroy: async () => {
        await database.handle.close();
        execFileSync('umount', [mounted]);
        fs.rmdirSync(mounted);
      },
      connectAgain: () => openDatabase({ url: `sqlite:${file}` }),
    };
    await migrateToLatest(database.handle);
    return {
      kind: 'tmpfs',
      database,
      fill: async () => {
        const fd = fs.openSync(filler, 'a');
        try {
          for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
            try {
              for (;;) fs.writeSync(fd, Buffer.alloc(size));
            } catch (err) {
              if ((err as { code?: string }).code !== 'ENOSPC') throw err;
            }
          }
        } finally {
          fs.closeSync(fd);
        }
      },
      free: async () => fs.rmSync(filler, { force: true }),
    };
  }
  const database = await createTestDatabase();
  const pragma = (text: string) => sql.raw(`pragma ${text}`).execute(database.handle.db);
  return {
    kind: 'max_page_count',
    database,
    fill: async () => {
      const rows = (await pragma('page_count')).rows as Array<{ page_count: number }>;
      await pragma(`max_page_count = ${rows[0]?.page_count ?? 1}`);
    },
    free: async () => void (await pragma('max_page_count = 1073741823')),
  };
}

/**
 * A 16 MB tmpfs in a fresh directory, or null when this process may not mount one (or
 * `TEDUH_TEST_DISK=max_page_count` asks for the fallback, to check it where mounting works).
 */
function mountSmallFilesystem(): string | null {
  if (process.getuid?.() !== 0 || process.env.TEDUH_TEST_DISK === 'max_page_count') return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch {
    fs.rmdirSync(dir);
    return null;
  }
}
