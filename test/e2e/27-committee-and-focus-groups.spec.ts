import type { Page } from '@playwright/test';
import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { goTo } from './support/nav.js';
import { storagePath } from './support/state.js';

/**
 * The wellbeing committee and a focus group (docs/committee-and-focus-groups.md), as the people of
 * 01 and 03 live them. The wellbeing admin (01, the role since 06) schedules a focus group for
 * Dinas Kesehatan a few minutes ahead and invites a random sample and the employee by name; the
 * employee accepts (voluntary, no reason asked). The admin then forms the committee — the manager
 * chairs it — and schedules a meeting with its agenda; the manager, a member, finds it; the admin
 * moves it to yesterday (it was held early), writes and publishes the minutes after the confirmed
 * review; the manager reads them. Once the focus group has started, the admin (its facilitator) sees
 * who accepted, publishes the summary with the name in it masked, and the employee reads it.
 *
 * Nothing moves the server's clock, and a summary can only be written once the group has started:
 * so the focus group comes first, starting at a round minute one to two minutes ahead, and the
 * committee's part is played while it approaches.
 */
const MEETING = 'Rapat Tim Kesejahteraan Desember';
const GROUP = 'Beban kerja di pelayanan kesehatan';
const DECISION = 'Surat edaran jam membalas pesan diajukan ke pimpinan.';

/** The focus group's start, shared by the tests of this file (one worker plays them in order). */
let groupStartsAt = 0;

const jakarta = (instant: number, part: 'day' | 'time') =>
  part === 'day'
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(instant)
    : new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' }).format(
        instant,
      );
/** "2026-12-10" typed as people in Indonesia write it (src/web/components/DateField.tsx). */
const typed = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const dayFromNow = (days: number) => typed(jakarta(Date.now() + days * 86_400_000, 'day'));

async function pickPerson(page: Page, field: string, query: string, name: RegExp): Promise<void> {
  await page.getByLabel(field, { exact: true }).fill(query);
  await page.getByRole('button', { name }).click();
}

