// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
import { FocusGroupPage } from './FocusGroupPage.js';
import { FocusGroupsPage } from './FocusGroupsPage.js';
import { ManageFocusGroupsPage } from './ManageFocusGroupsPage.js';

const admin = sessionFixture({
  roles: ['employee', 'wellbeing_admin'],
  grants: [{ id: 'g1', role: 'wellbeing_admin', unitId: null, unitName: null }],
});

function group(overrides: Record<string, unknown> = {}) {
  return {
    id: 'f1',
    topic: 'Beban kerja di pelayanan kesehatan',
    surveyTitle: null,
    themeName: null,
    startsAt: '2026-12-01T03:00:00.000Z',
    endsAt: '2026-12-01T04:30:00.000Z',
    timeZone: 'Asia/Jakarta',
    durationMinutes: 90,
    place: 'Aula Dinas Kesehatan',
    link: null,
    capacity: 8,
    facilitatorName: 'Rina Wulandari',
    status: 'held',
    myAnswer: null,
    full: false,
    amFacilitator: true,
    summary: 'Laporan ganda menyita waktu.',
    summaryPublishedAt: null,
    ...overrides,
  };
}
const run = (overrides: Record<string, unknown> = {}) => ({
  ...group(overrides),
  accepted: [{ id: 'p2', name: 'Budi Santoso' }],
  invited: 4,
  pending: 2,
  declined: 1,
});

/** Answers by "METHOD path" (the API's path without /api/v1); records every write with its body. */
function serve(routes: Record<string, () => Response>) {
  const writes: Array<{ call: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://localhost').pathname.replace(/^\/api\/v1/, '');
    const call = `${(init?.method ?? 'GET').toUpperCase()} ${path}`;
    if (!call.startsWith('GET')) writes.push({ call, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = routes[call];
    return answer ? answer() : json({ error: { code: 'not_found', message: 'Tidak ditemukan', details: [] } }, 404);
  });
  return writes;
}

function openGroup(session = admin) {
  renderWithApp(
    <Routes>
      <Route path="/focus-groups/:id" element={<FocusGroupPage />} />
    </Routes>,
    { url: '/focus-groups/f1', session },
  );
}

describe('focus-group pages', () => {
  it('tell an employee with no invitation that there is nothing for them yet', async () => {
    serve({ 'GET /focus-groups': () => json({ items: [] }) });
    renderWithApp(<FocusGroupsPage />, { url: '/focus-groups', session: sessionFixture() });
    expect(await screen.findByText('Tidak ada undangan atau ringkasan diskusi untuk Anda saat ini.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Kelola diskusi' })).toBeNull();
  });

  it('tell the admin there is no focus group yet, and show the server’s error when the list fails', async () => {
    serve({
      'GET /focus-groups/manage': () => json({ items: [] }),
      'GET /committee/manage/survey-themes': () => json({ items: [] }),
    });
    const first = renderWithApp(<ManageFocusGroupsPage />, { url: '/focus-groups/manage', session: admin });
    expect(await screen.findByText('Belum ada diskusi.')).toBeTruthy();
    first.unmount();

    serve({
      'GET /focus-groups/manage': () =>
        json({ error: { code: 'unavailable', message: 'Layanan sedang sibuk, coba lagi.', details: [] } }, 503),
      'GET /committee/manage/survey-themes': () => json({ items: [] }),
    });
    renderWithApp(<ManageFocusGroupsPage />, { url: '/focus-groups/manage', session: admin });
    expect(await screen.findByText('Layanan sedang sibuk, coba lagi.')).toBeTruthy();
  });

  it('show an invitee why their answer was refused (the group filled up)', async () => {
    serve({
      'GET /focus-groups/f1': () =>
        json(
          group({
            status: 'scheduled',
            startsAt: '2099-12-01T03:00:00.000Z',
            myAnswer: 'pending',
            amFacilitator: false,
            summary: null,
          }),
        ),
      'POST /focus-groups/f1/answer': () =>
        json(
          {
            error: {
              code: 'focus_group_full',
              message: 'Maaf, tempat di diskusi kelompok ini sudah penuh.',
              details: [],
            },
          },
          409,
        ),
    });
    const user = userEvent.setup();
    openGroup(sessionFixture());
    await user.click(await screen.findByRole('button', { name: 'Ya, saya bersedia hadir' }));
    expect(await screen.findByText('Maaf, tempat di diskusi kelompok ini sudah penuh.')).toBeTruthy();
  });

  it('let the facilitator publish the summary only after confirming the review, saving the text first', async () => {
    const writes = serve({
      'GET /focus-groups/f1': () => json(group()),
      'GET /focus-groups/f1/run': () => json(run()),
      'PUT /focus-groups/f1/summary': () => json(run()),
      'POST /focus-groups/f1/summary/publish': () => json(run({ summaryPublishedAt: '2026-12-02T01:00:00.000Z' })),
    });
    const user = userEvent.setup();
    openGroup();
    expect(await screen.findByText('1 bersedia, 2 belum menjawab, 1 tidak ikut, dari 4 undangan')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Terbitkan untuk pegawai' }));
    const dialog = screen.getByRole('dialog', { name: 'Terbitkan ringkasan?' });
    await user.click(within(dialog).getByRole('button', { name: 'Terbitkan untuk pegawai' }));
    expect(within(dialog).getByText('Centang pernyataan ini lebih dulu untuk menerbitkan.')).toBeTruthy();
    expect(writes).toEqual([]);
    await user.click(within(dialog).getByLabelText(/^Saya sudah memeriksa/));
    await user.click(within(dialog).getByRole('button', { name: 'Terbitkan untuk pegawai' }));
    expect(await screen.findByText('Ringkasan diterbitkan.')).toBeTruthy();
    expect(writes).toEqual([
      { call: 'PUT /focus-groups/f1/summary', body: { summary: 'Laporan ganda menyita waktu.' } },
      { call: 'POST /focus-groups/f1/summary/publish', body: { reviewed: true } },
    ]);
  });
});
