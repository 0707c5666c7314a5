// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { lazy, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { json, renderWithApp, renderWithRoutes, sessionFixture, stubApi } from '../../test-support.js';
import { LearnPage } from './LearnPage.js';

const article = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  source: 'builtin',
  title,
  summary: `Ringkasan ${title}`,
  tags: ['tidur'],
  language: 'id',
  readingMinutes: 2,
  updatedAt: null,
  ...extra,
});

describe('the library page', () => {
  it('lists the library, searches as one types, and offers a way back from no results', async () => {
    const calls = stubApi({
      'GET /articles': () =>
        json({
          items: [
            article('sleep', 'Tidur yang memulihkan'),
            article('x', 'Jadwal konselor', { source: 'agency', language: 'en' }),
          ],
          query: null,
        }),
    });
    renderWithApp(<LearnPage />, { url: '/learn', session: sessionFixture() });
    expect(await screen.findByText('2 artikel')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tidur yang memulihkan' }).getAttribute('href')).toBe('/learn/sleep');
    expect(screen.getByText('Dari instansi Anda')).toBeTruthy();
    expect(screen.getByText('Dalam bahasa Inggris')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Jadwal konselor' }).getAttribute('lang')).toBe('en');

    stubApi({ 'GET /articles': () => json({ items: [], query: 'qwerty' }) });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Cari artikel' }), { target: { value: 'qwerty' } });
    expect(await screen.findByText('Belum ada artikel yang cocok dengan “qwerty”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan semua artikel' }));
    await waitFor(() => expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe(''));
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });
});

describe('leaving the library while a search waits', () => {
  it('a click on a result is not undone by the search landing in the URL afterwards', async () => {
    stubApi({
      'GET /articles': () => json({ items: [article('getting-help', 'Cara mendapatkan bantuan')], query: null }),
    });
    // The article's page arrives only when the test says, as a chunk on a slow phone would.
    let arrive = () => {};
    const ArticlePage = lazy(
      () =>
        new Promise<{ default: () => ReactElement }>((resolve) => {
          arrive = () => resolve({ default: () => <h1>Artikel</h1> });
        }),
    );
    const view = renderWithRoutes(
      [
        { path: '/learn', element: <LearnPage /> },
        {
          path: '/learn/:id',
          element: <ArticlePage />,
        },
      ],
      { url: '/learn', session: sessionFixture() },
    );
    const link = await screen.findByRole('link', { name: 'Cara mendapatkan bantuan' });

    fireEvent.change(screen.getByRole('searchbox', { name: 'Cari artikel' }), { target: { value: 'puskesmas' } });
    fireEvent.click(link);
    // Longer than the search's pause: the library is still on screen, waiting for the article.
    await new Promise((resolve) => setTimeout(resolve, 450));
    await act(async () => arrive());

    expect(await screen.findByRole('heading', { name: 'Artikel' })).toBeTruthy();
    expect(view.location()).toBe('/learn/getting-help');
  });
});
