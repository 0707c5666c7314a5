import { devMailLink } from './support/dev-mail.js';
import { expect, expectNoHorizontalScroll, HELP_NOW, test } from './support/fixtures.js';
import { operatorApproves } from './support/operator.js';
import { requireState, saveState, storagePath } from './support/state.js';
import { enrolTwoFactor } from './support/two-factor.js';
import { dataRows, mainNav, openMenu } from './support/nav.js';
import { IS_PHONE } from './support/base-url.js';

/**
 * Self-assessment and the crisis pathway in the browser: a duty counsellor is made through the
 * admin UI (role, invitation, two-factor) — the role waits for a second person, the
 * data-protection officer named first, who approves it in the DPO console; an employee answers the PHQ-9 with a crisis answer, sees the
 * crisis screen before any score and asks to be contacted; the counsellor takes up the request;
 * the employee shares the result, the counsellor reads it, and the employee sees that read.
 */
const COUNSELLOR = {
  name: 'Dewi Lestari',
  email: 'dewi.lestari@slemankab.go.id',
  password: 'teh hangat di sore yang teduh',
};
const DPO = { name: 'Agus Prasetyo', email: 'agus.prasetyo@slemankab.go.id', password: 'kabut pagi di lereng merapi' };

test.describe('a duty counsellor', () => {
  test.use({ storageState: storagePath('admin') });

  test('the admin names Agus Prasetyo data-protection officer; with no second admin, the operator approves it; he enrols in two-factor', async ({
    page,
    browser,
    a11y,
  }) => {
    await page.goto('/admin/people');
    await a11y.check('people list');
    await dataRows(page, 'Daftar pegawai').getByRole('link', { name: DPO.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: DPO.name })).toBeVisible();
    const roles = page.getByRole('region', { name: 'Peran' });
    await roles.getByLabel('Peran', { exact: true }).selectOption({ label: 'Pejabat pelindungan data pribadi (PPDP)' });
    await expect(roles.getByText('baru berlaku setelah orang kedua menyetujuinya')).toBeVisible();
    await roles.getByRole('button', { name: 'Beri peran' }).click();
    await expect(
      roles.getByText(/^Permintaan peran Pejabat pelindungan data pribadi \(PPDP\) dicatat\./),
    ).toBeVisible();
    // The admin asked for it, so the admin cannot approve it; only withdraw it.
    const pending = roles.getByRole('region', { name: 'Menunggu persetujuan orang kedua' });
    await expect(pending.getByText('Menunggu persetujuan', { exact: true })).toBeVisible();
    await expect(pending.getByRole('button', { name: /^Setujui/ })).toHaveCount(0);
    await expect(
      pending.getByRole('button', { name: 'Tarik permintaan peran Pejabat pelindungan data pribadi (PPDP)' }),
    ).toBeVisible();
    await a11y.check('person page: DPO role requested');
    await page.getByRole('button', { name: 'Kirim undangan' }).click();
    const sent = page.getByRole('status').filter({ hasText: `Undangan dikirim ke ${DPO.email}` });
    await expect(sent).toBeVisible();

    // A fresh install has one admin, who is also the platform admin: the operator approves at the server.
    expect(operatorApproves('dpo', DPO.name)).toContain('Approved: dpo');
    await page.reload();
    await expect(
      roles.getByRole('button', { name: 'Cabut peran Pejabat pelindungan data pribadi (PPDP)' }),
    ).toBeVisible();
    await expect(roles.getByRole('region', { name: 'Menunggu persetujuan orang kedua' })).toHaveCount(0);
    await a11y.check('person page: DPO role approved');

    // The outbox holds it without its link; the link reaches the invitee alone (here: the developer log).
    await page.goto('/admin/outbox');
    await expect(page.getByRole('listitem').filter({ hasText: DPO.email }).first()).toBeVisible();
    await a11y.check('outbox');
    const link = await devMailLink(DPO.email, 'invite');
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const dpo = await context.newPage();
    a11y.track(dpo);
    await dpo.goto(link);
    await expect(dpo.getByRole('heading', { level: 1, name: `Selamat datang, ${DPO.name}` })).toBeVisible();
    await a11y.check('invitation', dpo);
    await dpo.getByLabel('Buat kata sandi').fill(DPO.password);
    await dpo.getByLabel('Ulangi kata sandi').fill(DPO.password);
    await dpo.getByRole('button', { name: 'Buat kata sandi dan masuk' }).click();
    const { secret, step } = await enrolTwoFactor(dpo, a11y, 'DPO two-factor enrolment');
    await openMenu(dpo);
    await expect(
      dpo.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Konsol PPDP' }),
    ).toBeVisible();
    await a11y.check('DPO home', dpo);
    await context.storageState({ path: storagePath('dpo') });
    await context.close();
    saveState({ dpoName: DPO.name, dpoTotpSecret: secret, dpoLastTotpStep: step });
  });

  test('the admin asks for Dewi Lestari as counsellor, the DPO approves, she accepts and enrols in two-factor', async ({
    page,
    browser,
    a11y,
  }) => {
    await page.goto('/admin/people');
    await a11y.check('people list');
    await dataRows(page, 'Daftar pegawai').getByRole('link', { name: COUNSELLOR.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: COUNSELLOR.name })).toBeVisible();
    const roles = page.getByRole('region', { name: 'Peran' });
    await roles.getByLabel('Peran', { exact: true }).selectOption({ label: 'Konselor' });
    // No scope chosen: a duty counsellor for the whole agency.
    await roles.getByRole('button', { name: 'Beri peran' }).click();
    // A role that reads health data waits for a second person.
    await expect(roles.getByText(/^Permintaan peran Konselor dicatat\./)).toBeVisible();
    await expect(
      roles.getByRole('region', { name: 'Menunggu persetujuan orang kedua' }).getByText('Konselor', { exact: true }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Kirim undangan' }).click();
    const sent = page.getByRole('status').filter({ hasText: `Undangan dikirim ke ${COUNSELLOR.email}` });
    await expect(sent).toBeVisible();
    await a11y.check('person page: counsellor role requested');

    // The DPO approves it in the console.
    const dpoContext = await browser.newContext({ storageState: storagePath('dpo') });
    const dpo = await dpoContext.newPage();
    a11y.track(dpo);
    await dpo.goto('/dpo');
    await expect(dpo.getByRole('heading', { level: 1, name: 'Konsol pelindungan data pribadi' })).toBeVisible();
    const approvals = dpo.getByRole('region', { name: 'Peran yang menunggu persetujuan' });
    await approvals.getByRole('button', { name: `Setujui peran Konselor untuk ${COUNSELLOR.name}` }).click();
    const confirm = dpo.getByRole('dialog', { name: `Setujui peran Konselor untuk ${COUNSELLOR.name}?` });
    await confirm.getByRole('button', { name: 'Setujui' }).click();
    await expect(dpo.getByText(`Peran Konselor untuk ${COUNSELLOR.name} sudah disetujui dan berlaku.`)).toBeVisible();
    await a11y.check('DPO console: counsellor approved', dpo);
    await dpoContext.close();

    await page.reload();
    await expect(roles.getByRole('button', { name: 'Cabut peran Konselor' })).toBeVisible();
    await a11y.check('person page: counsellor role approved');
    // The outbox holds it without its link; the link reaches the invitee alone (here: the developer log).
    await page.goto('/admin/outbox');
    await expect(page.getByRole('listitem').filter({ hasText: COUNSELLOR.email }).first()).toBeVisible();
    await a11y.check('outbox');
    const link = await devMailLink(COUNSELLOR.email, 'invite');

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const counsellor = await context.newPage();
    a11y.track(counsellor);
    await counsellor.goto(link);
    await expect(
      counsellor.getByRole('heading', { level: 1, name: `Selamat datang, ${COUNSELLOR.name}` }),
    ).toBeVisible();
    await a11y.check('invitation', counsellor);
    await counsellor.getByLabel('Buat kata sandi').fill(COUNSELLOR.password);
    await counsellor.getByLabel('Ulangi kata sandi').fill(COUNSELLOR.password);
    await counsellor.getByRole('button', { name: 'Buat kata sandi dan masuk' }).click();

    // Counsellors read other people's records: two-factor first.
    const { secret, step } = await enrolTwoFactor(counsellor, a11y, 'two-factor enrolment');
    await openMenu(counsellor);
    const nav = mainNav(counsellor);
    // At 1280 px the counsellor's pages sit in the menu's "Konseling" group; the drawer lists them.
    if (!IS_PHONE) await nav.getByRole('button', { name: 'Konseling' }).click();
    await expect(nav.getByRole('link', { name: 'Permintaan mendesak' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Jadwal temu' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Hasil dibagikan' })).toBeVisible();
    await expect(counsellor.getByRole('heading', { name: 'Layanan konseling' })).toBeVisible();
    await a11y.check('counsellor home', counsellor);
    await context.storageState({ path: storagePath('counsellor') });
    await context.close();
    saveState({ counsellorName: COUNSELLOR.name, counsellorTotpSecret: secret, counsellorLastTotpStep: step });
  });
});

