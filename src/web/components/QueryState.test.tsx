// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test-support.js';
import { QueryState } from './QueryState.js';

const query = <T,>(state: Partial<{ data: T; error: unknown; isPending: boolean }>) => ({
  data: undefined,
  error: null,
  isPending: false,
  refetch: () => undefined,
  ...state,
});

describe('QueryState', () => {
  it('shows a skeleton of the content while it waits, announced once as loading', async () => {
    const { container } = renderWithApp(
      <QueryState query={query<string>({ isPending: true })} skeletonLines={4}>
        {(data) => <p>{data}</p>}
      </QueryState>,
    );
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Memuat…');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(container.querySelectorAll('.skeleton__bar')).toHaveLength(5);
    expect(container.querySelector('.spinner')).toBeNull();
  });

  it('shapes the skeleton like what will appear: cards, rows or a form, still one status', async () => {
    const { container } = renderWithApp(
      <>
        <QueryState query={query<string>({ isPending: true })} skeleton="cards" skeletonLines={5}>
          {(data) => <p>{data}</p>}
        </QueryState>
        <QueryState query={query<string>({ isPending: true })} skeleton="rows" skeletonLines={3}>
          {(data) => <p>{data}</p>}
        </QueryState>
        <QueryState query={query<string>({ isPending: true })} skeleton="form" skeletonLines={2}>
          {(data) => <p>{data}</p>}
        </QueryState>
      </>,
    );
    expect(await screen.findAllByRole('status')).toHaveLength(3);
    expect(container.querySelectorAll('.skeleton--cards .skeleton__card')).toHaveLength(5);
    expect(container.querySelectorAll('.skeleton--rows .skeleton__row')).toHaveLength(3);
    expect(container.querySelectorAll('.skeleton--form .skeleton__input')).toHaveLength(2);
    // The shapes are hidden from screen readers: each block says "loading" once, nothing more.
    for (const status of screen.getAllByRole('status')) expect(status.textContent).toBe('Memuat…');
  });

  it('shows the content once it is there', async () => {
    renderWithApp(<QueryState query={query({ data: 'Isi halaman' })}>{(data) => <p>{data}</p>}</QueryState>);
    expect((await screen.findByText('Isi halaman')).tagName).toBe('P');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
