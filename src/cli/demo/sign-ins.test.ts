import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-secrets.js';
import { generateDemo } from './generate.js';
import { demoSignIns, formatSignIns } from './sign-ins.js';

const signIns = demoSignIns(generateDemo());

describe('demo sign-ins', () => {
  it('offer every role in each agency, and the platform admin once', () => {
    const roles = (agency: string) => signIns.filter((s) => s.agency === agency).map((s) => s.role);
    const common = [
      'Employee',
      'Manager',
      'Wellbeing admin',
      'Counsellor (internal)',
      'Counsellor (EAP)',
      'Agency admin',
    ];
    const issue7 = ['Data-protection officer', 'Clinical supervisor'];
    expect(roles('Pemerintah Kabupaten Sleman')).toEqual([...common, 'Platform admin', ...issue7]);
    expect(roles('Badan Layanan Sertifikasi Nasional')).toEqual([...common, ...issue7]);
  });

  it('show one employee signing in with a NIP and the rest with an email', () => {
    expect(signIns.filter((s) => /^\d{18}$/.test(s.identifier)).map((s) => s.role)).toEqual(['Employee']);
  });

  it('are printed with the password and every two-step secret', () => {
    const text = formatSignIns(signIns);
    expect(text).toContain(DEMO_PASSWORD);
    for (const s of signIns) {
      expect(text).toContain(s.identifier);
      if (s.totpSecret) expect(text).toContain(s.totpSecret);
    }
    expect(text).toContain('npm run teduh -- demo-code <email>');
  });

  it('match docs/demo.md', () => {
    const doc = fs.readFileSync(fileURLToPath(new URL('../../../docs/demo.md', import.meta.url)), 'utf8');
    expect(doc).toContain(DEMO_PASSWORD);
    for (const s of signIns) {
      expect(doc, s.identifier).toContain(s.identifier);
      if (s.totpSecret) expect(doc, s.totpSecret).toContain(s.totpSecret);
    }
  });
});
