import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { BASE_URL as BASE } from './support/base-url.js';
import { devMailLink } from './support/dev-mail.js';
import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath, writeRunFile } from './support/state.js';
import { dataRows, goTo } from './support/nav.js';

/**
 * Screening campaigns: the wellbeing admin creates and launches one for Dinas
 * Kesehatan; fourteen new people (imported here) and the employee of the Sekretariat take part; the statistics show real figures for the groups large enough and "—"
 * for the small one (the agency's threshold is 7 since 06), and never a name.
 */
const TITLE = 'Cek diri akhir tahun';
const PASSWORD = 'kebun teh di lereng sumbing';

// New non-ASN staff (no NIP needed): eight in Bidang Pelayanan Kesehatan (made in 02), six directly in
// Dinas Kesehatan. With the employee of the Sekretariat (one person), Dinas Kesehatan minus its
// visible sub-unit leaves 7 people: at least k, so no figure needs hiding to protect another.
const YANKES = [
  'Ani Rahayu',
  'Bayu Saputra',
  'Citra Maharani',
  'Danang Wicaksono',
  'Endah Puspita',
  'Fajar Nugroho',
  'Gita Permata',
  'Hendra Kurniawan',
];
const DINKES = ['Indah Lestari', 'Joko Susilo', 'Kartika Sari', 'Lukman Hakim', 'Maya Anggraini', 'Nanda Pratiwi'];
const STAFF = [
  ...YANKES.map((name) => ({ name, unit: 'DINKES.YANKES' })),
  ...DINKES.map((name) => ({ name, unit: 'DINKES' })),
].map((s) => ({
  ...s,
  email: `${s.name.toLowerCase().replace(' ', '.')}@slemankab.go.id`,
}));
const STAFF_CSV = [
  'nip,nama_lengkap,jenis_kepegawaian,email,telepon,jabatan,kode_unit,nip_atasan',
  ...STAFF.map((s) => `,${s.name},NON_ASN,${s.email},,Tenaga Kesehatan,${s.unit},`),
].join('\n');

/** The admin's own API calls, with the session's CSRF token and a same-origin Origin. */
async function adminApi(page: Page) {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const headers = { origin: BASE, 'x-csrf-token': session.csrfToken };
  return {
    get: async <T>(path: string) => (await (await page.request.get(path)).json()) as T,
    post: (path: string, data?: unknown) => page.request.post(path, { headers, data }),
  };
}

