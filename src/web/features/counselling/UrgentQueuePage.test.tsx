// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { UrgentQueuePage } from './UrgentQueuePage.js';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function request(id: string, fullName: string, status: 'open' | 'acknowledged', createdAt: string) {
  return {
    id,
    createdAt,
    source: 'help_button',
    status,
    person: { id: `p-${id}`, fullName, unitName: 'Sekretariat Daerah', phone: null, email: null },
    contactMethod: null,
    contact: null,
    preferredTime: null,
    note: null,
    acknowledgedBy: status === 'acknowledged' ? { id: 'c1', fullName: 'Retno Palupi' } : null,
    acknowledgedAt: status === 'acknowledged' ? minutesAgo(50) : null,
    closedAt: null,
    firstContactAt: null,
    firstAppointment: null,
  };
}

const page = (items: unknown[]) => ({
  items,
  total: items.length,
  nextCursor: null,
  firstContact: { medianMinutes: 40, count: 3, days: 30 },
});

const session = sessionFixture({ roles: ['employee', 'counsellor'] });

describe('the urgent queue', () => {
  it('says how long each request has waited and marks the open ones past the threshold overdue', async () => {
    const items = [
      request('r1', 'Lina Halim', 'open', minutesAgo(25)),
      request('r2', 'Budi Santoso', 'open', minutesAgo(95)),
      request('r3', 'Sari Dewi', 'acknowledged', minutesAgo(62)),
    ];
    vi.stubGlobal('fetch', async () => json(page(items)));
    renderWithApp(<UrgentQueuePage />, { url: '/counselling/urgent', session });
    const card = async (name: string) => (await screen.findByRole('heading', { name })).closest('li') as HTMLElement;
    expect(within(await card('Lina Halim')).getByText('Menunggu 25 menit')).toBeTruthy();
    expect(within(await card('Lina Halim')).queryByText('Terlambat')).toBeNull();
    expect(within(await card('Budi Santoso')).getByText('Menunggu 1 jam')).toBeTruthy();
    expect(within(await card('Budi Santoso')).getByText('Terlambat')).toBeTruthy();
    // Taken up after 12 minutes: no longer waiting, never overdue.
    expect(within(await card('Sari Dewi')).getByText('Ditangani setelah 12 menit')).toBeTruthy();
    expect(within(await card('Sari Dewi')).queryByText('Terlambat')).toBeNull();
    expect(screen.getByText('Permintaan yang terlambat ditangani: 1.')).toBeTruthy();
    expect(screen.getByText(/belum ditangani 30 menit setelah diajukan ditandai "Terlambat"/)).toBeTruthy();
    // The team's median time to first contact, and how much of the queue is shown.
    expect(screen.getByText(/median 40 menit \(dari 3 permintaan/)).toBeTruthy();
    expect(screen.getByText('Menampilkan 3 dari 3 permintaan.')).toBeTruthy();
  });

  it('keeps "Sudah ditutup" chosen from the click on, while a list refetch resolves before the URL catches up', async () => {
    const pending: Array<(r: Response) => void> = [];
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => pending.push(resolve)));
    const user = userEvent.setup();
    const { router } = renderWithApp(<UrgentQueuePage />, { url: '/counselling/urgent', session });
    await act(async () => pending.shift()?.(json(page([request('r1', 'Lina Halim', 'open', minutesAgo(5))]))));
    // A refresh is in flight when the counsellor switches to the closed requests.
    await user.click(screen.getByRole('button', { name: 'Muat ulang daftar' }));
    const closed = screen.getByRole('radio', { name: 'Sudah ditutup' }) as HTMLInputElement;
    // Outside act(), as in a browser: React renders the click at once, and the router's URL
    // change later, in a transition; the refetch answers in between.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const seen: boolean[] = [];
    try {
      closed.click();
      seen.push(closed.checked);
      pending.shift()?.(json(page([request('r1', 'Lina Halim', 'open', minutesAgo(5))])));
      await Promise.resolve();
      seen.push(closed.checked);
      await new Promise((r) => setTimeout(r, 50));
      seen.push(closed.checked);
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect(seen).toEqual([true, true, true]);
    expect(router.state.location.search).toBe('?status=closed');
    await act(async () => pending.shift()?.(json(page([]))));
    expect(await screen.findByText('Belum ada permintaan yang ditutup.')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Sudah ditutup' })).toHaveProperty('checked', true);
  });

  it('schedules a first session in one of the counsellor’s own slots, and asks for a time first', async () => {
    const open = request('r1', 'Lina Halim', 'open', minutesAgo(10));
    const scheduled = {
      ...open,
      status: 'acknowledged',
      acknowledgedBy: { id: 'p1', fullName: 'Sri Wahyuningsih' },
      firstContactAt: new Date().toISOString(),
      firstAppointment: {
        id: 'a1',
        start: '2026-12-07T02:00:00.000Z',
        end: '2026-12-07T02:50:00.000Z',
        mode: 'phone',
        status: 'booked',
        mine: true,
      },
    };
    let done = false;
    const calls = stubApi({
      'GET /counselling/urgent-requests': () => json(page([done ? scheduled : open])),
      'GET /counsellor/slots': () =>
        json({
          counsellorId: 'p1',
          timeZone: 'Asia/Jakarta',
          clientTimeZone: 'Asia/Jakarta',
          from: '2026-12-07',
          to: '2026-12-20',
          slots: [{ start: '2026-12-07T02:00:00.000Z', end: '2026-12-07T02:50:00.000Z', modes: ['video', 'phone'] }],
        }),
      'POST /counselling/urgent-requests/r1/first-appointment': () => {
        done = true;
        return json(scheduled);
      },
    });
    const user = userEvent.setup();
    renderWithApp(<UrgentQueuePage />, { url: '/counselling/urgent', session });
    await user.click(await screen.findByRole('button', { name: /^Jadwalkan sesi pertama/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Jadwalkan sesi pertama untuk Lina Halim' });
    await user.click(within(dialog).getByRole('button', { name: 'Jadwalkan' }));
    expect(within(dialog).getByText('Pilih jam dan cara bertemu terlebih dahulu.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    // The day comes with its weekday.
    const select = await within(dialog).findByLabelText(/Jam sesi/);
    expect(within(dialog).getByRole('option', { name: 'Senin, 7 Des, 09.00' })).toBeTruthy();
    await user.selectOptions(select, '2026-12-07T02:00:00.000Z');
    await user.click(within(dialog).getByRole('radio', { name: 'Telepon' }));
    await user.click(within(dialog).getByRole('button', { name: 'Jadwalkan' }));
    expect(await screen.findByText(/Sesi pertama dengan Lina Halim dijadwalkan/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/counselling/urgent-requests/r1/first-appointment' },
    ]);
    expect(await screen.findByRole('link', { name: 'Buka di kalender' })).toBeTruthy();
  });
});
