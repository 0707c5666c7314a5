// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RadioGroup, Select } from '../components/fields.js';
import { renderWithApp } from '../test-support.js';
import { useUrlParams } from './use-url-params.js';

/** A filter bar as the list pages have it: every choice lives in the URL, so it can be shared and Back works. */
function PeopleFilters() {
  const [params, setParams] = useUrlParams();
  const set = (name: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('page');
      return next;
    });
  return (
    <>
      <RadioGroup
        id="f-status"
        name="status"
        legend="Status"
        value={params.get('status') ?? 'active'}
        onChange={(v) => set('status', v === 'active' ? '' : v)}
        options={[
          { value: 'active', label: 'Aktif' },
          { value: 'inactive', label: 'Nonaktif' },
        ]}
      />
      <Select
        id="f-role"
        label="Peran"
        value={params.get('role') ?? ''}
        onChange={(v) => set('role', v)}
        placeholder="Semua"
        options={[
          { value: 'counsellor', label: 'Konselor' },
          { value: 'dpo', label: 'Petugas pelindungan data' },
        ]}
        error={undefined}
      />
      <p>Halaman {params.get('page') ?? '1'}</p>
    </>
  );
}

describe('filters kept in the URL', () => {
  it('open with the choices the URL holds', () => {
    renderWithApp(<PeopleFilters />, { url: '/admin/people?status=inactive&role=dpo&page=3' });
    expect(screen.getByRole('radio', { name: 'Nonaktif' })).toHaveProperty('checked', true);
    expect(screen.getByRole('combobox', { name: 'Peran' })).toHaveProperty('value', 'dpo');
    expect(screen.getByText('Halaman 3')).toBeTruthy();
  });

  it('show a new choice at once and write it to the URL, back on the first page', async () => {
    const user = userEvent.setup();
    const { router } = renderWithApp(<PeopleFilters />, { url: '/admin/people?page=3' });
    await user.click(screen.getByRole('radio', { name: 'Nonaktif' }));
    expect(screen.getByRole('radio', { name: 'Nonaktif' })).toHaveProperty('checked', true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Peran' }), 'counsellor');
    expect(screen.getByRole('combobox', { name: 'Peran' })).toHaveProperty('value', 'counsellor');
    expect(new URLSearchParams(router.state.location.search).toString()).toBe('status=inactive&role=counsellor');
    expect(screen.getByText('Halaman 1')).toBeTruthy();
  });

  it('follow the URL again when the person goes Back', async () => {
    const user = userEvent.setup();
    const { router } = renderWithApp(<PeopleFilters />, { url: '/admin/people' });
    await user.click(screen.getByRole('radio', { name: 'Nonaktif' }));
    expect(router.state.location.search).toBe('?status=inactive');
    await router.navigate(-1);
    expect(await screen.findByRole('radio', { name: 'Aktif', checked: true })).toBeTruthy();
  });
});
