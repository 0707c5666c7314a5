import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { requireState, storagePath } from './support/state.js';

/**
 * The employee's home after a crisis answer (at both widths): it greets them by the short name
 * they chose, shows their own request for help as received, then — once the duty counsellor takes
 * it up — as "a counsellor is on it", with the help contacts and the safety plan one tap away
 * (docs/decisions/022-preferred-name-and-own-state.md), above the next steps grouped as "today",
 * "look after yourself" and "help". Needs the employee of 03 and the
 * counsellor of 07.
 */
test.describe('the employee’s home after asking for help', () => {
  test.use({ storageState: storagePath('employee') });

  test('a short name, a crisis answer with a request, received, then a counsellor on it', async ({
    page,
    browser,
    a11y,
  }) => {
    const counsellorName = requireState('counsellorName');

    // The greeting uses the short name the person sets on their profile.
    await page.goto('/profile');
    const name = page.getByRole('region', { name: 'Nama panggilan' });
    await name.getByLabel('Nama panggilan Anda').fill('Mas Budi');
    await name.getByRole('button', { name: 'Simpan nama panggilan' }).click();
    await expect(name.getByText('Mulai sekarang kami menyapa Anda "Mas Budi".')).toBeVisible();
    await a11y.check('profile with a short name');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: /, Mas Budi$/ })).toBeVisible();
    await expect(page.getByText('Segera hadir')).toHaveCount(0);

    // PHQ-9 with a crisis answer, and a request to be contacted.
    await page.goto('/self-check/phq9');
    await a11y.check('PHQ-9 intro');
    const consent = page.getByRole('form', { name: 'Sebelum mulai' });
    await consent.getByLabel('Saya sudah membaca keterangan di atas').check();
    await consent.getByRole('button', { name: 'Setuju dan mulai' }).click();
    for (let n = 1; n <= 8; n++) {
      await expect(page.getByRole('heading', { level: 2, name: `Pertanyaan ${n} dari 9` })).toBeVisible();
      await page.getByRole('radio', { name: 'Tidak pernah' }).check();
      await page.getByRole('button', { name: 'Berikutnya' }).click();
    }
    await page.getByRole('radio', { name: 'Beberapa hari' }).check();
    await page
      .getByRole('region', { name: 'Anda tidak sendirian' })
      .getByRole('button', { name: 'Lanjutkan mengisi' })
      .click();
    await page.getByRole('button', { name: 'Selesai' }).click();
    const end = page.getByRole('region', { name: 'Sebelum melihat hasil Anda' });
    await end.getByRole('button', { name: 'Ya, hubungi saya' }).click();
    const request = end.getByRole('form', { name: 'Permintaan untuk dihubungi' });
    const phone = request.getByLabel('Nomor telepon');
    if ((await phone.inputValue()) === '') await phone.fill('0812 3456 7890');
    await request.getByRole('button', { name: 'Kirim dan lihat hasil' }).click();
    await expect(page).toHaveURL(/\/self-check\/results\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Gejala depresi minimal' })).toBeVisible();
    await a11y.check('PHQ-9 result, minimal, after a crisis answer');

    // Home: the request as received, what to do while waiting, the latest result.
    await page.goto('/');
    const card = page.getByRole('region', { name: 'Permintaan bantuan Anda' });
    await expect(card.getByRole('listitem').filter({ hasText: 'Diterima' })).toHaveAttribute('aria-current', 'step');
    await expect(card.getByText(/sudah kami terima/)).toBeVisible();
    await expect(card.getByRole('link', { name: /Buka rencana keselamatan Anda/ })).toHaveAttribute(
      'href',
      '/me/safety-plan',
    );
    await expect(card.getByRole('link', { name: /Lihat kontak bantuan/ })).toHaveAttribute('href', '/help');
    const latest = page.getByRole('region', { name: 'Hasil cek diri terakhir' });
    await expect(latest.getByText('Gejala depresi minimal')).toBeVisible();
    await expect(latest.getByText(/cek lagi sekitar/)).toBeVisible();
    // The next steps in three groups, below the request at both widths: today's tools first.
    const next = page.getByRole('navigation', { name: 'Yang dapat Anda lakukan' });
    await expect(next.getByRole('heading', { level: 3 })).toHaveText(['Hari ini', 'Jaga diri', 'Bantuan']);
    await expect(next.getByRole('region', { name: 'Hari ini' }).getByRole('link')).toHaveCount(4);
    const requestBox = await card.boundingBox();
    const todayBox = await next.getByRole('heading', { name: 'Hari ini' }).boundingBox();
    expect(requestBox && todayBox && requestBox.y < todayBox.y).toBe(true);
    await a11y.check('home with a request received');
    await expectNoHorizontalScroll(page);

    // The duty counsellor takes it up.
    const context = await browser.newContext({ storageState: storagePath('counsellor') });
    const counsellor = await context.newPage();
    await counsellor.goto('/counselling/urgent');
    const item = counsellor
      .getByRole('listitem')
      .filter({ has: counsellor.getByRole('heading', { name: 'Budi Santoso' }) })
      .first();
    await item.getByRole('button', { name: /Saya tangani/ }).click();
    await counsellor
      .getByRole('dialog', { name: 'Tangani permintaan Budi Santoso?' })
      .getByRole('button', { name: 'Saya tangani' })
      .click();
    await expect(counsellor.getByText('Permintaan ditandai sedang Anda tangani.')).toBeVisible();
    await expect(item.getByRole('definition').filter({ hasText: counsellorName })).toBeVisible();
    await context.close();

    // Home again: a counsellor is on it.
    await page.reload();
    await expect(card.getByRole('listitem').filter({ hasText: 'Konselor menangani' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    await expect(card.getByText(/Seorang konselor sudah menangani permintaan Anda/)).toBeVisible();
    await a11y.check('home with a counsellor on it');
    await expectNoHorizontalScroll(page);
  });
});
