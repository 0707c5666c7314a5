// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test-support.js';
import { Pagination } from './Pagination.js';

describe('Pagination', () => {
  it('is not shown when everything fits on the first page', () => {
    renderWithApp(<Pagination page={1} pageSize={20} total={20} onPage={() => {}} />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('says where the person is, in their language’s numbers', () => {
    renderWithApp(<Pagination page={2} pageSize={20} total={1234} onPage={() => {}} />);
    expect(screen.getByRole('navigation', { name: 'Halaman' }).textContent).toContain('Halaman 2 dari 62 · 1.234 data');
  });

  it('offers no way back from the first page, and moves on with "next"', async () => {
    const onPage = vi.fn();
    renderWithApp(<Pagination page={1} pageSize={10} total={35} onPage={onPage} />);
    expect(screen.getByRole('button', { name: 'Sebelumnya' })).toHaveProperty('disabled', true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Berikutnya' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('offers no way on from the last page, and goes back with "previous"', async () => {
    const onPage = vi.fn();
    renderWithApp(<Pagination page={4} pageSize={10} total={35} onPage={onPage} />);
    expect(screen.getByRole('button', { name: 'Berikutnya' })).toHaveProperty('disabled', true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sebelumnya' }));
    expect(onPage).toHaveBeenCalledWith(3);
  });
});
