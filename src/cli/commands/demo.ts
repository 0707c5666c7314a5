import type { Command } from 'commander';
import { CliError, withCliContext } from '../cli-context.js';
import { demoDatabaseState, loadDemo } from '../demo/load-demo.js';
import { generateDemo } from '../demo/generate.js';
import { demoSignIns, formatSignIns } from '../demo/sign-ins.js';

/**
 * `teduh demo`: loads two demo agencies (a regency in WIB, a central agency with offices in WIB,
 * WITA and WIT) into an empty database and prints how to sign in as each role.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the demo agencies and people into an empty database, then print the demo sign-ins')
    .option(
      '--if-empty',
      'when the database already has agencies, say so and succeed instead of failing (npm run demo)',
    )
    .action(async (options: { ifEmpty?: boolean }) => {
      await withCliContext(async ({ services, database }) => {
        const data = generateDemo();
        const state = await demoDatabaseState(services.db.db);
        if (state === 'demo_loaded') {
          console.log(`The demo is already loaded in ${database.description}.\n`);
        } else if (state === 'has_agencies') {
          const message =
            `${database.description} already holds agencies, so the demo was not loaded: it only goes into an empty ` +
            'database. Point DATABASE_URL at a new database (or move data/teduh.sqlite aside) to try the demo.';
          if (!options.ifEmpty) throw new CliError(message);
          console.log(message);
          return;
        } else {
          const started = performance.now();
          const { keys, clock, audit, notes, surveys, suggestions } = services;
          // The closing's jobs compute the closed waves' results, which the demo's publications copy.
          const surveyActions = { module: services.surveyActions, runJobs: () => services.jobs.drain(1_000) };
          const result = await loadDemo(
            {
              db: services.db.db,
              keys,
              clock,
              audit,
              notes,
              surveys,
              suggestions,
              surveyActions,
              gatherings: { messenger: services.gatherings },
            },
            data,
          );
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          console.log(
            `Loaded the demo into ${database.description}: ${result.agencies} agencies, ${result.units} units, ` +
              `${result.people} people (${seconds} s).\n`,
          );
        }
        console.log(formatSignIns(demoSignIns(data)));
      });
    });
}
