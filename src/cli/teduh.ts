import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../server/main.js';
import { CliError } from './cli-context.js';
import { registerDemoCodeCommand } from './commands/demo-code.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerSetupCommand } from './commands/setup.js';
import { registerRolesCommand } from './commands/roles.js';
import { registerRotateNoteKeysCommand } from './commands/rotate-note-keys.js';

/** The `teduh` command (docs/cli.md): one sub-command per job, each in commands/. */
export function buildProgram(): Command {
  const program = new Command('teduh')
    .description('Teduh: operate an install from the terminal. The database is DATABASE_URL, or data/teduh.sqlite.')
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerMigrateCommand(program);
  registerSetupCommand(program);
  registerDemoCommand(program);
  registerDemoCodeCommand(program);
  registerRolesCommand(program);
  registerRotateNoteKeysCommand(program);
  return program;
}

/** Runs the command line and returns the exit code; errors become messages, not stack traces. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // commander has printed the message
    if (err instanceof CliError) {
      console.error(err.message);
      return err.exitCode;
    }
    console.error(`teduh: ${(err as Error).message}`);
    return 1;
  }
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isEntry) {
  process.exitCode = await runCli(process.argv);
}
