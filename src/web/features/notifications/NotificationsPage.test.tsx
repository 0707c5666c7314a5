// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { NotificationsPage } from './NotificationsPage.js';

// Two days ahead, so the label names only the weekday: "Ditahan sampai <hari> 07.30 WIB".
const heldUntil = new Date(Date.now() + 2 * 86_400_000);
heldUntil.setUTCHours(0, 30, 0, 0);

describe('/notifications', () => {
  it('shows a held routine message with when it arrives, and not as new', async () => {
    stubApi({
      'GET /me/notifications': () =>
        json({
          items: [
            {
              id: 'n1',
              kind: 'campaign.reminder',
              payload: { title: 'Skrining Triwulan IV' },
              createdAt: new Date().toISOString(),
              readAt: null,
              heldUntil: heldUntil.toISOString(),
            },
            {
              id: 'n2',
              kind: 'crisis.request',
              payload: {},
              createdAt: new Date().toISOString(),
              readAt: null,
              heldUntil: null,
            },
          ],
          unread: 1,
        }),
    });
    renderWithApp(<NotificationsPage />, { url: '/notifications', session: sessionFixture() });
    const weekday = new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'Asia/Jakarta' }).format(heldUntil);
    expect(await screen.findByText(`Ditahan sampai ${weekday} 07.30 WIB`)).toBeTruthy();
    expect(screen.getByText(/Pesan rutin ini akan tampil sebagai pesan baru/)).toBeTruthy();
    // Only the crisis notice is new.
    expect(screen.getAllByText('Baru')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Atur jam terima pesan' }).getAttribute('href')).toBe('/me/boundaries');
  });
});
