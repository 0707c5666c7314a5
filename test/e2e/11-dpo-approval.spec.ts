import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { requireState, storagePath } from './support/state.js';
import { dataRows } from './support/nav.js';

/**
 * In the browser: separation of duties and the data-protection officer. The admin asks
 * for a second counsellor; until the DPO named in 07 approves it, it gives nothing and every
 * employee sees it waiting on the open list; the DPO approves it in the console, where the alerts,
 * the record of processing activities, the breach register (3×24-hour clock, notices) and the
 * retention schedule are — at both widths, like every journey.
 */
const COUNSELLOR = { name: 'Siti Rahmawati' };

test.describe('a second counsellor', () => {
  test.use({ storageState: storagePath('admin') });

  test('the admin asks for it; the employees see it waiting; the DPO approves it; the open list shows who approved it', async ({
    page,
    browser,
    a11y,
  }) => {
    const dpoName = requireState('dpoName');
    await page.goto('/admin/people');
    await a11y.check('people list');
    await dataRows(page, 'Daftar pegawai').getByRole('link', { name: COUNSELLOR.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: COUNSELLOR.name })).toBeVisible();
    await a11y.check('person page');
    const roles = page.getByRole('region', { name: 'Peran' });
    await roles.getByLabel('Peran', { exact: true }).selectOption({ label: 'Konselor' });
    await roles.getByRole('button', { name: 'Beri peran' }).click();
    await expect(roles.getByText(/^Permintaan peran Konselor dicatat\./)).toBeVisible();
    await a11y.check('person page: counsellor requested');

    // Every employee sees the request on the open list, reached from the privacy page.
    const employeeContext = await browser.newContext({ storageState: storagePath('employee') });
    const employee = await employeeContext.newPage();
    a11y.track(employee);
    await employee.goto('/profile/privacy');
    await a11y.check('privacy page', employee);
    await employee.getByRole('link', { name: 'Siapa yang dapat membaca data kesehatan di instansi saya' }).click();
    await expect(
      employee.getByRole('heading', { level: 1, name: 'Siapa yang dapat membaca data kesehatan' }),
    ).toBeVisible();
    const waiting = dataRows(employee, 'Peran yang menunggu persetujuan');
    await expect(waiting.filter({ hasText: COUNSELLOR.name })).toContainText('Konselor');
    const readers = dataRows(employee, 'Orang yang dapat membaca data kesehatan');
    await expect(readers.filter({ hasText: 'Dewi Lestari' })).toContainText(dpoName);
    await expect(readers.filter({ hasText: COUNSELLOR.name })).toHaveCount(0);
    await a11y.check('open list with a grant waiting', employee);

    // The DPO approves it; the alerts show the request and the approval.
    const dpoContext = await browser.newContext({ storageState: storagePath('dpo') });
    const dpo = await dpoContext.newPage();
    a11y.track(dpo);
    await dpo.goto('/dpo');
    await expect(dpo.getByRole('heading', { level: 1, name: 'Konsol pelindungan data pribadi' })).toBeVisible();
    await a11y.check('DPO console with a grant waiting', dpo);
    await dpo.getByRole('button', { name: `Setujui peran Konselor untuk ${COUNSELLOR.name}` }).click();
    await dpo
      .getByRole('dialog', { name: `Setujui peran Konselor untuk ${COUNSELLOR.name}?` })
      .getByRole('button', { name: 'Setujui' })
      .click();
    await expect(dpo.getByText(`Peran Konselor untuk ${COUNSELLOR.name} sudah disetujui dan berlaku.`)).toBeVisible();
    await expect(dpo.getByText('Tidak ada peran yang menunggu persetujuan.')).toBeVisible();
    const alerts = dpo.getByRole('region', { name: 'Peringatan' });
    await expect(alerts.getByText(`Peran Konselor untuk ${COUNSELLOR.name} disetujui`)).toBeVisible();
    await alerts
      .getByRole('button', { name: `Tandai peringatan tentang ${COUNSELLOR.name} sudah ditinjau` })
      .first()
      .click();
    await alerts.getByLabel('Tampilkan juga yang sudah ditinjau').check();
    await expect(alerts.getByText(/Ditinjau .* oleh /).first()).toBeVisible();
    await a11y.check('DPO console after approval', dpo);

    await employee.reload();
    await expect(readers.filter({ hasText: COUNSELLOR.name })).toContainText(dpoName);
    await expect(waiting).toHaveCount(0);
    await a11y.check('open list after approval', employee);
    await employeeContext.close();
    await dpoContext.close();
  });
});

