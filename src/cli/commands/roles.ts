import type { Command } from 'commander';
import { AppError } from '../../server/http/errors.js';
import { CliError, withCliContext } from '../cli-context.js';

/**
 * `teduh roles pending` and `teduh roles approve <id>`: the operator's approval of a role grant, for
 * an agency (or a platform) with nobody independent to approve it — a fresh install has one admin
 * who is also the platform admin. Whoever runs this already holds the database and the instance
 * secret, so it gives them no power they lack; the approval is audited like any other
 * (docs/decisions/012-separation-of-duties.md).
 */
export function registerRolesCommand(program: Command): void {
  const roles = program.command('roles').description('role grants that wait for a second person');
  roles
    .command('pending')
    .description('list role grants waiting for approval, in every agency')
    .action(async () => {
      await withCliContext(async ({ services }) => {
        const rows = await services.roleRequests.listPendingForOperator();
        if (rows.length === 0) console.log('No role grants are waiting.');
        for (const r of rows)
          console.log(`${r.id}  ${r.role}  ${r.personName}  requested by ${r.requestedBy.name}  until ${r.expiresAt}`);
      });
    });
  roles
    .command('approve')
    .argument('<id>', 'the id of the pending role request')
    .description('approve a pending role grant as the operator of this install')
    .action(async (id: string) => {
      await withCliContext(async ({ services }) => {
        try {
          const r = await services.roleRequests.approveAsOperator(id);
          console.log(`Approved: ${r.role} for ${r.personName}.`);
        } catch (err) {
          if (err instanceof AppError) throw new CliError(`Not approved: ${err.code}`, 1);
          throw err;
        }
      });
    });
}
