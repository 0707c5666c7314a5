import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { goTo } from './support/nav.js';
import { requireState, saveState, storagePath } from './support/state.js';

/**
 * An anonymous climate survey (docs/decisions/048-climate-surveys.md): the wellbeing admin (08)
 * drafts a five-question pulse for Dinas Kesehatan, whose subtree holds the fourteen staff of 08
 * with accounts, the employee of the Sekretariat and the Dinas's own people; opens it; the employee
 * answers on a 360 px phone and finds it answered on a second visit; the admin sees the response
 * rate withheld while fewer than k (7 since 06) have answered, closes the survey, and finds its
 * results withheld: one answer is no group. Its id is left in the run's state.
 */
const TITLE = 'Denyut Dinas Kesehatan Desember';
const PULSE = /^Survei pulse lima pertanyaan/;

test.describe('the wellbeing admin', () => {
  test.use({ storageState: storagePath('admin') });

  test('drafts a pulse survey for Dinas Kesehatan and previews it on a phone', async ({ page, a11y }) => {
    await page.goto('/');
    const home = page.getByRole('region', { name: 'Kesejahteraan pegawai' });
    await expect(home.getByRole('link', { name: /^Survei iklim kerja/ })).toBeVisible();
    await a11y.check('home with the surveys shortcut');
    await goTo(page, 'Survei');
    await expect(page.getByRole('heading', { level: 1, name: 'Survei iklim kerja' })).toBeVisible();
    await expect(page.getByText('Belum ada survei iklim kerja.')).toBeVisible();
    await a11y.check('surveys, none yet');
    await page.locator('.empty-state').getByRole('link', { name: 'Buat survei' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Survei baru' })).toBeVisible();
    await a11y.check('new survey');

    const form = page.getByRole('form', { name: 'Data survei' });
    await form.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(form.getByRole('heading', { name: 'Periksa kembali isian berikut' })).toBeVisible();
    await expect(form.getByText('Pilih paling sedikit 1.').first()).toBeVisible();
    await a11y.check('new survey with errors');

    await form.getByRole('radio', { name: PULSE }).check();
    // The title follows the template until the admin writes their own.
    await expect(form.getByLabel('Judul')).toHaveValue('Survei pulse lima pertanyaan');
    await form.getByLabel('Judul').fill(TITLE);
    const units = form.getByRole('group', { name: 'Unit yang ditanya' });
    await units.getByRole('checkbox', { name: /^Dinas Kesehatan/ }).check();
    await expect(units.getByRole('checkbox', { name: /^Sekretariat Dinas Kesehatan/ })).toBeDisabled();
    await form.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page).toHaveURL(/\/surveys\/[0-9a-f-]{36}$/);
    const surveyId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText(/^Draf survei sudah dibuat\./)).toBeVisible();
    await a11y.check('draft survey');

    // The phone preview is the respondent's form, read-only, in either language.
    const preview = page.getByRole('group', { name: 'Pratinjau formulir survei' });
    await expect(preview.getByRole('group', { name: /^Beban kerja saya masih dapat saya kelola/ })).toBeVisible();
    await expect(preview.getByRole('radio').first()).toBeDisabled();
    await page.getByRole('radio', { name: 'Bahasa Inggris' }).check();
    await expect(preview.getByRole('group', { name: /^My workload has been manageable/ })).toBeVisible();
    await expect(preview.getByText('Anonymous: your answers cannot be traced back to you')).toBeVisible();
    await a11y.check('draft survey, preview in English');
    saveState({ climateSurveyId: surveyId });
  });

  test('edits a question of the draft in the builder and sees it in the phone preview', async ({ page, a11y }) => {
    await page.goto(`/surveys/${requireState('climateSurveyId')}`);
    const builder = page.getByRole('region', { name: 'Pertanyaan survei' });
    // A folded question is its summary line; its fields (with the same text) are inside.
    await builder
      .locator('summary')
      .filter({ hasText: /Beban kerja saya masih dapat saya kelola/ })
      .click();
    // Every question's fields are in the page; the one opened is the one to edit.
    const text = builder.locator('details[open]').getByLabel('Teks pertanyaan (Bahasa Indonesia)');
    const edited = `${await text.inputValue()} (dua minggu terakhir)`;
    await text.fill(edited);
    const preview = page.getByRole('group', { name: 'Pratinjau formulir survei' });
    await expect(preview.getByText(edited)).toBeVisible();
    await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Buka survei' })).toBeDisabled();
    await expectNoHorizontalScroll(page);
    await a11y.check('draft survey, a question edited in the builder');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(page.getByText('Draf survei sudah disimpan.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('group', { name: 'Pratinjau formulir survei' }).getByText(edited)).toBeVisible();
  });

  test('opens the draft', async ({ page, a11y }) => {
    const surveyId = requireState('climateSurveyId');
    await page.goto(`/surveys/${surveyId}`);
    await page.getByRole('button', { name: 'Buka survei' }).click();
    const dialog = page.getByRole('dialog', { name: `Buka "${TITLE}"?` });
    await expect(dialog).toContainText('Daftar pegawai yang ditanya dikunci sekarang');
    await expect(dialog).toContainText('Ambang anonimitas dibekukan pada 7 orang');
    await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
    await a11y.check('open dialog');
    await dialog.getByRole('button', { name: 'Buka survei' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Tingkat partisipasi' })).toBeVisible();
    await expect(page.getByText('Dibuka', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Ubah draf' })).toHaveCount(0);
    await a11y.check('survey open');
    saveState({ climateSurveyId: surveyId });
  });
});

test.describe('an employee asked', () => {
  test.use({ storageState: storagePath('employee') });

  test('answers on a 360 px phone, and a second visit shows it answered', async ({ page, a11y }) => {
    const surveyId = requireState('climateSurveyId');
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/');
    const card = page.getByText(`Survei iklim kerja: ${TITLE}`);
    await expect(card).toBeVisible();
    await a11y.check('home with a survey');
    await page.getByRole('link', { name: 'Jawab survei' }).click();
    await expect(page).toHaveURL(`/surveys/mine/${surveyId}`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText('Anonim: jawaban Anda tidak dapat ditelusuri ke Anda')).toBeVisible();
    await expect(page.getByText(/bukan apa jawaban Anda/)).toBeVisible();
    await a11y.check('survey form');

    // Nothing answered: every required question is named, nothing is sent.
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Periksa kembali isian berikut' });
    await expect(summary.getByRole('link')).toHaveCount(5);
    await a11y.check('survey form with errors');

    const question = (name: RegExp) => page.getByRole('group', { name });
    await question(/^Beban kerja saya masih dapat saya kelola/)
      .getByRole('radio', { name: 'Setuju', exact: true })
      .check();
    await question(/^Saya mendapat dukungan/)
      .getByRole('radio', { name: 'Netral', exact: true })
      .check();
    await question(/^Saya merasa aman/)
      .getByRole('radio', { name: 'Sangat setuju', exact: true })
      .check();
    await question(/^Saya dapat beristirahat/)
      .getByRole('radio', { name: 'Tidak setuju', exact: true })
      .check();
    const energy = question(/^Bagaimana energi dan semangat Anda/);
    await expect(energy.getByRole('radio', { name: '0 (Sangat rendah)' })).toBeVisible();
    await energy.getByRole('radio', { name: '6', exact: true }).check();
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect(page.getByText('Terima kasih, jawaban Anda sudah tercatat')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kirim jawaban' })).toHaveCount(0);
    await a11y.check('survey answered');

    await page.goto(`/surveys/mine/${surveyId}`);
    await expect(page.getByText('Anda sudah menjawab survei ini')).toBeVisible();
    await expect(page.getByRole('form', { name: 'Jawaban survei' })).toHaveCount(0);
    await a11y.check('survey already answered');
    await page.goto('/surveys/mine');
    const mine = page.getByRole('listitem').filter({ hasText: TITLE });
    await expect(mine.getByText('Sudah dijawab')).toBeVisible();
    await expect(mine.getByRole('link', { name: /^Jawab survei/ })).toHaveCount(0);
    await a11y.check('my surveys');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(card).toHaveCount(0);
    await a11y.check('home after answering');
  });
});

test.describe('the wellbeing admin, while the survey runs', () => {
  test.use({ storageState: storagePath('admin') });

  test('sees the response rate withheld while fewer than 7 answered, then closes the survey', async ({
    page,
    a11y,
  }) => {
    const surveyId = requireState('climateSurveyId');
    await page.goto(`/surveys/${surveyId}`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const progress = page.getByRole('region', { name: 'Tingkat partisipasi' });
    await expect(
      progress.getByText('Jumlah yang menjawab belum ditampilkan: masih kurang dari 7 orang.'),
    ).toBeVisible();
    const rows = progress
      .getByRole('table', { name: 'Partisipasi per unit' })
      .locator(':scope > tbody > tr')
      .or(progress.getByRole('list', { name: 'Partisipasi per unit' }).locator(':scope > li'));
    const dinkes = rows.filter({ hasText: /^Dinas Kesehatan/ });
    await expect(dinkes).toContainText('kurang dari 7, disembunyikan');
    await expect(progress.getByText(/^"Kurang dari 7, disembunyikan" berarti/)).toBeVisible();
    await expect(progress.getByText(/^Angka ini diterbitkan .* paling sedikit 7 jawaban baru/)).toBeVisible();
    // Nobody's name is on the page.
    for (const name of ['Budi Santoso', 'Dewi Lestari', 'Siti Rahmawati'])
      await expect(page.getByText(name)).toHaveCount(0);
    await a11y.check('survey response rate');

    await page.getByRole('button', { name: 'Tutup survei' }).click();
    const dialog = page.getByRole('dialog', { name: `Tutup "${TITLE}"?` });
    await expect(dialog).toContainText('Pegawai tidak dapat lagi menjawab.');
    await a11y.check('close dialog');
    await dialog.getByRole('button', { name: 'Tutup survei' }).click();
    await expect(page.getByText('Ditutup', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Buka kembali survei' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tutup survei' })).toHaveCount(0);
    await a11y.check('survey closed');

    // The closing's job computes the results within seconds; with one answer of some twenty asked,
    // every figure is withheld, and the page says so instead of showing anything.
    await page.getByRole('link', { name: 'Lihat hasil' }).click();
    await expect(page).toHaveURL(`/surveys/${surveyId}/results`);
    await expect(page.getByText('Belum ada hasil yang dapat ditampilkan')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/^Kurang dari 7 orang menjawab/)).toBeVisible();
    await expect(page.getByText(/^Jumlah yang menjawab tidak ditampilkan/)).toBeVisible();
    await a11y.check('survey results, everything withheld');
    await expectNoHorizontalScroll(page);

    await goTo(page, 'Survei');
    const card = page.getByRole('listitem').filter({ hasText: TITLE });
    await expect(card.getByText('Ditutup', { exact: true })).toBeVisible();
    await a11y.check('surveys with the closed one');
    await expectNoHorizontalScroll(page);
  });
});

// Publication and the action plan (docs/decisions/051-survey-publication-and-actions.md): the
// admin shares "what we heard" — with every figure withheld, nothing but "—" can be shown — and
// plans an action on a theme; the employee who answered reads both on a 360 px phone.
const ACTION = 'Rapat koordinasi selesai sebelum pukul 16.00';

test.describe('the wellbeing admin, after closing', () => {
  test.use({ storageState: storagePath('admin') });

  test('publishes what was heard, with every figure withheld, and plans an action on a theme', async ({
    page,
    a11y,
  }) => {
    const surveyId = requireState('climateSurveyId');
    await page.goto(`/surveys/${surveyId}/results`);
    const share = page.getByRole('link', { name: 'Bagikan hasil & tindak lanjut' });
    await expect(share).toBeVisible();
    await a11y.check('results with the link to share them');
    await share.click();
    await expect(page).toHaveURL(`/surveys/${surveyId}/publication`);
    await expect(page.getByRole('heading', { level: 1, name: 'Bagikan hasil kepada pegawai' })).toBeVisible();
    await expect(page.getByText('Status: Belum disiapkan')).toBeVisible();
    // Every figure is withheld: each is listed, none can be chosen.
    const workload = page.getByRole('checkbox', {
      name: 'Seluruh survei · Beban kerja: disembunyikan demi anonimitas',
    });
    await expect(workload).toBeDisabled();
    await expect(workload).not.toBeChecked();
    const figures = page.getByRole('group', { name: 'Angka yang dibagikan' });
    await expect(figures.getByRole('checkbox').first()).toBeVisible();
    await expect(figures.getByRole('checkbox', { checked: true })).toHaveCount(0);
    await a11y.check('publication, nothing chosen');
    await expectNoHorizontalScroll(page);

    await page
      .getByRole('textbox', { name: 'Yang kami dengar' })
      .fill('Terima kasih sudah menjawab. Beban kerja dan waktu istirahat menjadi perhatian kami.');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page.getByText('Tersimpan.')).toBeVisible();
    await expect(page.getByText('Status: Draf')).toBeVisible();
    await page.getByRole('button', { name: 'Bagikan kepada pegawai' }).click();
    const dialog = page.getByRole('dialog', { name: `Bagikan hasil “${TITLE}”?` });
    await expect(dialog).toContainText('pegawai yang ditanya di Dinas Kesehatan');
    await a11y.check('publish dialog');
    await dialog.getByRole('button', { name: 'Bagikan kepada pegawai' }).click();
    await expect(page.getByText(/^Status: Dibagikan/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tarik kembali' })).toBeVisible();

    // An action on the whole survey's workload theme; a negative budget is refused in words.
    await page.getByLabel('Dari hasil').selectOption({ label: 'Seluruh survei · Beban kerja' });
    await page.getByLabel('Judul tindakan').fill(ACTION);
    await page.getByLabel('Penanggung jawab').fill('Sekretaris Dinas Kesehatan');
    await page.getByLabel('Tenggat').fill('31/03/2027');
    await page.getByLabel(/^Anggaran \(rupiah\)/).fill('-5');
    await page.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    await expect(page.getByText('Anggaran tidak boleh kurang dari nol rupiah.').first()).toBeVisible();
    await a11y.check('action form with an error');
    await page.getByLabel(/^Anggaran \(rupiah\)/).fill('12500000');
    await page.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    const card = page.getByRole('listitem').filter({ hasText: ACTION });
    await expect(card).toContainText('Rp 12.500.000');
    await expect(card).toContainText('Penanggung jawab: Sekretaris Dinas Kesehatan');
    await expect(card).toContainText('Direncanakan');
    await a11y.check('publication with an action');
    await expectNoHorizontalScroll(page);

    await page.getByRole('link', { name: 'Semua tindak lanjut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rencana tindak lanjut' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: ACTION })).toContainText(TITLE);
    await a11y.check('all actions');
    await expectNoHorizontalScroll(page);
  });
});

test.describe('the employee who answered, after publication', () => {
  test.use({ storageState: storagePath('employee') });

  test('reads what was heard and the action on a 360 px phone, every figure "—"', async ({ page, a11y }) => {
    const surveyId = requireState('climateSurveyId');
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/surveys/mine');
    const published = page.getByRole('region', { name: 'Hasil survei sudah dibagikan' });
    await expect(published).toContainText(TITLE);
    await a11y.check('my surveys with a publication');
    await published.getByRole('link', { name: /^Baca hasil/ }).click();
    await expect(page).toHaveURL(`/surveys/published/${surveyId}`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText(/^Terima kasih sudah menjawab\./)).toBeVisible();
    const figures = page.getByRole('region', { name: 'Angka hasil survei' });
    await expect(figures.getByRole('row', { name: /^Beban kerja/ })).toContainText('—');
    await expect(figures).not.toContainText('%');
    const actions = page.getByRole('region', { name: 'Yang akan kami lakukan' });
    await expect(actions).toContainText(ACTION);
    await expect(actions).toContainText('Rp 12.500.000');
    await expect(actions).toContainText('Direncanakan');
    await a11y.check('published results on a phone');
    await expectNoHorizontalScroll(page);
  });
});

test.describe('the wellbeing admin, planning the next wave', () => {
  test.use({ storageState: storagePath('admin') });

  test('asks in the next wave whether the shared action helped (docs/surveys.md#the-loop)', async ({ page, a11y }) => {
    await page.goto('/surveys/new');
    const form = page.getByRole('form', { name: 'Data survei' });
    await form.getByRole('radio', { name: PULSE }).check();
    await form.getByLabel('Judul').fill(`${TITLE} — gelombang 2`);
    await form
      .getByRole('group', { name: 'Unit yang ditanya' })
      .getByRole('checkbox', { name: /^Dinas Kesehatan/ })
      .check();
    const previous = form.getByLabel(/^Bandingkan dengan survei sebelumnya/);
    const label = await previous.getByRole('option', { name: new RegExp(`^${TITLE} \\(`) }).textContent();
    await previous.selectOption({ label: label ?? TITLE });
    await a11y.check('new survey comparing with the first');
    await form.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page).toHaveURL(/\/surveys\/[0-9a-f-]{36}$/);

    const offer = page.getByRole('region', { name: 'Tindak lanjut survei sebelumnya' });
    await expect(offer).toContainText(`setelah survei “${TITLE}”`);
    await offer.getByRole('button', { name: 'Tambahkan pertanyaan tindak lanjut' }).click();
    await expect(offer.getByText(/^1 pertanyaan tindak lanjut dimasukkan/)).toBeVisible();
    // The phone preview shows the question as staff will read it: optional, about the action.
    const preview = page.getByRole('group', { name: 'Pratinjau formulir survei' });
    await expect(preview.getByRole('group', { name: new RegExp(`^Tindakan “${ACTION}” membantu`) })).toBeVisible();
    await a11y.check('next wave with the follow-up section');
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(page.getByText('Draf survei sudah disimpan.')).toBeVisible();
    await page.reload();
    await expect(offer.getByText('Survei ini sudah memuat 1 pertanyaan tindak lanjut.')).toBeVisible();

    // Until that wave closes, the action says where its answer will appear.
    await page.goto('/survey-actions');
    await a11y.check('actions with the next wave drafted');
    await page.getByRole('listitem').filter({ hasText: ACTION }).getByRole('link', { name: /^Buka/ }).click();
    const answer = page.getByRole('region', { name: 'Apakah tindakan ini membantu?' });
    await expect(answer).toContainText('Setelah survei berikutnya');
    await a11y.check('action waiting for the next wave');
  });
});
