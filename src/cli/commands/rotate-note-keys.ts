import type { Command } from 'commander';
import { deriveSecret } from '../../server/config.js';
import { WrappingKey } from '../../server/crypto.js';
import { CliError, withCliContext } from '../cli-context.js';

/**
 * `teduh rotate-note-keys [--agency <short name or id>] [--previous-secret-env <NAME>]`
 * (docs/decisions/041-session-notes.md, docs/cli.md).
 *
 * Without options: for every agency, a new random data key; every session note re-encrypted under
 * it in batches (each batch one transaction, so the server keeps running); the old key retired.
 * With `--previous-secret-env`: after the instance secret (TEDUH_SECRET) was changed, every data
 * key still wrapped by the key of the previous secret — read from the named environment variable,
 * never from the command line, so it stays out of the shell history — is wrapped again by the
 * current one first. Prints counts only, never a key.
 */
export function registerRotateNoteKeysCommand(program: Command): void {
  program
    .command('rotate-note-keys')
    .description('make new session-note data keys, re-encrypt every note under them and retire the old keys')
    .option('--agency <agency>', 'only this agency (its short name or id)')
    .option(
      '--previous-secret-env <name>',
      'first rewrap the data keys from the previous instance secret, read from this environment variable',
    )
    .action(async (options: { agency?: string; previousSecretEnv?: string }) => {
      await withCliContext(async ({ services, config }) => {
        if (options.previousSecretEnv) {
          const text = process.env[options.previousSecretEnv];
          if (!text) throw new CliError(`The environment variable ${options.previousSecretEnv} is empty.`, 64);
          const n = await services.notes.rewrap(new WrappingKey(deriveSecret(text)), new WrappingKey(config.secret));
          console.log(`Rewrapped ${n} data key(s) under the current instance secret.`);
        }
        const all = await services.directory.agencies();
        const wanted = options.agency?.toLowerCase();
        const agencies = wanted
          ? all.filter((a) => a.id === options.agency || a.short_name.toLowerCase() === wanted)
          : all;
        if (agencies.length === 0) throw new CliError(`No agency is called ${options.agency}.`, 64);
        for (const a of agencies) {
          const r = await services.notes.rotate(a.id);
          console.log(
            `${a.short_name}: ${r.reencrypted} note(s) re-encrypted under a new key, ${r.retired} key(s) retired.`,
          );
        }
      });
    });
}
