// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingView } from '../../api/committee.api.js';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
import { CommitteePage } from './CommitteePage.js';
import { MeetingPage } from './MeetingPage.js';

const admin = sessionFixture({
  roles: ['employee', 'wellbeing_admin'],
  grants: [{ id: 'g1', role: 'wellbeing_admin', unitId: null, unitName: null }],
});

function meeting(overrides: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 'm1',
    title: 'Rapat Tim Kesejahteraan Desember',
    startsAt: '2026-12-01T02:00:00.000Z',
    endsAt: '2026-12-01T03:30:00.000Z',
    timeZone: 'Asia/Jakarta',
    date: '2026-12-01',
    startTime: '09:00',
    durationMinutes: 90,
    place: 'Ruang Rapat BKPSDM',
    link: null,
    status: 'held',
    agenda: [
      {
        id: 'a1',
        title: 'Hasil survei',
        notes: null,
        surveyId: null,
        themeId: null,
        surveyTitle: null,
        themeName: null,
      },
    ],
    minutes: {
      status: 'draft',
      items: [{ agendaItemId: 'a1', decisions: 'Diskusi kelompok dijadwalkan.', followUps: null }],
      attendees: [],
      publishedAt: null,
    },
    canEdit: true,
    ...overrides,
  };
}

/** Answers by "METHOD path" (the API's path without /api/v1); records every write with its body. */
function serve(routes: Record<string, (body: unknown) => Response>) {
  const writes: Array<{ call: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = `${(init?.method ?? 'GET').toUpperCase()} ${new URL(String(input), 'http://localhost').pathname.replace(/^\/api\/v1/, '')}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (!call.startsWith('GET')) writes.push({ call, body });
    const answer = routes[call];
    return answer ? answer(body) : json({ error: { code: 'not_found', message: 'Tidak ditemukan', details: [] } }, 404);
  });
  return writes;
}

function openMeeting() {
  renderWithApp(
    <Routes>
      <Route path="/committee/meetings/:id" element={<MeetingPage />} />
    </Routes>,
    { url: '/committee/meetings/m1', session: admin },
  );
}

describe('the committee page', () => {
  it('says when the agency has no committee and no published minutes yet, and offers staff no admin link', async () => {
    serve({ 'GET /committee': () => json({ members: [], meetings: [], amMember: false }) });
    renderWithApp(<CommitteePage />, { url: '/committee', session: sessionFixture() });
    expect(await screen.findByText('Instansi Anda belum membentuk Tim Kesejahteraan Pegawai.')).toBeTruthy();
    expect(screen.getByText('Belum ada notulen rapat yang diterbitkan.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Diskusi kelompok terarah' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Kelola tim' })).toBeNull();
  });

  it('shows the server’s error when the committee cannot be loaded', async () => {
    serve({
      'GET /committee': () =>
        json({ error: { code: 'unavailable', message: 'Layanan sedang sibuk, coba lagi.', details: [] } }, 503),
    });
    renderWithApp(<CommitteePage />, { url: '/committee', session: sessionFixture() });
    expect(await screen.findByText('Layanan sedang sibuk, coba lagi.')).toBeTruthy();
  });
});

describe('a meeting’s page for the wellbeing admin', () => {
  it('publishes the minutes only after the review is confirmed, saving what is on screen first', async () => {
    const writes = serve({
      'GET /committee/meetings/m1': () => json(meeting()),
      'GET /committee/manage': () => json({ members: [], meetings: [] }),
      'PUT /committee/manage/meetings/m1/minutes': () => json(meeting()),
      'POST /committee/manage/meetings/m1/minutes/publish': () =>
        json(
          meeting({ minutes: { ...meeting().minutes!, status: 'published', publishedAt: '2026-12-02T01:00:00.000Z' } }),
        ),
    });
    const user = userEvent.setup();
    openMeeting();
    await user.click(await screen.findByRole('button', { name: 'Terbitkan untuk semua pegawai' }));
    const dialog = screen.getByRole('dialog', { name: 'Terbitkan notulen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Terbitkan untuk semua pegawai' }));
    expect(within(dialog).getByText('Centang pernyataan ini lebih dulu untuk menerbitkan.')).toBeTruthy();
    expect(writes).toEqual([]);

    await user.click(within(dialog).getByLabelText(/^Saya sudah memeriksa/));
    await user.click(within(dialog).getByRole('button', { name: 'Terbitkan untuk semua pegawai' }));
    expect(await screen.findByText('Notulen diterbitkan.')).toBeTruthy();
    expect(writes.map((w) => w.call)).toEqual([
      'PUT /committee/manage/meetings/m1/minutes',
      'POST /committee/manage/meetings/m1/minutes/publish',
    ]);
    expect(writes[1]?.body).toEqual({ reviewed: true });
  });

  it('asks for the review again each time the publish dialog opens', async () => {
    const writes = serve({
      'GET /committee/meetings/m1': () => json(meeting()),
      'GET /committee/manage': () => json({ members: [], meetings: [] }),
    });
    const user = userEvent.setup();
    openMeeting();
    await user.click(await screen.findByRole('button', { name: 'Terbitkan untuk semua pegawai' }));
    await user.click(within(screen.getByRole('dialog')).getByLabelText(/^Saya sudah memeriksa/));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Batal' }));
    await user.click(screen.getByRole('button', { name: 'Terbitkan untuk semua pegawai' }));
    expect(
      (within(screen.getByRole('dialog')).getByLabelText(/^Saya sudah memeriksa/) as HTMLInputElement).checked,
    ).toBe(false);
    expect(writes).toEqual([]);
  });

  it('keeps the dialog open with the server’s refusal when publishing fails', async () => {
    serve({
      'GET /committee/meetings/m1': () => json(meeting()),
      'GET /committee/manage': () => json({ members: [], meetings: [] }),
      'PUT /committee/manage/meetings/m1/minutes': () => json(meeting()),
      'POST /committee/manage/meetings/m1/minutes/publish': () =>
        json({ error: { code: 'committee_minutes_locked', message: 'Notulen ini sudah terbit.', details: [] } }, 409),
    });
    const user = userEvent.setup();
    openMeeting();
    await user.click(await screen.findByRole('button', { name: 'Terbitkan untuk semua pegawai' }));
    const dialog = screen.getByRole('dialog', { name: 'Terbitkan notulen?' });
    await user.click(within(dialog).getByLabelText(/^Saya sudah memeriksa/));
    await user.click(within(dialog).getByRole('button', { name: 'Terbitkan untuk semua pegawai' }));
    expect(await within(dialog).findByText('Notulen ini sudah terbit.')).toBeTruthy();
  });

  it('changes a scheduled meeting: its place, with the agenda kept, and shows a field the server refuses', async () => {
    const upcoming = meeting({
      status: 'scheduled',
      minutes: null,
      startsAt: '2099-12-01T02:00:00.000Z',
      date: '2099-12-01',
    });
    let refuse = true;
    let current = upcoming;
    const writes = serve({
      'GET /committee/meetings/m1': () => json(current),
      'GET /committee/manage/survey-themes': () => json({ items: [] }),
      'PUT /committee/manage/meetings/m1': (body) =>
        refuse
          ? ((refuse = false),
            json(
              {
                error: {
                  code: 'validation_failed',
                  message: 'Periksa isian.',
                  details: [{ path: 'date', message: 'Tanggal ini tidak dapat dipakai.' }],
                },
              },
              422,
            ))
          : json((current = { ...upcoming, place: (body as { place: string }).place })),
    });
    const user = userEvent.setup();
    openMeeting();
    expect(await screen.findByText('Notulen dapat ditulis setelah rapat dimulai.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ubah rapat' }));
    const place = screen.getByLabelText('Tempat');
    await user.clear(place);
    await user.click(place);
    await user.paste('Aula Dinas Kesehatan');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    expect((await screen.findAllByText('Tanggal ini tidak dapat dipakai.')).length).toBeGreaterThan(0);
    expect((screen.getByLabelText('Tempat') as HTMLInputElement).value).toBe('Aula Dinas Kesehatan');

    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    expect(await screen.findByText('Perubahan rapat disimpan.')).toBeTruthy();
    expect(writes[1]?.body).toMatchObject({
      place: 'Aula Dinas Kesehatan',
      date: '2099-12-01',
      startTime: '09:00',
      status: 'scheduled',
      agenda: [{ title: 'Hasil survei', notes: null, surveyId: null, themeId: null }],
    });
    expect(screen.getByText('Aula Dinas Kesehatan')).toBeTruthy();
  });
});
