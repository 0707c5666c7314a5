// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { actionsOf, CounsellorAppointmentsPage } from './CounsellorAppointmentsPage.js';

const item = (over: Record<string, unknown> = {}) => ({
  id: 'a1',
  client: { id: 'c1', name: 'Lina Halim' },
  start: '2026-12-07T02:00:00.000Z',
  end: '2026-12-07T02:50:00.000Z',
  mode: 'video' as const,
  status: 'booked' as const,
  reason: 'Sulit tidur',
  confirmed: false,
  ...over,
});
const ZONE = 'Asia/Jakarta';

describe('what the counsellor may do with an appointment', () => {
  it('confirms or cancels before it starts; records held or no-show once it has started', () => {
    expect(actionsOf(item(), new Date('2026-12-07T01:00:00Z'), ZONE)).toEqual(['confirm', 'cancel']);
    expect(actionsOf(item({ confirmed: true }), new Date('2026-12-07T01:00:00Z'), ZONE)).toEqual(['cancel']);
    expect(actionsOf(item(), new Date('2026-12-07T02:10:00Z'), ZONE)).toEqual(['completed', 'no_show', 'cancel']);
  });

  it('corrects a no-show to held on the same day only, and leaves held and cancelled alone', () => {
    expect(actionsOf(item({ status: 'no_show' }), new Date('2026-12-07T10:00:00Z'), ZONE)).toEqual(['completed']);
    // 18:00 UTC is already the next day in WIB.
    expect(actionsOf(item({ status: 'no_show' }), new Date('2026-12-07T18:00:00Z'), ZONE)).toEqual([]);
    expect(actionsOf(item({ status: 'completed' }), new Date('2026-12-07T10:00:00Z'), ZONE)).toEqual([]);
    expect(actionsOf(item({ status: 'cancelled' }), new Date('2026-12-07T01:00:00Z'), ZONE)).toEqual([]);
  });
});

describe('the calendar', () => {
  it('shows a day with its weekday, the client linked, the reason on demand and a confirmed cancel', async () => {
    let cancelled = false;
    const calls = stubApi({
      'GET /counsellor/appointments': () =>
        json({
          from: '2026-12-07',
          to: '2026-12-13',
          timeZone: ZONE,
          items: [item({ start: '2099-12-07T02:00:00.000Z', end: '2099-12-07T02:50:00.000Z' })].map((a) =>
            cancelled ? { ...a, status: 'cancelled' } : a,
          ),
        }),
      'POST /counsellor/appointments/a1/cancel': () => {
        cancelled = true;
        return json({ ok: true });
      },
    });
    const user = userEvent.setup();
    renderWithApp(<CounsellorAppointmentsPage />, {
      url: '/counselling/appointments?day=2099-12-07&view=day',
      session: sessionFixture({ roles: ['employee', 'counsellor'] }),
    });
    expect(await screen.findByRole('heading', { name: 'Senin, 7 Des' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Lina Halim' })).toHaveProperty(
      'href',
      expect.stringContaining('/counselling/clients/c1'),
    );
    expect(screen.getByRole('link', { name: /Catatan sesi/ })).toHaveProperty(
      'href',
      expect.stringContaining('/counselling/appointments/a1/note'),
    );
    expect(screen.getByText('Sulit tidur').closest('details')?.open).toBe(false);
    await user.click(screen.getByRole('button', { name: /^Batalkan/ }));
    const dialog = await screen.findByRole('dialog');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Batalkan' }));
    expect(await screen.findByText('Sesi dengan Lina Halim dibatalkan. Klien sudah diberi tahu.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/counsellor/appointments/a1/cancel' },
    ]);
  });
});