test.describe('the wellbeing admin schedules a focus group', () => {
  test.use({ storageState: storagePath('admin') });

  test('for Dinas Kesehatan: a random sample and the employee by name are invited', async ({ page, a11y }) => {
    await page.goto('/focus-groups/manage');
    await expect(page.getByRole('heading', { level: 1, name: 'Kelola diskusi kelompok terarah' })).toBeVisible();
    await expect(page.getByText('Belum ada diskusi.')).toBeVisible();
    await a11y.check('focus groups to manage, none yet');

    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Jadwalkan diskusi' }) });
    await form.getByRole('button', { name: 'Jadwalkan' }).click();
    await expect(form.getByRole('heading', { name: 'Periksa kembali isian berikut' })).toBeVisible();
    await expect(form.getByText('Pilih fasilitator lebih dulu.').first()).toBeVisible();
    await a11y.check('new focus group with errors');

    // At least a minute ahead: time for the invitations and the employee's answer before it starts.
    groupStartsAt = Math.ceil((Date.now() + 60_000) / 60_000) * 60_000;
    await form.getByLabel('Topik', { exact: true }).fill(GROUP);
    await form.getByLabel('Tanggal', { exact: true }).fill(typed(jakarta(groupStartsAt, 'day')));
    await form.getByLabel('Jam mulai', { exact: true }).fill(jakarta(groupStartsAt, 'time'));
    await form.getByLabel('Tempat', { exact: true }).fill('Ruang Rapat Dinas Kesehatan');
    await form.getByLabel('Jumlah tempat').fill('5');
    await pickPerson(page, 'Fasilitator', 'Rina', /^Pilih Rina Wulandari/);
    await form.getByRole('button', { name: 'Jadwalkan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
    await a11y.check('focus group, just scheduled');

    await page.goto('/focus-groups/manage');
    const card = page.getByRole('listitem').filter({ hasText: GROUP });
    await card.getByLabel('Unit (beserta unit di bawahnya)').selectOption({ label: 'Dinas Kesehatan' });
    await card.getByLabel('Jumlah yang diundang').fill('3');
    await card.getByRole('button', { name: 'Kirim undangan' }).click();
    await expect(page.getByText('3 undangan dikirim.')).toBeVisible();
    // The employee by name; the sample may have drawn him already (then nobody new is invited).
    await card.getByRole('radio', { name: 'Orang tertentu' }).check();
    await pickPerson(page, 'Pegawai yang diundang', 'Budi', /^Pilih Budi Santoso/);
    await card.getByRole('button', { name: 'Kirim undangan' }).click();
    await expect(page.getByText(/^[01] undangan dikirim\.$/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await a11y.check('focus groups to manage, invitations sent');
  });
});

test.describe('the invited employee', () => {
  test.use({ storageState: storagePath('employee') });

  test('accepts, told that taking part is voluntary and asked no reason', async ({ page, a11y }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await a11y.check('employee home');
    await page.getByRole('link', { name: /^Tim Kesejahteraan Pegawai/ }).click();
    await expect(page.getByText('Instansi Anda belum membentuk Tim Kesejahteraan Pegawai.')).toBeVisible();
    await a11y.check('committee, not formed yet');
    await page.getByRole('link', { name: 'Diskusi kelompok terarah' }).click();
    const invited = page.getByRole('region', { name: 'Undangan untuk saya' });
    await expect(invited.getByText('Belum dijawab')).toBeVisible();
    await a11y.check('my focus groups');
    await invited.getByRole('link', { name: GROUP }).click();
    await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
    await expect(page.getByText('Keikutsertaan sukarela')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    // Who else accepted is for the facilitator and the admin.
    await expect(page.getByRole('heading', { name: 'Yang bersedia hadir' })).toHaveCount(0);
    await a11y.check('focus group invitation');
    await page.getByRole('button', { name: 'Ya, saya bersedia hadir' }).click();
    await expect(page.getByText('Terima kasih, Anda tercatat bersedia hadir.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Anda bersedia hadir' })).toBeVisible();
    await a11y.check('focus group, accepted');
  });
});

test.describe('the wellbeing admin forms the committee', () => {
  test.use({ storageState: storagePath('admin') });

  test('the manager chairs it, the admin is secretary; a meeting with its agenda is scheduled', async ({
    page,
    a11y,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await a11y.check('admin home');
    await goTo(page, 'Tim kesejahteraan');
    await expect(page.getByRole('heading', { level: 1, name: 'Kelola Tim Kesejahteraan Pegawai' })).toBeVisible();
    await expect(page.getByText('Tim belum punya anggota.')).toBeVisible();
    await a11y.check('committee to manage, empty');

    const add = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Tambah anggota' }) });
    for (const [query, name, role] of [
      ['Siti', /^Pilih Siti Rahmawati/, 'Ketua'],
      ['Rina', /^Pilih Rina Wulandari/, 'Sekretaris'],
    ] as const) {
      await pickPerson(page, 'Pegawai', query, name);
      await add.getByLabel('Peran di tim').selectOption({ label: role });
      await add.getByLabel('Awal masa tugas').fill(dayFromNow(-30));
      await add.getByLabel('Akhir masa tugas').fill(dayFromNow(700));
      await add.getByRole('button', { name: 'Tambahkan ke tim' }).click();
      await expect(page.getByText(/ditambahkan ke tim\.$/)).toBeVisible();
    }
    const members = page.getByRole('region', { name: 'Anggota tim' });
    await expect(members.getByRole('listitem')).toHaveCount(2);
    await a11y.check('committee to manage, two members');

    const meeting = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Jadwalkan rapat' }) });
    await meeting.getByLabel('Judul rapat').fill(MEETING);
    await meeting.getByLabel('Tanggal', { exact: true }).fill(dayFromNow(1));
    await meeting.getByLabel('Jam mulai', { exact: true }).fill('09.00');
    await meeting.getByLabel('Tempat', { exact: true }).fill('Ruang Rapat BKPSDM');
    await meeting.getByLabel('Judul butir 1').fill('Hasil survei Dinas Kesehatan');
    await meeting.getByRole('button', { name: 'Tambah butir agenda' }).click();
    await meeting.getByLabel('Judul butir 2').fill('Jam membalas pesan di luar jam kerja');
    await meeting.getByRole('button', { name: 'Jadwalkan dan undang anggota' }).click();
    await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
    await expect(page.getByText('Notulen dapat ditulis setelah rapat dimulai.')).toBeVisible();
    await a11y.check('meeting, scheduled');
  });
});

test.describe('the manager, a member', () => {
  test.use({ storageState: storagePath('manager') });

  test('finds the meeting and its agenda', async ({ page, a11y }) => {
    await page.goto('/committee');
    await expect(page.getByText('Anda anggota tim ini')).toBeVisible();
    await a11y.check('committee, as a member');
    await page.getByRole('link', { name: MEETING }).click();
    await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Jam membalas pesan di luar jam kerja' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ubah rapat' })).toHaveCount(0);
    await a11y.check('meeting, as a member');
  });
});

test.describe('the wellbeing admin records the meeting', () => {
  test.use({ storageState: storagePath('admin') });

  test('moves it to yesterday, writes the minutes and publishes them after the review', async ({ page, a11y }) => {
    await page.goto('/committee');
    await expect(page.getByRole('heading', { level: 1, name: 'Tim Kesejahteraan Pegawai' })).toBeVisible();
    await a11y.check('committee, as the admin');
    await page.getByRole('link', { name: MEETING }).click();
    await page.getByRole('button', { name: 'Ubah rapat' }).click();
    const edit = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Ubah rapat' }) });
    await expect(edit.getByLabel('Judul butir 2')).toHaveValue('Jam membalas pesan di luar jam kerja');
    await a11y.check('meeting, changing it');
    await edit.getByLabel('Tanggal', { exact: true }).fill(dayFromNow(-1));
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(page.getByText('Perubahan rapat disimpan.')).toBeVisible();

    // Started now: the page drawn again offers the minutes editor.
    await page.reload();
    const minutes = page.getByRole('region', { name: 'Tulis notulen' });
    await expect(minutes.getByText('bukan catatan tentang orang')).toBeVisible();
    await minutes
      .getByRole('group', { name: 'Jam membalas pesan di luar jam kerja' })
      .getByLabel('Keputusan')
      .fill(DECISION);
    await minutes.getByLabel('Siti Rahmawati (Ketua)').check();
    await minutes.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page.getByText('Draf notulen disimpan.')).toBeVisible();
    await a11y.check('minutes, draft saved');

    await minutes.getByRole('button', { name: 'Terbitkan untuk semua pegawai' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan notulen?' });
    await dialog.getByRole('button', { name: 'Terbitkan untuk semua pegawai' }).click();
    await expect(dialog.getByText('Centang pernyataan ini lebih dulu untuk menerbitkan.')).toBeVisible();
    await a11y.check('publish dialog, review not confirmed');
    await dialog.getByLabel(/^Saya sudah memeriksa/).check();
    await dialog.getByRole('button', { name: 'Terbitkan untuk semua pegawai' }).click();
    await expect(page.getByText('Notulen diterbitkan.')).toBeVisible();
    await expect(page.getByText(DECISION)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await a11y.check('minutes, published');
  });
});

test.describe('the manager reads the minutes', () => {
  test.use({ storageState: storagePath('manager') });

  test('published, with who attended', async ({ page, a11y }) => {
    await page.goto('/committee');
    await page.getByRole('link', { name: MEETING }).click();
    const minutes = page.getByRole('region', { name: 'Notulen' });
    await expect(minutes.getByText('Notulen terbit')).toBeVisible();
    await expect(minutes.getByText(DECISION)).toBeVisible();
    await expect(minutes.getByText('Siti Rahmawati')).toBeVisible();
    await a11y.check('minutes, as a member');
    await page.goto('/committee');
    await a11y.check('committee, minutes published');
  });
});

test.describe('the focus group has started', () => {
  test.use({ storageState: storagePath('admin') });

  test('the facilitator sees who accepted and publishes the summary, a name in it masked', async ({ page, a11y }) => {
    test.setTimeout(300_000);
    expect(groupStartsAt, 'the focus group of the first test').toBeGreaterThan(0);
    await page.goto('/focus-groups/manage');
    await expect(page.getByRole('listitem').filter({ hasText: GROUP })).toBeVisible();
    await a11y.check('focus groups to manage, one scheduled');
    await page.getByRole('link', { name: GROUP }).click();
    const run = page.getByRole('region', { name: 'Peserta' });
    await expect(run.getByText(/^1 bersedia, \d+ belum menjawab, 0 tidak ikut, dari [34] undangan$/)).toBeVisible();
    await expect(run.getByRole('listitem')).toHaveText(['Budi Santoso']);
    await a11y.check('focus group, who accepted');

    // The summary opens at the start; until then the page says so.
    await page.waitForTimeout(Math.max(0, groupStartsAt - Date.now() + 1_000));
    await page.reload();
    await page
      .getByLabel('Ringkasan', { exact: true })
      .fill('Beban administrasi terasa berat. Seperti kata Budi, laporan ganda menyita waktu.');
    await page.getByRole('button', { name: 'Simpan draf ringkasan' }).click();
    await expect(page.getByText('Draf ringkasan disimpan.')).toBeVisible();
    await page.getByRole('button', { name: 'Terbitkan untuk pegawai' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan ringkasan?' });
    await dialog.getByLabel(/^Saya sudah memeriksa/).check();
    await a11y.check('summary publish dialog');
    await dialog.getByRole('button', { name: 'Terbitkan untuk pegawai' }).click();
    await expect(page.getByText('Ringkasan diterbitkan.')).toBeVisible();
    await expect(page.getByText('Seperti kata [nama], laporan ganda menyita waktu.')).toBeVisible();
    await a11y.check('focus group, summary published');
  });
});

test.describe('the employee reads the summary', () => {
  test.use({ storageState: storagePath('employee') });

  test('masked, and the committee’s published minutes', async ({ page, a11y }) => {
    await page.goto('/focus-groups');
    await expect(page.getByRole('region', { name: 'Undangan untuk saya' })).toContainText('Anda bersedia hadir');
    await a11y.check('my focus groups, accepted');
    await page.getByRole('link', { name: GROUP }).click();
    await expect(page.getByRole('heading', { name: 'Ringkasan tema yang terdengar' })).toBeVisible();
    await expect(page.getByText(/Seperti kata \[nama\]/)).toBeVisible();
    await expect(page.getByText(/Budi,/)).toHaveCount(0);
    await a11y.check('focus group summary, as an invitee');
    await page.goto('/committee');
    await expect(page.getByRole('region', { name: 'Anggota tim' }).getByText('Siti Rahmawati')).toBeVisible();
    await a11y.check('committee, as staff');
    await page.getByRole('link', { name: MEETING }).click();
    await expect(page.getByText(DECISION)).toBeVisible();
    await a11y.check('minutes, as staff');
  });
});
