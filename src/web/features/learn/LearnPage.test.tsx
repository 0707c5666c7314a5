// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../../test-support.js';
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
