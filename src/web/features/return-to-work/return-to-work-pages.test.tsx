// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
import { PlanEditorPage } from './PlanEditorPage.js';
import { TeamReturnPage } from './TeamReturnPage.js';

/** A fetch stub that answers by "METHOD path" and keeps each request's body. */
function stubFetch(routes: Record<string, (body: unknown) => Response>) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    calls.push({ method, path, body });
    const answer = routes[`${method} ${path}`];
    return answer ? answer(body) : json({ error: { code: 'not_found', message: 'Tidak ditemukan', details: [] } }, 404);
  });
  return calls;
}

describe('the counsellor’s plan editor', () => {
  it('sends the start, the weeks of adjusted workload and a check-in as one plan for the client', async () => {
    const calls = stubFetch({
      'GET /counsellor/return-to-work/clients': () =>
        json({ items: [{ id: 'c1', name: 'Sri Wahyuningsih', hasPlan: false }] }),
      'GET /counsellor/return-to-work/plans': () => json({ items: [] }),
      'POST /counsellor/return-to-work/plans': (body) =>
        json(
          {
            ...(body as object),
            clientName: 'Sri Wahyuningsih',
            counsellorName: 'Retno Palupi',
            periods: [],
            fullFrom: '2027-01-04',
            checkins: [],
            version: 1,
            agreedVersion: null,
            agreedAt: null,
            sharedWithManager: false,
            closed: false,
            updatedAt: '2026-12-03T02:00:00Z',
          },
          201,
        ),
    });
    const user = userEvent.setup();
    renderWithApp(
      <Routes>
        <Route path="/counselling/return-to-work/:clientId" element={<PlanEditorPage />} />
      </Routes>,
      { url: '/counselling/return-to-work/c1', session: sessionFixture({ roles: ['employee', 'counsellor'] }) },
    );
    expect(await screen.findByRole('heading', { name: /Sri Wahyuningsih/ })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Tanggal mulai bekerja kembali/ }), '07/12/2026');
    const percent2 = screen.getByLabelText(/Beban kerja % \(tahap 2\)/);
    await user.clear(percent2);
    await user.type(percent2, '80');
    await user.click(screen.getByRole('button', { name: 'Tambah titik pemeriksaan' }));
    await user.type(screen.getByRole('textbox', { name: /Tanggal pemeriksaan 1/ }), '18/12/2026');
    await user.click(screen.getByRole('button', { name: 'Simpan rencana' }));
    expect(await screen.findByText('Rencana tersimpan.')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      clientId: 'c1',
      startDate: '2026-12-07',
      steps: [
        { weeks: 2, percent: 50 },
        { weeks: 2, percent: 80 },
      ],
      checkins: [expect.objectContaining({ dueOn: '2026-12-18', done: false })],
    });
    expect(typeof sent.id).toBe('string');
    // Typing a whole plan takes a while on a shared machine.
  }, 30_000);

  it('sends nothing, and says why, without a start date', async () => {
    const calls = stubFetch({
      'GET /counsellor/return-to-work/clients': () =>
        json({ items: [{ id: 'c1', name: 'Sri Wahyuningsih', hasPlan: false }] }),
      'GET /counsellor/return-to-work/plans': () => json({ items: [] }),
    });
    const user = userEvent.setup();
    renderWithApp(
      <Routes>
        <Route path="/counselling/return-to-work/:clientId" element={<PlanEditorPage />} />
      </Routes>,
      { url: '/counselling/return-to-work/c1', session: sessionFixture({ roles: ['employee', 'counsellor'] }) },
    );
    await screen.findByRole('heading', { name: /Sri Wahyuningsih/ });
    const mentions = () => screen.getAllByText(/Tanggal mulai bekerja kembali/).length;
    const before = mentions();
    await user.click(screen.getByRole('button', { name: 'Simpan rencana' }));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
    // The error summary names the field.
    expect(mentions()).toBeGreaterThan(before);
  });
});

describe('the manager’s view', () => {
  it('shows each shared schedule by name, dates and workload, and nothing else the answer might hold', async () => {
    stubFetch({
      'GET /team/return-to-work': () =>
        json({
          items: [
            {
              personId: 'c1',
              personName: 'Sri Wahyuningsih',
              startDate: '2026-12-07',
              periods: [
                { from: '2026-12-07', to: '2026-12-20', percent: 50 },
                { from: '2026-12-21', to: '2027-01-03', percent: 75 },
              ],
              fullFrom: '2027-01-04',
              // Were the server ever to send more, the page must not show it.
              evaluation: 'Tidur kembali teratur',
              counsellorName: 'Retno Palupi',
            },
          ],
        }),
    });
    renderWithApp(<TeamReturnPage />, {
      url: '/team/return-to-work',
      session: sessionFixture({ roles: ['employee', 'manager'] }),
    });
    expect(await screen.findByRole('heading', { name: 'Sri Wahyuningsih' })).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toMatch(/50/);
    expect(text).toMatch(/75/);
    expect(text).not.toContain('Tidur kembali teratur');
    expect(text).not.toContain('Retno Palupi');
  });

  it('says nothing is shared when no one shares a schedule', async () => {
    stubFetch({ 'GET /team/return-to-work': () => json({ items: [] }) });
    renderWithApp(<TeamReturnPage />, {
      url: '/team/return-to-work',
      session: sessionFixture({ roles: ['employee', 'manager'] }),
    });
    expect(await screen.findByText(/Belum ada|Tidak ada/)).toBeTruthy();
  });
});
