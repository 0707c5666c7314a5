import type { Locator } from '@playwright/test';
import { expect, expectNoHorizontalScroll, HELP_NOW, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * The safety plan (at both widths, as every journey): the employee (signed in by 03, like every employee spec)
 * writes a plan, finds it behind "Butuh bantuan sekarang" and on the crisis screen of a
 * questionnaire, changes it and deletes it. The spec leaves the employee as it found them: no plan
 * and no unfinished PHQ-9.
 */
const PLAN = {
  warning1: 'Tidak bisa tidur berhari-hari',
  warning2: 'Mulai menghindari teman-teman kantor',
  coping: 'Jalan kaki sore keliling kampung',
  helper: 'Mbak Sekar',
  helperPhone: '0812 3456 7001',
  reason: 'Anak-anak saya, Dimas dan Ayu',
};

/** A section of the plan folded on the crisis and help screens, opened by its title. */
async function openSection(region: Locator, title: string) {
  await region.locator('summary', { hasText: title }).click();
}

test.describe('an employee', () => {
  test.use({ storageState: storagePath('employee') });

  test('writes a safety plan, then finds it behind "Butuh bantuan sekarang" and on the crisis screen', async ({
    page,
    a11y,
  }) => {
    await page.goto('/self-check');
    const card = page.getByRole('region', { name: 'Rencana keselamatan' });
    await expect(card).toContainText('Hanya Anda yang dapat melihatnya.');
    await a11y.check('self-check with the safety plan');
    await card.getByRole('link', { name: 'Buka rencana keselamatan saya' }).click();

    // None yet: what a safety plan is, and that only the person sees it.
    await expect(page).toHaveURL(/\/me\/safety-plan$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Rencana keselamatan' })).toBeVisible();
    await expect(page.getByText('Anda belum membuat rencana keselamatan')).toBeVisible();
    await expect(
      page.getByText(/^Hanya Anda yang dapat melihatnya — tidak atasan, bagian kepegawaian, admin, maupun konselor/),
    ).toBeVisible();
    await a11y.check('safety plan, none yet');
    await expectNoHorizontalScroll(page);

    await page.getByRole('button', { name: 'Buat rencana keselamatan' }).click();
    const form = page.getByRole('form', { name: 'Menyusun rencana baru' });
    await expect(form.getByRole('heading', { level: 2, name: 'Menyusun rencana baru' })).toBeFocused();
    await form.getByRole('button', { name: 'Simpan rencana' }).click();
    await expect(form.getByText('Isi paling sedikit satu hal di salah satu bagian sebelum menyimpan.')).toBeVisible();
    await a11y.check('safety plan editor, nothing written');

    // Entries are added and removed in place; focus follows.
    const warnings = form.getByRole('group', { name: 'Tanda-tanda peringatan' });
    const addWarning = warnings.getByRole('button', { name: 'Tambah ke bagian Tanda-tanda peringatan' });
    await warnings.getByLabel('Tanda peringatan 1', { exact: true }).fill(PLAN.warning1);
    await addWarning.click();
    await expect(warnings.getByLabel('Tanda peringatan 2', { exact: true })).toBeFocused();
    await warnings.getByLabel('Tanda peringatan 2', { exact: true }).fill(PLAN.warning2);
    await addWarning.click();
    await warnings.getByLabel('Tanda peringatan 3', { exact: true }).fill('salah tulis');
    await warnings.getByRole('button', { name: 'Hapus Tanda peringatan 3' }).click();
    await expect(warnings.getByLabel('Tanda peringatan 3', { exact: true })).toHaveCount(0);
    await expect(addWarning).toBeFocused();

    await form
      .getByRole('group', { name: 'Cara saya menenangkan diri' })
      .getByLabel('Cara menenangkan diri 1', { exact: true })
      .fill(PLAN.coping);
    const helper = form.getByRole('group', { name: 'Orang yang dapat dimintai tolong 1' });
    await helper.getByLabel('Nama').fill(PLAN.helper);
    await helper.getByLabel(/^Nomor telepon/).fill('telepon rumah');
    // The agency's help contacts are shown beside "professionals", not copied into the plan.
    const professionals = form.getByRole('group', { name: 'Tenaga profesional dan layanan' });
    await expect(professionals).toContainText('Kontak bantuan instansi Anda');
    await expect(professionals).toContainText('112');
    await form
      .getByRole('group', { name: 'Alasan saya untuk tetap hidup' })
      .getByLabel('Alasan untuk tetap hidup 1', { exact: true })
      .fill(PLAN.reason);
    await form.getByRole('button', { name: 'Simpan rencana' }).click();
    await expect(
      helper.getByText('Nomor telepon hanya boleh berisi angka, spasi, tanda + dan -, 8–15 digit.'),
    ).toBeVisible();
    await expect(helper.getByLabel('Nama')).toHaveValue(PLAN.helper);
    await a11y.check('safety plan editor, a wrong number');
    await expectNoHorizontalScroll(page);
    await helper.getByLabel(/^Nomor telepon/).fill(PLAN.helperPhone);
    await form.getByRole('button', { name: 'Simpan rencana' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: 'Rencana keselamatan Anda sudah tersimpan.' }),
    ).toBeVisible();
    const view = page.getByRole('region', { name: 'Rencana saya' });
    await expect(view.getByRole('heading', { level: 3, name: 'Tanda-tanda peringatan' })).toBeVisible();
    await expect(view).toContainText(PLAN.warning2);
    await expect(view).not.toContainText('salah tulis');
    await expect(view.getByRole('link', { name: `Telepon ${PLAN.helperPhone}` })).toHaveAttribute(
      'href',
      'tel:081234567001',
    );
    await a11y.check('safety plan saved');
    await expectNoHorizontalScroll(page);

    // In a bad moment: the header's help button, the contacts, then the plan folded to fit the phone.
    await page.getByRole('banner').getByRole('link', { name: HELP_NOW }).click();
    await expect(page).toHaveURL(/\/help$/);
    const onHelp = page.getByRole('region', { name: 'Rencana keselamatan Anda' });
    await expect(onHelp.locator('summary', { hasText: 'Tanda-tanda peringatan' })).toContainText('(2)');
    await expect(onHelp.getByText(PLAN.warning1)).toBeHidden();
    await openSection(onHelp, 'Tanda-tanda peringatan');
    await expect(onHelp.getByText(PLAN.warning1)).toBeVisible();
    await openSection(onHelp, 'Orang yang dapat saya mintai tolong');
    await expect(onHelp.getByRole('link', { name: `Telepon ${PLAN.helperPhone}` })).toHaveAttribute(
      'href',
      'tel:081234567001',
    );
    // Sections left empty are not shown there.
    await expect(onHelp.locator('summary', { hasText: 'Membuat lingkungan saya lebih aman' })).toHaveCount(0);
    await a11y.check('help page with the safety plan');
    await expectNoHorizontalScroll(page);

    // The crisis screen of a questionnaire shows it too, with links that keep the form open.
    await page.goto('/self-check/phq9');
    await expect(page.getByRole('heading', { level: 1, name: 'Kuesioner Kesehatan Pasien-9 (PHQ-9)' })).toBeVisible();
    await a11y.check('PHQ-9 intro');
    await page.getByLabel('Saya sudah membaca keterangan di atas').check();
    await page.getByRole('button', { name: /^Setuju dan (mulai|lanjutkan)$/ }).click();
    for (let n = 1; n <= 8; n++) {
      await expect(page.getByRole('heading', { level: 2, name: `Pertanyaan ${n} dari 9` })).toBeVisible();
      await page.getByRole('radio', { name: 'Tidak pernah' }).check();
      await page.getByRole('button', { name: 'Berikutnya' }).click();
    }
    await page.getByRole('radio', { name: 'Beberapa hari' }).check();
    const crisis = page.getByRole('region', { name: 'Anda tidak sendirian' });
    await expect(crisis.getByRole('link', { name: 'Telepon 112' })).toBeVisible();
    const onCrisis = crisis.getByRole('region', { name: 'Rencana keselamatan Anda' });
    await openSection(onCrisis, 'Alasan saya untuk tetap hidup');
    await expect(onCrisis.getByText(PLAN.reason)).toBeVisible();
    await expect(
      onCrisis.getByRole('link', { name: 'Ubah rencana keselamatan (terbuka di tab baru)' }),
    ).toHaveAttribute('target', '_blank');
    await a11y.check('crisis screen with the safety plan');
    await expectNoHorizontalScroll(page);

    // Leave the questionnaire as it was before this spec: save it, then discard the unfinished form.
    await crisis.getByRole('button', { name: 'Lanjutkan mengisi' }).click();
    await page.getByRole('button', { name: 'Simpan dan lanjutkan nanti' }).click();
    await expect(page).toHaveURL(/\/self-check$/);
    const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    expect(
      (
        await page.request.delete('/api/v1/me/assessment-drafts/phq9', { headers: { 'x-csrf-token': csrfToken } })
      ).status(),
    ).toBe(200);

    // Changing the plan, then deleting it for good, after a confirmation.
    await page.goto('/me/safety-plan');
    await page.getByRole('button', { name: 'Ubah rencana' }).click();
    const edit = page.getByRole('form', { name: 'Mengubah rencana' });
    await expect(edit.getByLabel('Tanda peringatan 2', { exact: true })).toHaveValue(PLAN.warning2);
    await edit.getByRole('button', { name: 'Hapus Tanda peringatan 2' }).click();
    await edit.getByRole('button', { name: 'Simpan rencana' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Rencana keselamatan Anda sudah tersimpan.' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Rencana saya' })).not.toContainText(PLAN.warning2);

    await page.getByRole('button', { name: 'Hapus rencana' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hapus rencana keselamatan?' });
    await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
    await a11y.check('delete the safety plan?');
    await dialog.getByRole('button', { name: 'Hapus rencana' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Rencana keselamatan Anda sudah dihapus.' })).toBeVisible();
    await expect(page.getByText('Anda belum membuat rencana keselamatan')).toBeVisible();
    await page.goto('/help');
    await expect(page.getByRole('link', { name: 'Buat rencana keselamatan' })).toBeVisible();
    await a11y.check('help page without a safety plan');
  });
});
