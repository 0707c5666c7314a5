// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
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
  };
}

const session = sessionFixture({ roles: ['employee', 'counsellor'] });

describe('the urgent queue', () => {
  it('says how long each request has waited and marks the open ones past the threshold overdue', async () => {
    const items = [
      request('r1', 'Lina Halim', 'open', minutesAgo(25)),
      request('r2', 'Budi Santoso', 'open', minutesAgo(95)),
      request('r3', 'Sari Dewi', 'acknowledged', minutesAgo(62)),
    ];
    vi.stubGlobal('fetch', async () => json({ items, total: items.length }));
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
  });

  it('keeps "Sudah ditutup" chosen when a refetch of the list resolves between the click and the next render', async () => {
    const pending: Array<{ url: string; resolve: (r: Response) => void }> = [];
    vi.stubGlobal(
      'fetch',
      (input: RequestInfo | URL) => new Promise<Response>((resolve) => pending.push({ url: String(input), resolve })),
    );
    const answer = async (body: unknown) => act(async () => pending.shift()?.resolve(json(body)));
    const user = userEvent.setup();
    const { router } = renderWithApp(<UrgentQueuePage />, { url: '/counselling/urgent', session });
    await answer({ items: [request('r1', 'Lina Halim', 'open', minutesAgo(5))], total: 1 });
    // A refresh is in flight when the counsellor switches to the closed requests.
    await user.click(screen.getByRole('button', { name: 'Muat ulang daftar' }));
    const closed = screen.getByRole('radio', { name: 'Sudah ditutup' });
    await user.click(closed);
    expect(closed).toHaveProperty('checked', true);
    await answer({ items: [], total: 0 });
    expect(screen.getByRole('radio', { name: 'Sudah ditutup' })).toHaveProperty('checked', true);
    await answer({ items: [], total: 0 });
    expect(screen.getByRole('radio', { name: 'Sudah ditutup' })).toHaveProperty('checked', true);
    expect(router.state.location.search).toBe('?status=closed');
    expect(await screen.findByText('Belum ada permintaan yang ditutup.')).toBeTruthy();
  });
});
