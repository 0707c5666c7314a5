import type { Page } from '@playwright/test';
import { expect, freshTotp, type A11y } from './fixtures.js';

/**
 * On /two-factor/setup, where a staff role's first sign-in lands (src/domain/access/roles.ts,
 * ROLES_REQUIRING_TWO_FACTOR): enrols with a fresh code from the secret the page shows, confirms
 * the recovery codes were saved and lands on the home. Returns the secret and the step used, for
 * later sign-ins (`freshTotp` refuses to reuse a step).
 */
export async function enrolTwoFactor(page: Page, a11y: A11y, label: string): Promise<{ secret: string; step: number }> {
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await a11y.check(label, page);
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  const enrol = await freshTotp(secret, undefined);
  await page.getByLabel('Kode verifikasi').fill(enrol.code);
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Simpan kode pemulihan Anda' })).toBeVisible();
  await page.getByLabel('Saya sudah menyimpannya').check();
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await expect(page).toHaveURL(/\/$/);
  return { secret, step: enrol.step };
}