test.describe('signed out', () => {
  test('help is in the header of the sign-in page and works without an account', async ({ page, a11y }) => {
    await page.goto('/sign-in');
    await a11y.check('sign-in');
    await page.getByRole('banner').getByRole('link', { name: HELP_NOW }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Butuh bantuan sekarang' })).toBeVisible();
    const contacts = page.getByRole('list', { name: 'Kontak bantuan dan layanan darurat' });
    // Emergency numbers first, each with its hours and one tap to call.
    await expect(contacts.getByRole('listitem').first()).toContainText('112');
    await expect(contacts.getByRole('listitem').first()).toContainText('Jam layanan:');
    await expect(contacts.getByRole('link', { name: 'Telepon 112' })).toHaveAttribute('href', 'tel:112');
    await expect(contacts.getByRole('link', { name: /Buka healing119\.id/ })).toHaveAttribute(
      'href',
      'https://healing119.id',
    );
    // Asking to be contacted needs an account: the page says so instead of a form.
    await expect(page.getByRole('link', { name: 'Masuk ke Teduh' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Permintaan untuk dihubungi' })).toHaveCount(0);
    await a11y.check('help, signed out');
  });
});

test.describe('an employee', () => {
  test.use({ storageState: storagePath('employee') });

  test('PHQ-9 with item 9 above 0: the crisis screen at once and before any score, a contact request, then the result', async ({
    page,
    a11y,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('main').getByRole('link', { name: /^Cek diri/ })).toBeVisible();
    await a11y.check('home');
    await page.goto('/self-check');
    await expect(page.getByRole('heading', { level: 2, name: 'Suasana hati dan depresi' })).toBeVisible();
    await a11y.check('self-check list');
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Mulai PHQ-9' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Kuesioner Kesehatan Pasien-9 (PHQ-9)' })).toBeVisible();
    await expect(page.getByText('Hasilnya hanya dapat dilihat oleh Anda.')).toBeVisible();
    await expect(page.getByText('2 minggu terakhir', { exact: true })).toBeVisible();
    const consent = page.getByRole('form', { name: 'Sebelum mulai' });
    await expect(consent).toContainText('Atasan, bagian kepegawaian, dan admin tidak dapat melihatnya.');
    await expect(consent).toContainText('Konselor hanya diberi tahu jika Anda sendiri memintanya.');
    await a11y.check('PHQ-9 intro');
    await expectNoHorizontalScroll(page);
    // Consent comes first.
    await consent.getByRole('button', { name: 'Setuju dan mulai' }).click();
    await expect(consent.getByText('Centang kotak ini untuk memulai.').first()).toBeVisible();
    await consent.getByLabel('Saya sudah membaca keterangan di atas').check();
    await consent.getByRole('button', { name: 'Setuju dan mulai' }).click();

    // One question per screen, with a progress bar; an answer is needed before going on.
    await expect(page.getByRole('heading', { level: 2, name: 'Pertanyaan 1 dari 9' })).toBeFocused();
    await expect(page.getByRole('progressbar', { name: 'Kemajuan pengisian' })).toHaveAttribute('aria-valuenow', '11');
    await expect(page.getByRole('group', { name: /Kurang berminat atau bergairah/ })).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(4);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await expect(page.getByText('Pilih salah satu jawaban untuk melanjutkan.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Pertanyaan 1 dari 9' })).toBeVisible();
    await a11y.check('PHQ-9 question 1, unanswered');
    await expectNoHorizontalScroll(page);

    // By keyboard: the arrow key chooses, Enter goes on.
    await page.getByRole('radio', { name: 'Tidak pernah' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Beberapa hari' })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Pertanyaan 2 dari 9' })).toBeFocused();

    // Back keeps the answer.
    await page.getByRole('button', { name: 'Sebelumnya' }).click();
    await expect(page.getByRole('radio', { name: 'Beberapa hari' })).toBeChecked();
    await page.getByRole('button', { name: 'Berikutnya' }).click();

    // Items 2–8: "Beberapa hari" (1) each, so the total with item 9 = 1 is 9: mild.
    for (let n = 2; n <= 8; n++) {
      await expect(page.getByRole('heading', { level: 2, name: `Pertanyaan ${n} dari 9` })).toBeVisible();
      await page.getByRole('radio', { name: 'Beberapa hari' }).check();
      await page.getByRole('button', { name: 'Berikutnya' }).click();
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Pertanyaan 9 dari 9' })).toBeVisible();
    await expect(page.getByRole('group', { name: /Merasa lebih baik mati/ })).toBeVisible();
    await a11y.check('PHQ-9 question 9');

    // The crisis answer: the crisis screen at once, contacts in full, no score anywhere.
    await page.getByRole('radio', { name: 'Beberapa hari' }).check();
    const during = page.getByRole('region', { name: 'Anda tidak sendirian' });
    await expect(during.getByRole('heading', { level: 2, name: 'Anda tidak sendirian' })).toBeFocused();
    await expect(during.getByRole('link', { name: 'Telepon 112' })).toBeVisible();
    await expect(during.getByRole('link', { name: 'Telepon 112' })).toHaveAttribute('href', 'tel:112');
    await expect(page.getByRole('heading', { level: 2, name: 'Pertanyaan 9 dari 9' })).toBeHidden();
    await expect(page.getByText(/Skor \d/)).toHaveCount(0);
    await a11y.check('crisis screen during the form');
    await expectNoHorizontalScroll(page);
    await during.getByRole('button', { name: 'Lanjutkan mengisi' }).click();
    await expect(page.getByRole('radio', { name: 'Beberapa hari' })).toBeChecked();
    await page.getByRole('button', { name: 'Selesai' }).click();

    // Before any score: the crisis screen again, and the choice to be contacted.
    const end = page.getByRole('region', { name: 'Sebelum melihat hasil Anda' });
    await expect(end.getByRole('heading', { level: 2, name: 'Sebelum melihat hasil Anda' })).toBeFocused();
    await expect(end.getByRole('link', { name: 'Telepon 112' })).toBeVisible();
    await expect(end.getByRole('button', { name: 'Lanjutkan tanpa dihubungi' })).toBeVisible();
    await expect(page.getByText(/Skor \d/)).toHaveCount(0);
    await expect(page.getByText('Gejala depresi')).toHaveCount(0);
    expect(page.url()).toMatch(/\/self-check\/phq9$/);
    await a11y.check('crisis screen before the result');
    await end.getByRole('button', { name: 'Ya, hubungi saya' }).click();
    const request = end.getByRole('form', { name: 'Permintaan untuk dihubungi' });
    await expect(request.getByRole('radio', { name: 'Telepon' })).toBeChecked();
    await request.getByRole('button', { name: 'Kirim dan lihat hasil' }).click();
    await expect(request.getByText('Wajib diisi.').first()).toBeVisible();
    await a11y.check('contact request with an error');
    await request.getByLabel('Nomor telepon').fill('0812 3456 7890');
    await request.getByLabel('Waktu yang paling nyaman').fill('hari ini setelah pukul 16.00');
    await request.getByRole('button', { name: 'Kirim dan lihat hasil' }).click();

    // The result: the band in plain words, "not a diagnosis", the score and the next step.
    await expect(page).toHaveURL(/\/self-check\/results\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Gejala depresi ringan' })).toBeVisible();
    await expect(page.getByText('Ini hasil skrining, bukan diagnosis')).toBeVisible();
    await expect(page.getByText('Permintaan Anda untuk dihubungi sudah kami terima')).toBeVisible();
    await expect(page.getByText('Skor 9 (rentang 0–27)')).toBeVisible();
    const steps = page.getByRole('region', { name: 'Langkah berikutnya' });
    await expect(
      steps
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: /Bicara dengan seseorang/ }) })
        .first(),
    ).toHaveAttribute('aria-current', 'step');
    await expect(steps).toContainText('Puskesmas');
    await expect(steps).toContainText('sekitar tiga bulan');
    // Every rung ends in something that works today, never "coming soon".
    await expect(steps.getByText('Segera hadir')).toHaveCount(0);
    await expect(steps.getByRole('link', { name: 'Minta konselor menghubungi saya' }).first()).toBeVisible();
    await a11y.check('PHQ-9 result');
    await expectNoHorizontalScroll(page);
    saveState({ crisisResultId: new URL(page.url()).pathname.split('/').pop() });
  });

  test('save and resume later, on another device', async ({ page, browser, a11y }) => {
    await page.goto('/self-check/gad7');
    await expect(page.getByRole('heading', { level: 1, name: /GAD-7/ })).toBeVisible();
    await a11y.check('GAD-7 intro');
    await page.getByLabel('Saya sudah membaca keterangan di atas').check();
    await page.getByRole('button', { name: 'Setuju dan mulai' }).click();
    await page.getByRole('radio', { name: 'Beberapa hari' }).check();
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByRole('radio', { name: 'Hampir setiap hari' }).check();
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Pertanyaan 3 dari 7' })).toBeVisible();
    await page.getByRole('button', { name: 'Simpan dan lanjutkan nanti' }).click();
    await expect(page).toHaveURL(/\/self-check$/);
    await expect(page.getByText('Jawaban GAD-7 Anda sudah tersimpan.', { exact: false })).toBeVisible();
    const drafts = page.getByRole('region', { name: 'Belum selesai' });
    await expect(drafts).toContainText('2 dari 7 pertanyaan terjawab');
    await a11y.check('self-check with a draft');

    // Another device: a new browser with the same account.
    const other = await browser.newContext({
      storageState: storagePath('employee'),
      viewport: { width: 1280, height: 800 },
    });
    const second = await other.newPage();
    a11y.track(second);
    await second.goto('/self-check');
    await second
      .getByRole('region', { name: 'Belum selesai' })
      .getByRole('link', { name: /Lanjutkan/ })
      .click();
    await expect(second.getByText('Anda sudah menjawab 2 dari 7 pertanyaan', { exact: false })).toBeVisible();
    await a11y.check('GAD-7 intro with a draft', second);
    await second.getByLabel('Saya sudah membaca keterangan di atas').check();
    await second.getByRole('button', { name: 'Setuju dan lanjutkan' }).click();
    await expect(second.getByRole('heading', { level: 2, name: 'Pertanyaan 3 dari 7' })).toBeVisible();
    await second.getByRole('button', { name: 'Sebelumnya' }).click();
    await expect(second.getByRole('radio', { name: 'Hampir setiap hari' })).toBeChecked();
    await a11y.check('GAD-7 resumed', second);
    await other.close();
  });

  test('a result without a crisis answer goes straight to the result, and can be deleted', async ({ page, a11y }) => {
    await page.goto('/self-check/gad2');
    await expect(page.getByRole('heading', { level: 1, name: /GAD-2/ })).toBeVisible();
    await a11y.check('GAD-2 intro');
    await page.getByLabel('Saya sudah membaca keterangan di atas').check();
    await page.getByRole('button', { name: 'Setuju dan mulai' }).click();
    await page.getByRole('radio', { name: 'Tidak pernah' }).check();
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByRole('radio', { name: 'Tidak pernah' }).check();
    await page.getByRole('button', { name: 'Selesai' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tidak tampak tanda kecemasan' })).toBeVisible();
    await expect(page.getByText('Ini hasil skrining, bukan diagnosis')).toBeVisible();
    await expect(page.getByText('Sebelum melihat hasil Anda')).toHaveCount(0);
    await a11y.check('GAD-2 result');
    await page.getByRole('button', { name: 'Hapus hasil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hapus hasil ini?' });
    await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
    await a11y.check('delete dialog');
    await dialog.getByRole('button', { name: 'Hapus hasil' }).click();
    await expect(page).toHaveURL(/\/self-check\/history\/gad2$/);
    await expect(page.getByText('Hasil sudah dihapus.')).toBeVisible();
    await expect(page.getByText('Belum ada hasil untuk kuesioner ini.')).toBeVisible();
    await a11y.check('GAD-2 history after deleting');
  });
});

