import type { Command } from 'commander';
import { withCliContext } from '../cli-context.js';

/** `teduh migrate`: brings the configured database's schema up to date. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('create or update the database schema (DATABASE_URL, default data/teduh.sqlite)')
    .action(async () => {
      await withCliContext(async ({ database, migrated }) => {
        console.log(
          migrated.length > 0
            ? `Migrated ${database.description}: ${migrated.join(', ')}`
            : `${database.description} is up to date.`,
        );
      });
    });
}
