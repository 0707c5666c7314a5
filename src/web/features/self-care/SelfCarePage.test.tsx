// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDevice, pendingTicks } from '../../lib/device-store.js';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { SelfCarePage } from './SelfCarePage.js';

const TODAY = '2026-12-03'; // a Thursday
const water = (ticks: string[], createdAt = '2026-10-01T00:00:00Z') => ({
  id: '8d0f3c52-4b1e-4c8a-9f5e-1a2b3c4d5e6f',
  area: 'food',
  suggestion: 'water',
  title: null,
  frequency: 'daily',
  timesPerWeek: null,
  weekdays: null,
  reminderTime: null,
  createdAt,
  ticks,
});
const list = (habits: unknown[]) => json({ today: TODAY, since: '2026-11-06', habits });

describe('the self-care page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await clearDevice();
  });

  it('shows a tick at once, takes it back when the server refuses it, and sends it again on request', async () => {
    let accept = false;
    const calls = stubApi({
      'GET /me/habits': () => list([water(['2026-12-01'])]),
      [`PUT /me/habits/8d0f3c52-4b1e-4c8a-9f5e-1a2b3c4d5e6f/ticks/${TODAY}`]: () =>
        accept
          ? json({ habitId: 'x', day: TODAY, ticked: true })
          : json({ error: { code: 'database_unavailable', message: 'Tidak tersimpan', details: [] } }, 422),
    });
    renderWithApp(<SelfCarePage />, { session: sessionFixture() });
    const tick = await screen.findByRole('button', { name: 'Tandai selesai: Minum 8 gelas air putih' });
    expect(tick.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('1 dari 7 minggu ini')).toBeTruthy();

    fireEvent.click(tick);
    expect(tick.getAttribute('aria-pressed')).toBe('true');
    await screen.findByText('Centang belum tersimpan. Silakan coba sekali lagi.');
    expect(tick.getAttribute('aria-pressed')).toBe('false');

    accept = true;
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await waitFor(() => expect(tick.getAttribute('aria-pressed')).toBe('true'));
    await waitFor(() => expect(screen.queryByText('Centang belum tersimpan. Silakan coba sekali lagi.')).toBeNull());
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
  });

  it('keeps a tick made offline on the device, shows it waiting, and sends it once when back online', async () => {
    const keys: Array<string | null> = [];
    let stored: string[] = [];
    const calls = stubApi({
      'GET /me/habits': () => list([water(stored)]),
      [`PUT /me/habits/8d0f3c52-4b1e-4c8a-9f5e-1a2b3c4d5e6f/ticks/${TODAY}`]: () => {
        stored = [TODAY];
        return json({ habitId: 'x', day: TODAY, ticked: true });
      },
    });
    const fetchStub = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'PUT') keys.push(new Headers(init.headers).get('idempotency-key'));
      return fetchStub(input, init);
    });
    renderWithApp(<SelfCarePage />, { session: sessionFixture() });
    const tick = await screen.findByRole('button', { name: 'Tandai selesai: Minum 8 gelas air putih' });

    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    fireEvent.click(tick);
    expect(tick.getAttribute('aria-pressed')).toBe('true');
    await screen.findByText('Menunggu dikirim');
    await screen.findByText('Centang menunggu dikirim');
    expect(await pendingTicks()).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByText('Menunggu dikirim')).toBeNull());
    expect(tick.getAttribute('aria-pressed')).toBe('true');
    expect(await pendingTicks()).toEqual([]);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/.{16,}/);
    online.mockRestore();
  });

  it('keeps a tick whose sending failed on the network, instead of taking it back', async () => {
    stubApi({
      'GET /me/habits': () => list([water([])]),
      [`PUT /me/habits/8d0f3c52-4b1e-4c8a-9f5e-1a2b3c4d5e6f/ticks/${TODAY}`]: () =>
        json({ error: { code: 'database_unavailable', message: 'Sebentar', details: [] } }, 503),
    });
    renderWithApp(<SelfCarePage />, { session: sessionFixture() });
    const tick = await screen.findByRole('button', { name: 'Tandai selesai: Minum 8 gelas air putih' });
    fireEvent.click(tick);
    await screen.findByText('Menunggu dikirim', {}, { timeout: 4000 });
    expect(tick.getAttribute('aria-pressed')).toBe('true');
    const [kept] = await pendingTicks();
    expect(kept).toMatchObject({ habitId: '8d0f3c52-4b1e-4c8a-9f5e-1a2b3c4d5e6f', day: TODAY, ticked: true });
  });

  it('offers a fresh start, without blame, after a week with no tick', async () => {
    stubApi({ 'GET /me/habits': () => list([water(['2026-11-20'])]) });
    renderWithApp(<SelfCarePage />, { session: sessionFixture() });
    expect(await screen.findByText('Minggu baru, mulai lagi dari satu kebiasaan')).toBeTruthy();
  });

  it('does not offer it to someone who ticked last week, or who just began', async () => {
    stubApi({ 'GET /me/habits': () => list([water(['2026-11-25'])]) });
    renderWithApp(<SelfCarePage />, { session: sessionFixture() });
    await screen.findByRole('button', { name: 'Tandai selesai: Minum 8 gelas air putih' });
    expect(screen.queryByText('Minggu baru, mulai lagi dari satu kebiasaan')).toBeNull();
  });

  it('starts someone with no habits at a first habit', async () => {
    stubApi({ 'GET /me/habits': () => list([]) });
    renderWithApp(<SelfCarePage />, { session: sessionFixture() });
    fireEvent.click(await screen.findByRole('button', { name: 'Pilih kebiasaan pertama' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Tambah kebiasaan' })).toBeTruthy();
    // Saving with "write my own" and nothing written says what is missing, and sends nothing.
    fireEvent.click(screen.getByRole('radio', { name: 'Tulis sendiri' }));
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kebiasaan' }));
    expect((await screen.findAllByText('Wajib diisi.')).length).toBeGreaterThan(0);
  });
});
