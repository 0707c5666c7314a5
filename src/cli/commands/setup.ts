import { Option, type Command } from 'commander';
import { setupBody, AGENCY_KINDS } from '../../contracts/setup.js';
import { issueMessage } from '../../i18n/validation-issues.js';
import { AppError, FieldValidationError } from '../../server/http/errors.js';
import { CliError, withCliContext, type CliContext } from '../cli-context.js';
import { readPassword } from '../password-input.js';

interface SetupOptions {
  agencyName: string;
  agencyShortName: string;
  agencyKind: string;
  timeZone: string;
  unitName: string;
  unitCode: string;
  adminName: string;
  adminEmail: string;
  adminNip?: string;
  employmentType?: string;
  passwordStdin?: boolean;
}

/** Where each field of the set-up body comes from, to name the option in an error. */
const OPTION_OF_FIELD: Record<string, string> = {
  'agency.name': '--agency-name',
  'agency.shortName': '--agency-short-name',
  'agency.kind': '--agency-kind',
  'agency.timeZone': '--time-zone',
  'rootUnit.name': '--unit-name',
  'rootUnit.code': '--unit-code',
  'admin.fullName': '--admin-name',
  'admin.email': '--admin-email',
  'admin.nip': '--admin-nip',
  'admin.employmentType': '--employment-type',
  'admin.password': 'password',
};

/** People say WIB, WITA and WIT; the database keeps IANA names. */
const TIME_ZONE_ALIASES: Record<string, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/**
 * `teduh setup`: the headless twin of the first-run page. Creates the first agency, its top unit
 * and its admin (also the platform admin) through the same SetupService the page uses.
 */
export function registerSetupCommand(program: Command): void {
  program
    .command('setup')
    .description('first-run set-up without a browser: the first agency, its top unit and its admin')
    .requiredOption('--agency-name <name>', 'agency name, e.g. "Pemerintah Kota Ambon"')
    .requiredOption('--agency-short-name <name>', 'short name, e.g. "Pemkot Ambon"')
    .addOption(new Option('--agency-kind <kind>', 'kind of agency').choices(AGENCY_KINDS).makeOptionMandatory())
    .option('--time-zone <zone>', 'Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)', 'Asia/Jakarta')
    .requiredOption('--unit-name <name>', 'name of the top unit, e.g. "Sekretariat Daerah"')
    .requiredOption('--unit-code <code>', 'code of the top unit, e.g. SETDA')
    .requiredOption('--admin-name <name>', "the admin's full name")
    .requiredOption('--admin-email <email>', "the admin's email address (their sign-in)")
    .option('--admin-nip <nip>', "the admin's NIP or NI PPPK (18 digits); none for non-ASN")
    .addOption(
      new Option('--employment-type <type>', 'pns, pppk or non_asn (default: pns with a NIP, else non_asn)').choices([
        'pns',
        'pppk',
        'non_asn',
      ]),
    )
    .option('--password-stdin', "read the admin's password from standard input (else TEDUH_ADMIN_PASSWORD)")
    .action(async (options: SetupOptions) => {
      const password = await readPassword({
        fromStdin: options.passwordStdin === true,
        envVar: 'TEDUH_ADMIN_PASSWORD',
        prompt: 'Admin password: ',
      });
      await withCliContext((context) => runSetup(context, options, password));
    });
}

async function runSetup(context: CliContext, options: SetupOptions, password: string): Promise<void> {
  const { t, services, config } = context;
  const parsed = setupBody.safeParse({
    agency: {
      name: options.agencyName,
      shortName: options.agencyShortName,
      kind: options.agencyKind,
      timeZone: TIME_ZONE_ALIASES[options.timeZone.toUpperCase()] ?? options.timeZone,
    },
    rootUnit: { name: options.unitName, code: options.unitCode },
    admin: {
      fullName: options.adminName,
      email: options.adminEmail,
      employmentType: options.employmentType ?? (options.adminNip ? 'pns' : 'non_asn'),
      ...(options.adminNip ? { nip: options.adminNip } : {}),
      password,
    },
  });
  if (!parsed.success) {
    const known = (key: string) => t(key) !== key;
    throw invalidFields(
      t,
      parsed.error.issues.map((issue) => {
        const { key, params } = issueMessage(issue, known);
        return { path: issue.path.map(String).join('.'), message: t(key, params) };
      }),
    );
  }
  try {
    await services.setup.run(parsed.data, null);
  } catch (err) {
    if (err instanceof FieldValidationError) {
      throw invalidFields(
        t,
        err.problems.map((p) => ({ path: p.path, message: t(`validation.${p.key}`, p.params ?? {}) })),
      );
    }
    if (err instanceof AppError) throw new CliError(t(`errors.${err.code}`, err.params));
    throw err;
  }
  const { agency, admin } = parsed.data;
  console.log(`Teduh is set up: ${agency.name} (${agency.shortName}), ${agency.timeZone}.`);
  console.log(`${admin.fullName} <${admin.email}> is its agency admin and the platform admin.`);
  console.log(
    `Sign in at ${config.publicUrl} with ${admin.email}; two-step verification is set up at the first sign-in.`,
  );
}

function invalidFields(t: CliContext['t'], problems: Array<{ path: string; message: string }>): CliError {
  const lines = problems.map((p) => `  ${OPTION_OF_FIELD[p.path] ?? p.path}: ${p.message}`);
  return new CliError(`${t('errors.validation')}\n${lines.join('\n')}`, 65);
}