test.describe('the DPO console', () => {
  test.use({ storageState: storagePath('dpo') });

  test('records a breach with its 3×24-hour clock and notices, and keeps processing records and retention', async ({
    page,
    a11y,
  }) => {
    await page.goto('/dpo/processing');
    await expect(page.getByRole('heading', { level: 1, name: 'Catatan kegiatan pemrosesan' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await a11y.check('processing records');
    const results = page.getByRole('region', { name: 'Hasil cek diri' });
    await results.getByRole('button', { name: 'Ubah catatan Hasil cek diri' }).click();
    await results.getByLabel('Masa simpan').fill('730 hari sejak diisi, kecuali dihapus lebih awal oleh pegawai');
    await results.getByRole('button', { name: 'Simpan catatan' }).click();
    await expect(page.getByText('Catatan Hasil cek diri disimpan.')).toBeVisible();
    await expect(results.getByText('730 hari sejak diisi, kecuali dihapus lebih awal oleh pegawai')).toBeVisible();

    await page.getByRole('navigation', { name: 'Menu PPDP' }).getByRole('link', { name: 'Insiden kebocoran' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Daftar insiden kebocoran data' })).toBeVisible();
    await expect(page.getByText('Belum ada insiden yang dicatat.')).toBeVisible();
    await a11y.check('breach register, empty');
    const form = page.getByRole('form', { name: 'Catat insiden' });
    // Submitting empty shows what is missing.
    await form.getByRole('button', { name: 'Catat insiden' }).click();
    await expect(form.getByText('Wajib diisi.').first()).toBeVisible();
    await form.getByLabel('Judul singkat').fill('Berkas ekspor daftar pegawai terkirim ke alamat yang salah');
    await form.getByLabel('Identitas dan kepegawaian').check();
    // Two hours ago, as the browser's clock in Asia/Jakarta (UTC+7, no daylight saving) shows it.
    const local = new Date(Date.now() - 2 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 16);
    // Typed as people in Indonesia write it: day first, 24-hour time.
    const discovered = form.getByRole('group', { name: 'Diketahui pada' });
    await discovered
      .getByLabel('Tanggal', { exact: true })
      .fill(`${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`);
    await discovered.getByLabel('Pukul', { exact: true }).fill(local.slice(11, 16).replace(':', '.'));
    await form.getByLabel('Bagaimana diketahui').fill('Penerima melapor ke kotak masuk PPDP');
    await form
      .getByLabel('Apa yang terjadi')
      .fill('Sebuah lampiran berisi nama dan unit 40 pegawai terkirim ke alamat di luar instansi.');
    await form.getByLabel('Jumlah orang terdampak').fill('40');
    await form
      .getByLabel('Penanganan dan pemulihan')
      .fill('Penerima menghapus berkas dan mengonfirmasi secara tertulis.');
    await form.getByLabel('Kontak untuk orang terdampak').fill('ppdp@slemankab.go.id');
    await form.getByRole('button', { name: 'Catat insiden' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Berkas ekspor daftar pegawai terkirim ke alamat yang salah' }),
    ).toBeVisible();
    await expect(page.getByText('Insiden dicatat. Jam 3×24 jam sudah berjalan sejak saat diketahui.')).toBeVisible();
    const clock = page.getByRole('region', { name: 'Jam pemberitahuan 3×24 jam' });
    await expect(clock.getByText(/^Sisa (69|70) jam \d+ menit/)).toBeVisible();
    const notices = page.getByRole('region', { name: 'Templat pemberitahuan' });
    const inIndonesian = notices.getByRole('region', { name: 'Bahasa Indonesia' });
    const inEnglish = notices.getByRole('region', { name: 'English' });
    await expect(inIndonesian.getByRole('region', { name: 'Untuk orang yang terdampak' })).toContainText(
      'Berkas ekspor daftar pegawai terkirim ke alamat yang salah',
    );
    await expect(inIndonesian.getByRole('region', { name: 'Untuk orang yang terdampak' })).toContainText(
      'ppdp@slemankab.go.id',
    );
    await expect(inIndonesian.getByRole('region', { name: 'Untuk lembaga pelindungan data pribadi' })).toContainText(
      'Jumlah subjek data terdampak: 40',
    );
    await expect(inEnglish.getByRole('region', { name: 'Untuk lembaga pelindungan data pribadi' })).toContainText(
      'Number of data subjects affected: 40',
    );
    await expectNoHorizontalScroll(page);
    await a11y.check('breach with clock and notices');
    await clock.getByRole('button', { name: 'Catat: orang terdampak sudah diberi tahu sekarang' }).click();
    await expect(clock.getByText(/^Diberi tahu /)).toBeVisible();
    await clock.getByRole('button', { name: 'Catat: lembaga PDP sudah diberi tahu sekarang' }).click();
    await expect(clock.getByText('Pemberitahuan terkirim tepat waktu')).toBeVisible();

    await page.getByRole('navigation', { name: 'Menu PPDP' }).getByRole('link', { name: 'Masa simpan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Masa simpan data' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await a11y.check('retention');
    const notifications = page.getByRole('form', { name: 'Pemberitahuan dalam aplikasi' });
    await notifications.getByRole('textbox', { name: 'Pemberitahuan dalam aplikasi' }).fill('10');
    await notifications.getByRole('button', { name: 'Simpan masa simpan Pemberitahuan dalam aplikasi' }).click();
    await expect(notifications.getByText('Masa simpan harus bilangan bulat antara 30 dan 730 hari.')).toBeVisible();
    await notifications.getByRole('textbox', { name: 'Pemberitahuan dalam aplikasi' }).fill('90');
    await notifications.getByRole('button', { name: 'Simpan masa simpan Pemberitahuan dalam aplikasi' }).click();
    await expect(page.getByText('Masa simpan Pemberitahuan dalam aplikasi menjadi 90 hari.')).toBeVisible();
    await a11y.check('retention after a change');
  });
});
