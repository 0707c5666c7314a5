// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
import { FocusGroupPage } from './FocusGroupPage.js';

function group(overrides: Record<string, unknown> = {}) {
  return {
    id: 'f1',
    topic: 'Memahami beban kerja di bidang pelayanan',
    surveyTitle: null,
    themeName: null,
    startsAt: '2099-12-10T03:00:00.000Z',
    endsAt: '2099-12-10T04:30:00.000Z',
    timeZone: 'Asia/Jakarta',
    durationMinutes: 90,
    place: 'Ruang Rapat Bappeda',
    link: null,
    capacity: 8,
    facilitatorName: 'Retno Palupi',
    status: 'scheduled',
    myAnswer: 'pending',
    full: false,
    amFacilitator: false,
    summary: null,
    summaryPublishedAt: null,
    ...overrides,
  };
}

describe('a focus group’s page for an invitee', () => {
  it('says taking part is voluntary and sends the answer, with no reason asked', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      if (init?.method === 'POST' && path === '/api/v1/focus-groups/f1/answer') {
        sent.push(JSON.parse(String(init.body)));
        return json(group({ myAnswer: 'accepted' }));
      }
      if (path === '/api/v1/focus-groups/f1') return json(group());
      return json({ error: { code: 'not_found', message: 'Tidak ditemukan', details: [] } }, 404);
    });
    const user = userEvent.setup();
    renderWithApp(
      <Routes>
        <Route path="/focus-groups/:id" element={<FocusGroupPage />} />
      </Routes>,
      { url: '/focus-groups/f1', session: sessionFixture() },
    );
    expect(await screen.findByText('Keikutsertaan sukarela')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Ya, saya bersedia hadir' }));
    expect(await screen.findByText('Terima kasih, Anda tercatat bersedia hadir.')).toBeTruthy();
    expect(sent).toEqual([{ answer: 'accepted' }]);
    // Who else accepted is not on an invitee's page.
    expect(screen.queryByText('Yang bersedia hadir')).toBeNull();
  });
});
