import type { Browser, Locator, Page } from '@playwright/test';
import { formatDate } from '../../src/i18n/format.js';
import { expect, expectNoHorizontalScroll, test, type A11y } from './support/fixtures.js';
import { requireState, storagePath } from './support/state.js';
import { enrolTwoFactor } from './support/two-factor.js';

/**
 * Peer groups and return-to-work plans across roles (docs/decisions/045-peer-groups-and-return-to-work.md),
 * at both widths. The counsellor of 07 facilitates a group; Budi of 03 reads its rules and joins it
 * under a name he chooses, and the facilitator sees that name, never his. The same counsellor —
 * Budi's through the booking of 19, which is what makes him a client — proposes a phased return to
 * work; Budi agrees to it and lets his unit's manager (Siti of 03) see the schedule. Siti sees his
 * name, the dates and the percentages, and nothing of the plan's clinical side, neither on the page
 * nor in what the server sent; when Budi withdraws the consent her next load is empty.
 *
 * Siti signs in with her password here rather than reusing 03's storage: she has done nothing
 * since 03, and a session idle for 30 minutes ends (src/server/modules/auth/session.service.ts),
 * which a whole run of the journeys can outlast. The branches (full groups, wrong people, versions)
 * are in test/integration/peer-groups.test.ts and return-to-work.test.ts.
 */

const GROUP = {
  topic: 'Orang tua bekerja',
  description: 'Untuk rekan yang membagi waktu antara pekerjaan dan mengasuh anak.',
  place: 'Ruang Rapat Lantai 2, Dinas Kesehatan',
  /** A name that is not Budi's and says nothing about his health. */
  displayName: 'Pejalan Pagi',
};
/** What only the counsellor and the client may read: it must never reach the manager. */
const EVALUATION = 'Gejala depresi membaik setelah konseling; insomnia berkurang. Lanjutkan sesi dua minggu sekali.';
const CHECKIN_NOTE = 'Cek PHQ-9 dan pola tidur sebelum naik ke 75%.';