/** Signs a new person in by accepting their invitation, in a request context of their own. */
async function acceptInvitation(link: string): Promise<APIRequestContext> {
  const token = new URL(link).pathname.split('/').pop() as string;
  // A context of its own, with no cookies: nobody else's session comes along.
  const context = await playwrightRequest.newContext({
    baseURL: BASE,
    extraHTTPHeaders: { origin: BASE },
    storageState: { cookies: [], origins: [] },
  });
  const accepted = await context.post(`/api/v1/auth/invitations/${token}/accept`, { data: { password: PASSWORD } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  return context;
}

test.describe('the wellbeing admin', () => {
  test.use({ storageState: storagePath('admin') });

  test('imports fourteen people and takes the wellbeing admin role', async ({ page, a11y }) => {
    await page.goto('/admin/import');
    await a11y.check('import');
    await page.getByRole('radio', { name: 'Pegawai' }).check();
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(writeRunFile('pegawai-yankes.csv', STAFF_CSV));
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await expect(page.getByText('Tidak ada masalah. Semua baris siap disimpan.')).toBeVisible();
    await page.getByRole('button', { name: 'Simpan semua (hanya jika tidak ada masalah)' }).click();
    await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible();
    await a11y.check('import done');

    await page.goto('/admin/people');
    await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeVisible();
    await a11y.check('people list');
    await dataRows(page, 'Daftar pegawai').getByRole('link', { name: 'Rina Wulandari, S.Psi.' }).click();
    const roles = page.getByRole('region', { name: 'Peran' });
    await roles.getByLabel('Peran', { exact: true }).selectOption({ label: 'Admin kesejahteraan' });
    await roles.getByRole('button', { name: 'Beri peran' }).click();
    await expect(roles.getByText('Peran Admin kesejahteraan sudah diberikan.')).toBeVisible();
    await a11y.check('person page: wellbeing admin role');
  });

  test('creates a draft campaign, then launches it after a confirmation', async ({ page, a11y }) => {
    await page.goto('/');
    const home = page.getByRole('region', { name: 'Kesejahteraan pegawai' });
    await expect(home.getByRole('link', { name: /^Kampanye pemeriksaan/ })).toBeVisible();
    await a11y.check('home with the wellbeing section');
    await goTo(page, 'Kampanye');
    await expect(page.getByRole('heading', { level: 1, name: 'Kampanye cek diri' })).toBeVisible();
    await expect(page.getByText('Belum ada kampanye.')).toBeVisible();
    await a11y.check('campaigns, none yet');
    await page.getByRole('link', { name: 'Buat kampanye' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kampanye baru' })).toBeVisible();
    await a11y.check('new campaign');

    const form = page.getByRole('form', { name: 'Data kampanye' });
    await form.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(form.getByText('Wajib diisi.').first()).toBeVisible();
    await expect(form.getByText('Pilih paling sedikit 1.').first()).toBeVisible();
    await a11y.check('new campaign with errors');

    await form.getByLabel('Judul').fill(TITLE);
    await form
      .getByLabel('Pesan untuk pegawai')
      .fill('Luangkan dua menit untuk diri Anda. Sukarela, dan hasil Anda hanya untuk Anda.');
    await form.getByRole('checkbox', { name: /Kuesioner Kesehatan Pasien-2 \(PHQ-2\)/ }).check();
    const units = form.getByRole('group', { name: 'Unit yang diajak' });
    await units.getByRole('checkbox', { name: /^Dinas Kesehatan/ }).check();
    // A sub-unit of a chosen unit is included already.
    await expect(units.getByRole('checkbox', { name: /^Bidang Pelayanan Kesehatan/ })).toBeChecked();
    await expect(units.getByRole('checkbox', { name: /^Bidang Pelayanan Kesehatan/ })).toBeDisabled();
    await form.getByRole('radio', { name: 'Setiap 2 hari' }).check();
    await form.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/edit$/);
    await expect(page.getByText('Draf kampanye sudah disimpan.')).toBeVisible();
    await a11y.check('draft saved');

    await page.getByRole('button', { name: 'Mulai kampanye' }).click();
    const dialog = page.getByRole('dialog', { name: `Mulai "${TITLE}"?` });
    await expect(dialog).toContainText('Daftar peserta dikunci');
    await expect(dialog).toContainText('Ambang anonimitas dibekukan pada 7 orang');
    await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
    await a11y.check('launch dialog');
    await dialog.getByRole('button', { name: 'Mulai kampanye' }).click();
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}\/stats$/);
    await expect(page.getByText('Kampanye sudah dimulai. Ambang anonimitasnya 7 orang.')).toBeVisible();
    await expect(page.getByText('Berlangsung', { exact: true })).toBeVisible();
    // Nobody has answered yet: the report says when figures will appear instead of a page of "—".
    await expect(page.getByText('Angka belum muncul')).toBeVisible();
    await expect(page.getByText(/^Angka muncul setelah sedikitnya 7 orang menjawab\./)).toBeVisible();
    await a11y.check('campaign launched');
  });
});

test.describe('people invited', () => {
  test.use({ storageState: storagePath('employee') });

  test('the employee sees the invitation and takes part by the UI', async ({ page, a11y }) => {
    await page.goto('/');
    await expect(page.getByText(`Ajakan cek diri: ${TITLE}`)).toBeVisible();
    await a11y.check('home with an invitation');
    await page.goto('/self-check');
    const invitations = page.getByRole('region', { name: 'Ajakan dari instansi Anda' });
    await expect(invitations).toContainText(TITLE);
    await a11y.check('self-check with an invitation');
    await invitations.getByRole('link', { name: 'Isi PHQ-2' }).click();
    await expect(page.getByText(`Bagian dari ajakan "${TITLE}"`)).toBeVisible();
    await a11y.check('PHQ-2 intro for the campaign');
    await page.getByLabel('Saya sudah membaca keterangan di atas').check();
    await page.getByRole('button', { name: 'Setuju dan mulai' }).click();
    await page.getByRole('radio', { name: 'Tidak pernah' }).check();
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByRole('radio', { name: 'Beberapa hari' }).check();
    await page.getByRole('button', { name: 'Selesai' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tidak tampak tanda depresi' })).toBeVisible();
    await a11y.check('PHQ-2 result');
    await page.goto('/self-check');
    await expect(
      page.getByRole('region', { name: 'Ajakan dari instansi Anda' }).getByText('Sudah diisi'),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test.describe('the campaign statistics', () => {
  test.use({ storageState: storagePath('admin') });

  test('fourteen new people take part; the admin sees real figures for large groups and "—" for the small one', async ({
    page,
    a11y,
  }) => {
    const api = await adminApi(page);
    const campaigns = await api.get<{ items: Array<{ id: string; title: string }> }>('/api/v1/campaigns');
    const campaignId = campaigns.items.find((c) => c.title === TITLE)?.id as string;
    expect(campaignId).toBeTruthy();

    // Invite them; each link reaches its invitee alone (here: the developer log); each submits.
    const people = await api.get<{ items: Array<{ id: string; email: string | null }> }>(
      '/api/v1/people?pageSize=100&status=active',
    );
    for (const s of STAFF) {
      const person = people.items.find((p) => p.email === s.email);
      expect(person, s.email).toBeTruthy();
      const sent = await api.post(`/api/v1/people/${person?.id}/invitation`);
      expect(sent.ok(), await sent.text()).toBe(true);
    }
    for (const s of STAFF) {
      const link = await devMailLink(s.email, 'invite');
      const person = await acceptInvitation(link);
      const session = (await (await person.get('/api/v1/auth/session')).json()) as { csrfToken: string };
      const submitted = await person.post('/api/v1/me/assessments', {
        headers: { 'x-csrf-token': session.csrfToken },
        data: {
          instrumentId: 'phq2',
          answers: [0, 0],
          campaignId,
          submissionKey: `campaign-${s.email.split('@')[0]?.replace('.', '-')}`,
          consentVersion: 'self-assessment-1',
        },
      });
      expect(submitted.status(), await submitted.text()).toBe(201);
      await person.dispose();
    }

    // The first view publishes (14 new responses ≥ k); closing with none since keeps those figures (A7).
    await page.goto(`/campaigns/${campaignId}/stats`);
    await expect(page.getByRole('heading', { level: 1, name: `Angka kampanye: ${TITLE}` })).toBeVisible();
    await a11y.check('campaign statistics while open');
    await page.getByRole('button', { name: /^Tutup kampanye/ }).click();
    const dialog = page.getByRole('dialog', { name: `Tutup "${TITLE}"?` });
    await a11y.check('close dialog');
    await dialog.getByRole('button', { name: 'Tutup kampanye' }).click();
    await expect(page.getByText('Selesai', { exact: true })).toBeVisible();

    const tree = page.getByRole('list', { name: 'Angka per unit' });
    const unit = (name: string) => tree.getByRole('region', { name, exact: true });
    const stat = (region: ReturnType<typeof unit>, label: string) =>
      region
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${label}$`) })
        .locator('xpath=following-sibling::dd[1]');
    // The report leads with a summary, a publication stamp and downloads of the same figures.
    await expect(page.getByRole('heading', { level: 2, name: 'Ringkasan' })).toBeVisible();
    await expect(page.getByText(/^Diterbitkan \d.* · kampanye sudah ditutup, angka ini final$/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Unduh Excel (XLSX)' })).toHaveAttribute('href', /format=xlsx$/);
    await expect(page.getByRole('link', { name: 'Unduh PDF' })).toHaveAttribute('href', /format=pdf$/);
    // Large enough: Bidang Pelayanan Kesehatan, 8 of 8 took part. Below the top, spreads open on request.
    const yankes = unit('Bidang Pelayanan Kesehatan');
    await yankes.getByText('Sebaran hasil PHQ-2').click();
    await expect(stat(yankes, 'Diundang')).toHaveText('8');
    await expect(stat(yankes, 'Ikut serta')).toHaveText('8');
    await expect(stat(yankes, 'Partisipasi')).toHaveText('100%');
    // All 8 screened negative: showing "negatif 8 (100%)" would tell each one's result
    // (docs/privacy.md A13). The spread is withheld and the page says why, in words that fit any reason.
    await expect(yankes.getByRole('list', { name: 'Sebaran hasil PHQ-2' })).toHaveCount(0);
    await expect(
      yankes.getByText(/^Sebaran hasil tidak ditampilkan\. Bila ditampilkan, hasil tiap orang dapat ditebak/),
    ).toBeVisible();
    await expect(yankes.getByText(/100%\)/)).toHaveCount(0);
    // The parent: 15 took part; minus its shown sub-unit that leaves 7, so nothing else is hidden.
    const dinkes = unit('Dinas Kesehatan');
    await expect(stat(dinkes, 'Ikut serta')).toHaveText('15');
    // Small: the Sekretariat, where only one person took part, shows "—" and says why.
    const sekretariat = unit('Sekretariat Dinas Kesehatan');
    await expect(stat(sekretariat, 'Ikut serta')).toHaveText('—disembunyikan: kurang dari 7 orang');
    await expect(sekretariat.getByText('disembunyikan: kurang dari 7 orang').first()).toBeAttached();
    // No name of a person anywhere on the page.
    for (const name of [...STAFF.map((s) => s.name), 'Budi Santoso', 'Dewi Lestari', 'Siti Rahmawati'])
      await expect(page.getByText(name)).toHaveCount(0);
    // The tree folds: hiding the Dinas's units leaves its own card.
    await page.getByRole('button', { name: 'Sembunyikan subunit Dinas Kesehatan' }).click();
    await expect(unit('Bidang Pelayanan Kesehatan')).toHaveCount(0);
    await page.getByRole('button', { name: /^Tampilkan \d+ subunit Dinas Kesehatan$/ }).click();
    await expect(unit('Bidang Pelayanan Kesehatan')).toBeVisible();
    await a11y.check('campaign statistics after closing');

    // On a phone the figures fit, and no label is broken in the middle of a word.
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);
    const broken = await page.locator('.unit-figures dt').evaluateAll((terms) =>
      terms.flatMap((term) => {
        const text = term.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [];
        const words: string[] = [];
        for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          if (range.getClientRects().length > 1) words.push(match[0]);
        }
        return words;
      }),
    );
    expect(broken, 'labels broken across lines').toEqual([]);
    await a11y.check('campaign statistics on a phone');
  });
});
