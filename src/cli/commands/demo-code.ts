import type { Command } from 'commander';
import { currentTotp, findCredentials } from '../../server/modules/auth/index.js';
import { CliError, withCliContext } from '../cli-context.js';
import { demoTotpSecretFor } from '../demo/demo-secrets.js';
import { useRecordedDemoData } from '../demo-record.js';

const PERIOD_SECONDS = 30;

/**
 * `teduh demo-code <email>`: the current two-step code of a demo account, so the demo can be
 * tried without an authenticator app. Works only while the account's secret is the documented
 * demo secret; for any other account it refuses, so it never bypasses a real person's second factor.
 */
export function registerDemoCodeCommand(program: Command): void {
  program
    .command('demo-code')
    .description('print the current two-step code of a demo account (demo accounts only)')
    .argument('<email>', 'the demo account, e.g. dewi.kusumaningrum@demo.slemankab.go.id')
    .action(async (email: string) => {
      // The running demo's data, as `npm run demo` recorded it, unless DATA_DIR or DATABASE_URL says otherwise.
      const recorded = useRecordedDemoData();
      await withCliContext(async ({ services, config }) => {
        const person = await services.directory.personBySignInIdentifier({ email: email.trim() });
        const credentials = person ? await findCredentials(services.db.db, person.id) : undefined;
        const refusal = `${email} is not a demo account with the documented two-step secret; demo-code works only for those (see docs/demo.md).`;
        if (!person?.email) {
          const where = config.databaseUrl ? 'the database in DATABASE_URL' : `the data in ${config.dataDir}`;
          throw new CliError(
            `${refusal}\nLooked in ${where}${recorded ? ' (where `npm run demo` last kept its data)' : ''}. ` +
              'If the demo runs with other data, give the same setting: ' +
              `DATA_DIR=<its data folder> npm run teduh -- demo-code ${email}`,
          );
        }
        if (!credentials?.totp_secret_enc || !credentials.totp_enabled_at) {
          throw new CliError(`${email} does not use two-step sign-in: the password alone signs in.`);
        }
        let secret: string;
        try {
          secret = services.keys.decrypt(credentials.totp_secret_enc);
        } catch {
          throw new CliError(
            `${refusal}\nIts secret cannot be read with this install's key (TEDUH_SECRET or data/secret.key).`,
          );
        }
        if (secret !== demoTotpSecretFor(person.email)) throw new CliError(refusal);
        const now = services.clock.now();
        const secondsLeft = PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % PERIOD_SECONDS);
        console.log(currentTotp(secret, now));
        console.error(`(valid for ${secondsLeft} more seconds; each code is accepted once)`);
      });
    });
}