/** Today on the agency's clock (WIB), as "YYYY-MM-DD". */
function todayInJakarta(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "2026-12-10" typed as people in Indonesia write it (src/web/components/DateField.tsx). */
const typed = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
/** A calendar day as the pages show it in Indonesian (useFormat().day). */
const shown = (day: string) => formatDate(`${day}T12:00:00Z`, 'id', 'UTC');

test.describe('peer groups and a return-to-work plan', () => {
  test.use({ storageState: storagePath('counsellor') });

  test('a group joined under a chosen name; a plan agreed, shared with the manager, then withdrawn', async ({
    page,
    browser,
    a11y,
  }) => {
    // Three people, four browsers' worth of pages, each checked by axe: 1.5 min at 360 px on a busy
    // machine, and past the default 2 min at 1280 px on a busier one.
    test.setTimeout(240_000);
    const counsellorName = requireState('counsellorName');
    const managerEmail = requireState('managerEmail');
    const managerPassword = requireState('managerPassword');
    const employee = await (await browser.newContext({ storageState: storagePath('employee') })).newPage();
    a11y.track(employee);

    // --- The counsellor, as facilitator, opens a group ---------------------------------------------
    await page.goto('/groups/manage');
    await expect(page.getByRole('heading', { level: 1, name: 'Kelompok yang saya pandu' })).toBeVisible();
    await expect(page.getByText('Anda belum memandu kelompok apa pun.')).toBeVisible();
    await a11y.check('facilitator: no groups yet');
    await page.getByRole('button', { name: 'Buat kelompok baru' }).click();
    const form = page.getByRole('region', { name: 'Buat kelompok baru' });
    await form.getByLabel('Topik').fill(GROUP.topic);
    await form.getByLabel('Deskripsi').fill(GROUP.description);
    await form.getByRole('radio', { name: 'Setiap minggu' }).check();
    await form.getByLabel('Hari', { exact: true }).selectOption({ label: 'Kamis' });
    await form.getByLabel('Jam mulai').fill('15:30');
    await form.getByLabel('Lama (menit)').fill('90');
    await form.getByRole('radio', { name: 'Tatap muka' }).check();
    await form.getByLabel('Tempat', { exact: true }).fill(GROUP.place);
    await form.getByLabel('Kapasitas (orang)').fill('8');
    // The ground rules start from the basic ones, which name the agency's crisis contacts.
    await form.getByRole('button', { name: 'Pakai aturan dasar' }).click();
    await expect(form.getByLabel(/^Aturan kelompok/)).toHaveValue(
      /^1\. Yang dibagikan di kelompok, tetap di kelompok\./,
    );
    await a11y.check('facilitator: a new group filled in');
    await expectNoHorizontalScroll(page);
    await form.getByRole('button', { name: 'Simpan kelompok' }).click();
    await expect(page.getByRole('heading', { level: 1, name: GROUP.topic })).toBeVisible();
    const groupPath = new URL(page.url()).pathname;
    expect(groupPath).toMatch(/^\/groups\/manage\/[0-9a-f-]{36}$/);
    const members = page.getByRole('region', { name: /^Anggota/ });
    await expect(members.getByText('Belum ada anggota.')).toBeVisible();
    await expect(members).toContainText('0 dari 8 tempat terisi');
    await a11y.check('facilitator: the group, no members yet');

    // --- Budi finds it from "Bantuan", reads the rules and joins under a name of his own ----------------
    await employee.goto('/help');
    await a11y.check('help', employee);
    await employee.getByRole('link', { name: 'Kelompok dukungan sebaya: ngobrol dengan rekan senasib' }).click();
    await expect(employee.getByRole('heading', { level: 1, name: 'Kelompok dukungan sebaya' })).toBeVisible();
    const open = employee.getByRole('region', { name: 'Kelompok yang bisa diikuti' });
    const card = open.getByRole('listitem').filter({ hasText: GROUP.topic });
    await expect(card).toContainText('Setiap Kamis, pukul 15.30 (90 menit) · Tatap muka');
    await expect(card).toContainText('0 dari 8 tempat terisi');
    await a11y.check('groups: one open', employee);
    await expectNoHorizontalScroll(employee);
    await card.getByRole('link', { name: GROUP.topic }).click();
    await expect(employee.getByRole('heading', { level: 1, name: GROUP.topic })).toBeVisible();
    await expect(employee.getByText(`Fasilitator: ${counsellorName}`)).toBeVisible();
    await expect(employee.getByText(GROUP.place)).toBeVisible();
    const rules = employee.getByRole('region', { name: 'Aturan kelompok' });
    await expect(rules).toContainText('Kita saling mendengarkan, bukan saling menasihati.');
    // Joining asks for the rules to be read first: nothing is sent until they are.
    const join = employee.getByRole('region', { name: 'Bergabung' });
    await join.getByLabel(/^Nama panggilan di kelompok ini/).fill(GROUP.displayName);
    await join.getByRole('button', { name: 'Gabung ke kelompok' }).click();
    await expect(
      join.getByText('Centang dulu bahwa Anda sudah membaca aturan kelompok.', { exact: false }).first(),
    ).toBeVisible();
    await a11y.check('group: join refused without the rules', employee);
    await join.getByLabel('Saya sudah membaca aturan kelompok dan akan menjaganya.').check();
    await join.getByRole('button', { name: 'Gabung ke kelompok' }).click();
    await expect(employee.getByText(`Anda sudah bergabung sebagai ${GROUP.displayName}.`)).toBeVisible();
    await expect(employee.getByRole('heading', { name: `Anda bergabung sebagai ${GROUP.displayName}` })).toBeVisible();
    await expect(employee.getByText('1 dari 8 tempat terisi')).toBeVisible();
    await a11y.check('group: joined', employee);
    await expectNoHorizontalScroll(employee);

    // --- The facilitator sees the chosen name, never the real one ---------------------------------------
    await page.reload();
    await expect(members.getByRole('listitem')).toHaveCount(1);
    await expect(members.getByRole('listitem')).toContainText(GROUP.displayName);
    await expect(members).toContainText('1 dari 8 tempat terisi');
    await expect(page.getByText('Budi')).toHaveCount(0);
    await a11y.check('facilitator: one member by display name');
    await expectNoHorizontalScroll(page);

    // --- The counsellor proposes a phased return to work --------------------------------------------
    const start = addDays(todayInJakarta(), 7);
    // Check-ins inside the steps, on days no period starts or ends, so the manager's schedule
    // cannot carry them by chance.
    const firstCheckin = addDays(start, 10);
    const secondCheckin = addDays(start, 24);
    await page.goto('/counselling/return-to-work');
    await expect(page.getByRole('heading', { level: 1, name: 'Rencana kembali bekerja' })).toBeVisible();
    await a11y.check('counsellor: clients for return to work');
    await page.getByRole('link', { name: 'Buat rencana: Budi Santoso' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rencana kembali bekerja: Budi Santoso' })).toBeVisible();
    await page.getByLabel(/^Tanggal mulai bekerja kembali/).fill(typed(start));
    await page.getByLabel('Minggu (tahap 1)').fill('2');
    await page.getByLabel('Beban kerja % (tahap 1)').fill('50');
    await page.getByLabel('Minggu (tahap 2)').fill('2');
    await page.getByLabel('Beban kerja % (tahap 2)').fill('75');
    for (const [n, day] of [
      [1, firstCheckin],
      [2, secondCheckin],
    ] as const) {
      await page.getByRole('button', { name: 'Tambah titik pemeriksaan' }).click();
      await page.getByLabel(new RegExp(`^Tanggal pemeriksaan ${n}`)).fill(typed(day));
    }
    await page.getByLabel(/^Catatan pemeriksaan 1/).fill(CHECKIN_NOTE);
    await page.getByLabel(/^Evaluasi penutup/).fill(EVALUATION);
    await a11y.check('plan editor: filled in');
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    await expect(page.getByText('Rencana tersimpan.')).toBeVisible();
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status).toContainText('Menunggu persetujuan klien');
    await a11y.check('plan editor: saved, waiting for the client');

    // --- Budi reviews it, agrees, and lets his manager see the schedule ----------------------------------
    await employee.goto('/return-to-work');
    await expect(employee.getByRole('heading', { level: 1, name: 'Rencana kembali bekerja' })).toBeVisible();
    const plan = employee.locator('li.plan-card');
    await expect(plan).toContainText(`Disusun bersama ${counsellorName}`);
    await expectSchedule(plan, start);
    // His plan is his to read in full: the evaluation and the check-in notes are there for him.
    await expect(plan.getByText(EVALUATION)).toBeVisible();
    await expect(plan.getByText(CHECKIN_NOTE)).toBeVisible();
    await expect(plan.getByText(shown(firstCheckin), { exact: true })).toBeVisible();
    const share = employee.getByRole('region', { name: 'Berbagi jadwal dengan atasan' });
    await expect(share.getByText('Setujui rencananya dulu sebelum berbagi jadwal dengan atasan.')).toBeVisible();
    await a11y.check('my plan: to agree', employee);
    await expectNoHorizontalScroll(employee);
    await employee.getByRole('button', { name: 'Saya setuju' }).click();
    await expect(employee.getByText('Terima kasih, persetujuan Anda tercatat.')).toBeVisible();
    await expect(employee.getByText(/^Anda menyetujui versi 1 pada /)).toBeVisible();
    await expect(share).toContainText('Atasan Anda tidak melihat apa pun dari rencana ini.');
    await share.getByRole('button', { name: 'Izinkan atasan melihat jadwal' }).click();
    await expect(employee.getByText('Izin diberikan. Atasan Anda kini melihat jadwal beban kerja saja.')).toBeVisible();
    await expect(share).toContainText('Atasan Anda dapat melihat jadwal beban kerja.');
    await a11y.check('my plan: agreed and shared', employee);
    await expectNoHorizontalScroll(employee);

    // The counsellor's list says so.
    await page.goto('/counselling/return-to-work');
    const client = page.getByRole('listitem').filter({ hasText: 'Budi Santoso' });
    await expect(client).toContainText('Disetujui klien');
    await expect(client).toContainText('Dibagikan ke atasan');
    await a11y.check('counsellor: the plan agreed and shared');

    // --- Siti, the manager of Budi's unit, sees the name, the dates and the percentages only ------------
    const manager = await signInAsManager(browser, a11y, managerEmail, managerPassword);
    const shared = manager.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/team/return-to-work');
    await manager.getByRole('link', { name: 'Rencana kembali bekerja bertahap yang dibagikan kepada Anda' }).click();
    const sent = await (await shared).text();
    await expect(manager.getByRole('heading', { level: 1, name: 'Rencana kembali bekerja bertahap' })).toBeVisible();
    const schedule = manager
      .locator('li.plan-card')
      .filter({ has: manager.getByRole('heading', { name: 'Budi Santoso' }) });
    await expect(schedule).toHaveCount(1);
    await expectSchedule(schedule, start);
    for (const secret of [EVALUATION, CHECKIN_NOTE, counsellorName, GROUP.displayName]) {
      await expect(manager.getByText(secret, { exact: false })).toHaveCount(0);
      expect(sent, `the manager's schedules sent "${secret}"`).not.toContain(secret);
    }
    for (const clinical of ['konselor', 'PHQ', 'depresi', 'evaluasi', 'pemeriksaan']) {
      await expect(manager.locator('main')).not.toContainText(clinical, { ignoreCase: true });
      expect(sent.toLowerCase(), `the manager's schedules sent "${clinical}"`).not.toContain(clinical.toLowerCase());
    }
    // What was sent holds whose schedule and its dates, nothing else: no check-in dates, no plan id.
    const items = (JSON.parse(sent) as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['fullFrom', 'periods', 'personId', 'personName', 'startDate']);
    for (const day of [firstCheckin, secondCheckin]) expect(sent).not.toContain(day);
    await a11y.check('manager: the shared schedule', manager);
    await expectNoHorizontalScroll(manager);

    // --- Budi withdraws the consent; Siti's next load is empty ---------------------------------------
    await share.getByRole('button', { name: 'Cabut izin' }).click();
    const revoke = employee.getByRole('dialog', { name: 'Cabut izin berbagi jadwal?' });
    await expect(revoke).toBeVisible();
    await a11y.check('my plan: withdraw the consent?', employee);
    await revoke.getByRole('button', { name: 'Ya, cabut izin' }).click();
    await expect(revoke).toBeHidden();
    await expect(employee.getByText('Izin dicabut. Atasan Anda tidak lagi melihat jadwal ini.')).toBeVisible();
    await expect(share).toContainText('Atasan Anda tidak melihat apa pun dari rencana ini.');
    await a11y.check('my plan: consent withdrawn', employee);

    const reloaded = manager.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/team/return-to-work');
    await manager.reload();
    expect(await (await reloaded).json()).toEqual({ items: [] });
    await expect(manager.getByText('Tidak ada jadwal yang dibagikan kepada Anda.')).toBeVisible();
    await expect(manager.getByText('Budi Santoso')).toHaveCount(0);
    await a11y.check('manager: nothing shared', manager);
    await expectNoHorizontalScroll(manager);

    await manager.context().close();
    await employee.context().close();
  });
});

/** The plan's dated workload: two weeks at 50 %, two at 75 %, then full time. */
async function expectSchedule(scope: Locator, start: string): Promise<void> {
  const periods = scope.locator('ul.period-list > li');
  await expect(periods).toHaveText([
    `${shown(start)} – ${shown(addDays(start, 13))}50% beban kerja`,
    `${shown(addDays(start, 14))} – ${shown(addDays(start, 27))}75% beban kerja`,
    `Mulai ${shown(addDays(start, 28))}: beban kerja penuh (100%)`,
  ]);
}

/** Siti signs in with her password, in her own browser, and lands on her home. */
async function signInAsManager(browser: Browser, a11y: A11y, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  a11y.track(page);
  await page.goto('/sign-in');
  await a11y.check('sign-in', page);
  await page.getByLabel('NIP atau email').fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // Spec 11 makes Siti a counsellor too, a role that reads other people's records: when it ran
  // before this one (every full run), her first sign-in since enrols her in two-factor.
  await expect(page).toHaveURL(/\/(two-factor\/setup)?$/);
  if (page.url().endsWith('/two-factor/setup')) await enrolTwoFactor(page, a11y, 'manager: two-factor enrolment');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/, Siti$/);
  await a11y.check('manager home', page);
  await expectNoHorizontalScroll(page);
  return page;
}
