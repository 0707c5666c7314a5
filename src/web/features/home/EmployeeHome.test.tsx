// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
import { LatestResult, MyHelpRequest, NextSteps, requestToShow } from './EmployeeHome.js';

const NOW = new Date('2026-12-03T03:00:00Z'); // 10:00 WIB

const phq9 = {
  id: 'r1',
  instrumentId: 'phq9',
  instrumentVersion: '1',
  createdAt: '2026-12-01T03:00:00Z',
  result: { instrumentId: 'phq9', total: 17, band: 'moderately_severe', crisis: true },
  bandLabel: 'Gejala depresi cukup berat',
  nextStep: { crisis: true, step: 'specialist', followUp: null, urgentFollowUp: false },
  campaignId: null,
  contactRequestId: 'q1',
};

const request = (status: 'open' | 'acknowledged' | 'closed') => ({
  id: 'q1',
  source: 'assessment',
  status,
  createdAt: '2026-12-01T03:01:00Z',
  acknowledgedAt: status === 'open' ? null : '2026-12-01T05:00:00Z',
  closedAt: status === 'closed' ? '2026-12-02T05:00:00Z' : null,
});

function renderHome(answers: { requests?: unknown[]; results?: unknown[] }) {
  stubApi({
    'GET /help/requests/mine': () => json({ items: answers.requests ?? [] }),
    'GET /me/assessments': () => json({ items: answers.results ?? [] }),
    'GET /instruments': () => json({ items: [] }),
  });
  renderWithApp(
    <>
      <MyHelpRequest />
      <LatestResult />
    </>,
    { session: sessionFixture() },
  );
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the employee’s home', () => {
  it('with nothing yet: no request card, and an invitation to a first self-check', async () => {
    renderHome({});
    expect(await screen.findByText('Anda belum pernah mengisi cek diri')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mulai cek diri' }).getAttribute('href')).toBe('/self-check');
    expect(screen.queryByRole('region', { name: 'Permintaan bantuan Anda' })).toBeNull();
  });

  it('with a result: the band, in plain words, and a gentle "check again" two weeks on in the person’s zone', async () => {
    renderHome({ results: [phq9] });
    const card = await screen.findByRole('region', { name: 'Hasil cek diri terakhir' });
    expect(within(card).getByText('Gejala depresi cukup berat')).toBeTruthy();
    expect(within(card).getByText(/cek lagi sekitar 15 Des 2026/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Lihat hasil dan saran langkahnya' }).getAttribute('href')).toBe(
      '/self-check/results/r1',
    );
  });

  it('with a request just sent: "received", and what to do while waiting one tap away', async () => {
    renderHome({ requests: [request('open')], results: [phq9] });
    const card = await screen.findByRole('region', { name: 'Permintaan bantuan Anda' });
    const steps = within(card).getByRole('list', { name: 'Tahap permintaan bantuan' });
    expect(within(steps).getByText('Diterima').closest('li')?.getAttribute('aria-current')).toBe('step');
    expect(within(card).getByText(/sudah kami terima/)).toBeTruthy();
    expect(
      within(card)
        .getByRole('link', { name: /Buka rencana keselamatan Anda/ })
        .getAttribute('href'),
    ).toBe('/me/safety-plan');
    expect(
      within(card)
        .getByRole('link', { name: /Lihat kontak bantuan/ })
        .getAttribute('href'),
    ).toBe('/help');
    expect(within(card).getByText(/hubungi 112 atau 119/)).toBeTruthy();
  });

  it('once a counsellor takes it up: "a counsellor is on it"', async () => {
    renderHome({ requests: [request('acknowledged')] });
    const card = await screen.findByRole('region', { name: 'Permintaan bantuan Anda' });
    expect(within(card).getByText('Konselor menangani').closest('li')?.getAttribute('aria-current')).toBe('step');
    expect(within(card).getByText(/Seorang konselor sudah menangani permintaan Anda/)).toBeTruthy();
  });

  it('once closed: says so, and offers to ask again instead of the waiting list', async () => {
    renderHome({ requests: [request('closed')] });
    const card = await screen.findByRole('region', { name: 'Permintaan bantuan Anda' });
    expect(within(card).getByText('Selesai').closest('li')?.getAttribute('aria-current')).toBe('step');
    expect(within(card).getByRole('link', { name: 'Minta dihubungi lagi' })).toBeTruthy();
    expect(within(card).queryByText('Sambil menunggu')).toBeNull();
  });

  it('forgets a request closed more than two weeks ago, but never an open one', () => {
    const closedLongAgo = { ...request('closed'), closedAt: '2026-11-01T00:00:00Z' };
    expect(requestToShow([closedLongAgo as never], NOW)).toBeNull();
    const openLongAgo = { ...request('open'), createdAt: '2026-10-01T00:00:00Z' };
    expect(requestToShow([openLongAgo as never], NOW)).toEqual(openLongAgo);
    expect(requestToShow([], NOW)).toBeNull();
  });

  it('groups the next steps calmly: today first, then looking after yourself, then help', () => {
    stubApi({});
    renderWithApp(<NextSteps />, { session: sessionFixture() });
    const groups = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(groups).toEqual(['next-today', 'next-care', 'next-help']);
    const links = (name: string) =>
      within(screen.getByRole('region', { name }))
        .getAllByRole('link')
        .map((a) => a.getAttribute('href'));
    expect(links('Hari ini')).toEqual(['/check-in', '/self-care', '/plan/day', '/check-in/insights']);
    expect(links('Jaga diri')).toEqual(['/self-check', '/exercises', '/learn', '/plan']);
    expect(links('Bantuan')).toEqual([
      '/help',
      '/me/safety-plan',
      '/counselling/book',
      '/counselling/mine',
      '/referrals',
      '/groups',
      '/committee',
    ]);
    // The insights page, built beside this one, is one tap away from today.
    expect(screen.getByRole('link', { name: /Lihat pola Anda/ }).getAttribute('href')).toBe('/check-in/insights');
    // Only today's tools are cards; the rest are quiet rows.
    expect(document.querySelectorAll('.link-card')).toHaveLength(4);
    expect(document.querySelectorAll('.next-row')).toHaveLength(11);
  });
});
