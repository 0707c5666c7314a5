import { TIME_ZONE_ABBREVIATIONS } from '../../domain/org/unit-tree.js';
import { DEMO_PASSWORD } from './demo-secrets.js';
import type { DemoData } from './generate.js';

/** One account a visitor can sign in as. */
export interface DemoSignIn {
  agency: string;
  role: string;
  name: string;
  /** What to type in the sign-in form: a NIP or an email address. */
  identifier: string;
  email: string;
  unit: string;
  /** Base32 TOTP secret for roles that require two-step sign-in; null otherwise. */
  totpSecret: string | null;
}

/** The order the table lists roles in: from everyone's view to the operator's. */
const ROLE_ORDER = [
  'Employee',
  'Manager',
  'Wellbeing admin',
  'Counsellor (internal)',
  'Counsellor (EAP)',
  'Agency admin',
  'Platform admin',
  // Separation of duties (docs/decisions/012-separation-of-duties.md).
  'Data-protection officer',
  'Clinical supervisor',
];

/** The documented sign-ins, in the order docs/demo.md lists them. */
export function demoSignIns(data: DemoData): DemoSignIn[] {
  const rank = (role: string) => (ROLE_ORDER.includes(role) ? ROLE_ORDER.indexOf(role) : ROLE_ORDER.length);
  return data.agencies.flatMap((agency) => {
    const unitOf = new Map(agency.units.map((u) => [u.code, u]));
    return agency.people
      .flatMap((p) => {
        if (!p.signIn) return [];
        const unit = unitOf.get(p.unitCode);
        return [
          {
            agency: agency.name,
            role: p.signIn.label,
            name: p.fullName,
            identifier: p.signIn.with === 'nip' && p.nip ? p.nip : p.email,
            email: p.email,
            unit: unit ? `${unit.name} (${TIME_ZONE_ABBREVIATIONS[unit.timeZone]})` : p.unitCode,
            totpSecret: p.totpSecret,
          },
        ];
      })
      .sort((a, b) => rank(a.role) - rank(b.role));
  });
}

/** The sign-in table as printed by `teduh demo` and `npm run demo`. */
export function formatSignIns(signIns: readonly DemoSignIn[]): string {
  const lines = [`Demo sign-ins. Password for every demo account: ${DEMO_PASSWORD}`, ''];
  const roleWidth = Math.max(...signIns.map((s) => s.role.length));
  const idWidth = Math.max(...signIns.map((s) => s.identifier.length));
  for (const agency of [...new Set(signIns.map((s) => s.agency))]) {
    lines.push(`  ${agency}`);
    for (const s of signIns.filter((x) => x.agency === agency)) {
      const secret = s.totpSecret ? `two-step secret ${s.totpSecret}` : 'no two-step needed';
      lines.push(`    ${s.role.padEnd(roleWidth)}  ${s.identifier.padEnd(idWidth)}  ${secret}`);
    }
    lines.push('');
  }
  lines.push(
    'Accounts with a two-step secret ask for a 6-digit code after the password: add the secret to any',
    'authenticator app, or print the current code with:  npm run teduh -- demo-code <email>',
  );
  return lines.join('\n');
}
