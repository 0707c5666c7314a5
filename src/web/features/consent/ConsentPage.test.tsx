// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConsentView } from '../../api/consent.api.js';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { ConsentPage } from './ConsentPage.js';

const session = sessionFixture();
const OPTIONS = {
  counsellors: [{ id: 'c1', fullName: 'Retno Palupi' }],
  recipients: [
    { id: 'c1', fullName: 'Retno Palupi' },
    { id: 'c2', fullName: 'Benny Tanoto' },
  ],
  versions: {
    shared_results: 'consent.shared_results.v1',
    check_in_trends: 'consent.check_in_trends.v1',
    notes_transfer: 'consent.notes_transfer.v1',
  },
  periods: [3, 6, 12],
  defaultMonths: 6,
};
const ACTIVE: ConsentView = {
  id: 'k1',
  kind: 'shared_results',
  counsellor: { id: 'c1', fullName: 'Retno Palupi' },
  recipient: null,
  textVersion: 'consent.shared_results.v1',
  months: 6,
  grantedAt: '2026-11-23T02:00:00.000Z',
  expiresAt: '2027-05-23T02:00:00.000Z',
  revokedAt: null,
  status: 'active',
};

describe('permissions for counsellors', () => {
  it('shows the words before agreeing, and sends nothing until the box is ticked', async () => {
    const calls = stubApi({
      'GET /me/counselling/consents': () => json({ items: [] }),
      'GET /me/counselling/consent-options': () => json(OPTIONS),
      'GET /me/counselling/access-log': () => json({ items: [], nextCursor: null }),
    });
    renderWithApp(<ConsentPage />, { url: '/profile/privacy/counselling', session });
    expect(await screen.findByText(/Saya mengizinkan konselor yang saya pilih melihat skor PHQ-9/)).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: /Meneruskan catatan sesi/ }));
    expect(screen.getByText(/menyerahkan catatan sesi konseling saya/)).toBeTruthy();
    // The counsellor the notes come from is not offered as their recipient.
    const recipient = screen.getByLabelText('Diteruskan kepada') as HTMLSelectElement;
    expect([...recipient.options].map((o) => o.text)).toEqual(['Pilih konselor penerima', 'Benny Tanoto']);
    await userEvent.click(screen.getByRole('button', { name: 'Berikan izin' }));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(screen.getAllByText('Wajib diisi.').length).toBeGreaterThan(0);
    expect(await screen.findByText('Belum ada yang membuka data konseling Anda.')).toBeTruthy();
  }, 20_000);

  it('asks before withdrawing, then withdraws', async () => {
    let revoked = false;
    const calls = stubApi({
      'GET /me/counselling/consents': () =>
        json({ items: [revoked ? { ...ACTIVE, status: 'revoked', revokedAt: '2026-11-24T02:00:00.000Z' } : ACTIVE] }),
      'GET /me/counselling/consent-options': () => json(OPTIONS),
      'GET /me/counselling/access-log': () => json({ items: [], nextCursor: null }),
      'POST /me/counselling/consents/k1/revoke': () => {
        revoked = true;
        return json({ ...ACTIVE, status: 'revoked' });
      },
    });
    renderWithApp(<ConsentPage />, { url: '/profile/privacy/counselling', session });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Cabut izin untuk Retno Palupi: Melihat hasil cek diri dari waktu ke waktu',
      }),
    );
    expect(screen.getByText('Cabut izin ini?')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Ya, cabut izin' }));
    expect(await screen.findByText('Izin sudah dicabut. Retno Palupi tidak dapat melihatnya lagi.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/me/counselling/consents/k1/revoke' },
    ]);
    expect(await screen.findByText('Belum ada izin yang berlaku.')).toBeTruthy();
  }, 20_000);
  it('names both counsellors when one read the notes handed over by the other', async () => {
    stubApi({
      'GET /me/counselling/consents': () => json({ items: [] }),
      'GET /me/counselling/consent-options': () => json(OPTIONS),
      'GET /me/counselling/access-log': () =>
        json({
          items: [
            {
              id: 'e1',
              occurredAt: '2026-11-24T02:00:00.000Z',
              firstAt: '2026-11-24T02:00:00.000Z',
              count: 1,
              action: 'note.transfer_viewed',
              actor: { id: 'c2', fullName: 'Benny Tanoto' },
              from: { id: 'c1', fullName: 'Retno Palupi' },
            },
          ],
          nextCursor: null,
        }),
    });
    renderWithApp(<ConsentPage />, { url: '/profile/privacy/counselling', session });
    expect(
      await screen.findByText(
        'Benny Tanoto membaca catatan sesi Anda dari Retno Palupi (pemindahan catatan yang Anda izinkan)',
      ),
    ).toBeTruthy();
  });
});