test.describe('the duty counsellor', () => {
  test.use({ storageState: storagePath('counsellor') });

  test('sees the request in the urgent queue, takes it up, then closes it', async ({ page, a11y }) => {
    await page.goto('/');
    const section = page.getByRole('region', { name: 'Layanan konseling' });
    await expect(section.getByText('1 permintaan mendesak menunggu')).toBeVisible();
    await a11y.check('counsellor home with a request waiting');
    await section.getByRole('link', { name: 'Buka antrean mendesak' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Permintaan mendesak' })).toBeVisible();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Budi Santoso' }) });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Sekretariat Dinas Kesehatan');
    await expect(item).toContainText('dari cek diri');
    await expect(item).toContainText('hari ini setelah pukul 16.00');
    await expect(item.getByRole('link', { name: 'Telepon 0812 3456 7890' })).toHaveAttribute(
      'href',
      'tel:081234567890',
    );
    await expect(item.getByText('Baru', { exact: true })).toBeVisible();
    // How long the person has waited, in words, and the one overdue rule explained on the page.
    await expect(item).toContainText(/Menunggu \d+ menit/);
    await expect(page.getByText(/belum ditangani 30 menit setelah diajukan ditandai "Terlambat"/)).toBeVisible();
    // Nothing about the answers or the score reaches the queue.
    await expect(item).not.toContainText('PHQ');
    await expect(item).not.toContainText('Skor');
    await a11y.check('urgent queue');

    await item.getByRole('button', { name: /Saya tangani/ }).click();
    const take = page.getByRole('dialog', { name: 'Tangani permintaan Budi Santoso?' });
    await expect(take.getByRole('button', { name: 'Batal' })).toBeFocused();
    await a11y.check('take-up dialog');
    await take.getByRole('button', { name: 'Saya tangani' }).click();
    await expect(page.getByText('Permintaan ditandai sedang Anda tangani.')).toBeVisible();
    await expect(item.getByText('Sedang ditangani', { exact: true })).toBeVisible();
    await expect(item.getByRole('definition').filter({ hasText: COUNSELLOR.name })).toBeVisible();
    await expect(item).toContainText(/Ditangani setelah \d+ menit/);

    await item.getByRole('button', { name: /Tutup permintaan/ }).click();
    await page
      .getByRole('dialog', { name: 'Tutup permintaan Budi Santoso?' })
      .getByRole('button', { name: 'Tutup permintaan' })
      .click();
    await expect(page.getByText('Permintaan sudah ditutup.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Budi Santoso' })).toHaveCount(0);
    // Checked during the click itself, as .check() insists: the URL-bound filter applies at once.
    await page.getByRole('radio', { name: 'Sudah ditutup' }).check();
    await expect(page).toHaveURL(/status=closed/);
    await expect(page.getByRole('heading', { name: 'Budi Santoso' })).toBeVisible();
    await a11y.check('urgent queue, closed requests');
  });
});

