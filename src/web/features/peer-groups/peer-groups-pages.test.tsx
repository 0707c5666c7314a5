// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, sessionFixture } from '../../test-support.js';
import { GroupPage } from './GroupPage.js';
import { ManageGroupPage } from './ManageGroupsPage.js';

const RULES = 'Apa yang dibagikan di sini tetap di sini.';
const LINK = 'https://meet.example.go.id/beban-kerja';

function group(overrides: Record<string, unknown> = {}) {
  return {
    id: 'g1',
    topic: 'Ngobrol santai soal beban kerja',
    description: 'Berbagi cara menghadapi tumpukan pekerjaan.',
    facilitatorName: 'Retno Palupi',
    schedule: { kind: 'weekly', weekday: 3, startTime: '15:30', durationMinutes: 60 },
    timeZone: 'Asia/Jakarta',
    mode: 'online',
    place: null,
    link: null,
    capacity: 8,
    memberCount: 2,
    full: false,
    status: 'open',
    groundRules: RULES,
    myDisplayName: null,
    sessions: [
      { date: '2026-12-09', start: '2026-12-09T08:30:00Z', end: '2026-12-09T09:30:00Z', cancelled: false },
      { date: '2026-12-16', start: '2026-12-16T08:30:00Z', end: '2026-12-16T09:30:00Z', cancelled: true },
    ],
    ...overrides,
  };
}

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

const employee = sessionFixture();

describe('a peer group’s page', () => {
  it('shows the ground rules, then joins under the display name typed, once the rules are acknowledged', async () => {
    let joined = false;
    const calls = stubFetch({
      'GET /peer-groups/g1': () =>
        json(joined ? group({ myDisplayName: 'Pelangi', link: LINK, memberCount: 3 }) : group()),
      'POST /peer-groups/g1/join': () => {
        joined = true;
        return json(group({ myDisplayName: 'Pelangi', link: LINK, memberCount: 3 }), 201);
      },
    });
    const user = userEvent.setup();
    renderWithApp(
      <Routes>
        <Route path="/groups/:id" element={<GroupPage />} />
      </Routes>,
      { url: '/groups/g1', session: employee },
    );
    expect(await screen.findByText(RULES)).toBeTruthy();
    // The link is for members: before joining the page says so instead.
    expect(screen.queryByRole('link', { name: LINK })).toBeNull();
    await user.type(screen.getByLabelText(/Nama panggilan di kelompok ini/), 'Pelangi');
    await user.click(screen.getByRole('button', { name: 'Gabung ke kelompok' }));
    // Not without acknowledging the rules: nothing is sent.
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.click(screen.getByLabelText('Saya sudah membaca aturan kelompok dan akan menjaganya.'));
    await user.click(screen.getByRole('button', { name: 'Gabung ke kelompok' }));
    expect(await screen.findByText('Anda bergabung sebagai Pelangi')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/peer-groups/g1/join', body: { displayName: 'Pelangi' } },
    ]);
    expect(screen.getByRole('link', { name: LINK })).toBeTruthy();
  });
});

describe('the facilitator’s group page', () => {
  it('lists the members by display name and when they joined, nothing else of them', async () => {
    stubFetch({
      'GET /facilitator/peer-groups/g1': () =>
        json({
          ...group({ link: LINK, memberCount: 2 }),
          members: [
            { id: 'm1', displayName: 'Mawar', joinedAt: '2026-11-23T02:00:00Z' },
            { id: 'm2', displayName: 'Kenanga', joinedAt: '2026-11-25T02:00:00Z' },
          ],
        }),
    });
    renderWithApp(
      <Routes>
        <Route path="/groups/manage/:id" element={<ManageGroupPage />} />
      </Routes>,
      { url: '/groups/manage/g1', session: sessionFixture({ roles: ['employee', 'counsellor'] }) },
    );
    const heading = await screen.findByRole('heading', { name: /Anggota/ });
    const list = heading.closest('section')?.querySelector('ul') as HTMLElement;
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Mawarbergabung 23 Nov/),
      expect.stringMatching(/^Kenangabergabung 25 Nov/),
    ]);
    // A called-off session is marked; the others can be called off.
    expect(screen.getByText('Dibatalkan')).toBeTruthy();
  });

  it('says so when nobody has joined yet', async () => {
    stubFetch({
      'GET /facilitator/peer-groups/g1': () => json({ ...group({ memberCount: 0 }), members: [] }),
    });
    renderWithApp(
      <Routes>
        <Route path="/groups/manage/:id" element={<ManageGroupPage />} />
      </Routes>,
      { url: '/groups/manage/g1', session: sessionFixture({ roles: ['employee', 'wellbeing_admin'] }) },
    );
    await screen.findByRole('heading', { name: /Anggota/ });
    expect(screen.getByText(/Belum ada/)).toBeTruthy();
  });
});
