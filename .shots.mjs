import { chromium } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
const BASE = 'http://127.0.0.1:3131';
const OUT = '/tmp/i12-shots';
const width = Number(process.env.W ?? 360);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
import fs from 'node:fs';
async function signIn(identifier, secret) {
  const stateFile = `${OUT}/${identifier}.json`;
  const opts = { viewport: { width, height: 780 }, baseURL: BASE, locale: 'id-ID', timezoneId: 'Asia/Jakarta' };
  if (fs.existsSync(stateFile)) return (await browser.newContext({ ...opts, storageState: stateFile })).newPage();
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  const r = await page.request.post('/api/v1/auth/sign-in', { headers: { origin: BASE }, data: { identifier, password: 'teduh demo sejuk 2026' } });
  if (!r.ok()) throw new Error(await r.text());
  if (secret) {
    const s = await (await page.request.get('/api/v1/auth/session')).json();
    const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    const v = await page.request.post('/api/v1/auth/two-factor/verify', { headers: { origin: BASE, 'x-csrf-token': s.csrfToken }, data: { code } });
    if (!v.ok()) throw new Error(await v.text());
  }
  await context.storageState({ path: stateFile });
  return page;
}
const shot = async (page, name) => {
  await page.waitForTimeout(600);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  console.log(name, 'overflow', overflow);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < height && i < 8; y += 900, i++)
    await page.screenshot({ path: `${OUT}/${width}-${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
};
const step = process.env.STEP ?? 'admin';
if (step === 'admin') {
  const page = await signIn('dewi.kusumaningrum@demo.slemankab.go.id', process.env.SECRET);
  await page.goto('/surveys');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, '1-list');
  await page.goto('/surveys/new');
  await page.getByText('Denyut', { exact: false }).first().waitFor().catch(() => {});
  await shot(page, '2-new');
  await page.locator('input[name="survey-template"][value="pulse"]').check();
  await page.locator('.unit-picker input[type=checkbox]').first().check();
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
  await shot(page, '3-draft');
  await page.getByRole('button', { name: 'Buka survei' }).first().click();
  await shot(page, '4-open-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Buka survei' }).click();
  await page.getByRole('heading', { name: 'Tingkat partisipasi' }).waitFor();
  await shot(page, '5-open');
  console.log(page.url());
}
if (step === 'view') {
  const page = await signIn('dewi.kusumaningrum@demo.slemankab.go.id', process.env.SECRET);
  await page.goto(process.env.URL);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, process.env.NAME);
}
if (step === 'employee') {
  const page = await signIn('200204132024102002');
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, '6-home');
  await page.getByRole('link', { name: 'Jawab survei' }).first().click();
  await page.getByRole('button', { name: 'Kirim jawaban' }).waitFor();
  await shot(page, '7-form');
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await shot(page, '8-errors');
}
await browser.close();