test.describe('sharing a result', () => {
  test.use({ storageState: storagePath('employee') });

  test('the employee shares the result, the counsellor opens it, and the employee sees that read', async ({
    page,
    browser,
    a11y,
  }) => {
    const resultId = requireState('crisisResultId');
    await page.goto('/self-check/history/phq9');
    await expect(page.getByRole('heading', { level: 1, name: 'Riwayat PHQ-9' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Grafik skor PHQ-9: 1 hasil/ })).toBeVisible();
    await expect(dataRows(page, 'Hasil PHQ-9, terbaru lebih dulu').first()).toContainText('Gejala depresi ringan');
    await expect(page.getByRole('link', { name: 'Unduh untuk fasilitas kesehatan' })).toHaveAttribute(
      'href',
      '/api/v1/me/assessments/fhir',
    );
    await a11y.check('PHQ-9 history');
    await dataRows(page, 'Hasil PHQ-9, terbaru lebih dulu').getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`/self-check/results/${resultId}$`));

    const share = page.getByRole('region', { name: 'Bagikan kepada konselor' });
    await share.getByRole('button', { name: 'Bagikan hasil ini' }).click();
    await expect(share.getByText('Pilih konselor.').first()).toBeVisible();
    await share
      .getByLabel('Konselor', { exact: true })
      .selectOption({ label: `${COUNSELLOR.name} — Perawat Terampil, Sekretariat Dinas Kesehatan` });
    await expect(share).toContainText('Setiap kali konselor membukanya, hal itu tercatat');
    await share.getByLabel('Saya setuju membagikan hasil ini').check();
    await a11y.check('share form');
    await share.getByRole('button', { name: 'Bagikan hasil ini' }).click();
    await expect(share.getByText(`Hasil ini sudah dibagikan kepada ${COUNSELLOR.name}.`)).toBeVisible();
    await expect(share.getByRole('list', { name: 'Sedang dibagikan kepada' })).toContainText(COUNSELLOR.name);

    // The counsellor reads it, answers included.
    const context = await browser.newContext({ storageState: storagePath('counsellor') });
    const counsellor = await context.newPage();
    a11y.track(counsellor);
    await counsellor.goto('/counselling/shared');
    const list = dataRows(counsellor, 'Hasil yang dibagikan kepada Anda');
    // Triage at a glance: the band in words, the crisis answer, and "new" until opened.
    const row = list.filter({ hasText: 'Budi Santoso' });
    await expect(row).toContainText('PHQ-9');
    await expect(row).toContainText('Gejala depresi ringan');
    await expect(row).toContainText('Jawaban krisis');
    await expect(row).toContainText('Baru');
    await a11y.check('shared results', counsellor);
    await list.getByRole('link', { name: 'Budi Santoso' }).click();
    await expect(counsellor.getByRole('heading', { level: 1, name: 'Budi Santoso' })).toBeVisible();
    const answers = dataRows(counsellor, 'Jawaban pegawai pada setiap pertanyaan');
    await expect(answers.filter({ hasText: 'Merasa lebih baik mati' })).toContainText('Beberapa hari (1)');
    await expect(counsellor.getByText('Gejala depresi ringan')).toBeVisible();
    // The person's request for help (closed above) is linked from the result.
    const requests = counsellor.getByRole('region', { name: 'Permintaan bantuan' });
    await expect(requests).toContainText('Ditutup');
    await expect(requests.getByRole('link', { name: 'Buka antrean mendesak' })).toBeVisible();
    await a11y.check('one shared result', counsellor);
    await counsellor.goto('/counselling/shared');
    await expect(
      dataRows(counsellor, 'Hasil yang dibagikan kepada Anda').filter({ hasText: 'Budi Santoso' }),
    ).not.toContainText('Baru');
    await context.close();

    // The employee sees who read it.
    await page.goto('/profile/privacy');
    const log = dataRows(page, 'Catatan akses ke data Anda');
    const read = log.filter({ hasText: 'Hasil cek diri yang dibagikan dibaca konselor' });
    await expect(read.first()).toContainText(COUNSELLOR.name);
    const consents = dataRows(page, 'Persetujuan yang pernah Anda berikan');
    // Consents in words, each linked to the exact text agreed to; never an internal id.
    const shareConsent = consents.filter({ hasText: `kepada ${COUNSELLOR.name}` });
    await expect(
      shareConsent.getByRole('link', { name: /^Persetujuan membagikan hasil kepada konselor, versi / }),
    ).toHaveAttribute('href', '/profile/privacy/consents/share-result-1');
    await expect(consents.filter({ hasText: 'Mengisi cek diri' }).first()).toContainText('Persetujuan cek diri, versi');
    await expect(consents.filter({ hasText: 'self-assessment-1' })).toHaveCount(0);
    await a11y.check('privacy page');
    await shareConsent.getByRole('link', { name: /^Persetujuan membagikan hasil/ }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Persetujuan membagikan hasil kepada konselor' }),
    ).toBeVisible();
    await a11y.check('consent text');
  });
});
