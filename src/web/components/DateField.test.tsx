// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test-support.js';
import { DateField, parseDay, parseTime, showDay } from './DateField.js';

function Harness({ initial = '', withTime = false }: { initial?: string; withTime?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField id="d" label="Dari tanggal" value={value} onChange={setValue} withTime={withTime} />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('the date field', () => {
  it('reads day first, whatever the separator, and refuses days that do not exist', () => {
    expect(parseDay('17/08/2026')).toBe('2026-08-17');
    expect(parseDay('7-8-2026')).toBe('2026-08-07');
    expect(parseDay('31.12.2026')).toBe('2026-12-31');
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('08/17/2026')).toBeNull();
    expect(parseDay('2026-08-17')).toBeNull();
    expect(parseTime('14.30')).toBe('14:30');
    expect(parseTime('24.00')).toBeNull();
    expect(showDay('2026-08-17')).toBe('17/08/2026');
  });

  it('shows a stored day as dd/mm/yyyy and hands the form an ISO day', async () => {
    const user = userEvent.setup();
    renderWithApp(<Harness initial="2026-01-02" />);
    const input = screen.getByRole('textbox', { name: 'Dari tanggal' });
    expect(input).toHaveProperty('value', '02/01/2026');
    expect(input.getAttribute('type')).toBe('text');
    await user.clear(input);
    await user.type(input, '17/08/2026');
    expect(screen.getByTestId('value').textContent).toBe('2026-08-17');
  });

  it('says how to write a date it cannot read, once the person leaves the field', async () => {
    const user = userEvent.setup();
    renderWithApp(<Harness />);
    const input = screen.getByRole('textbox', { name: 'Dari tanggal' });
    await user.type(input, '31/02/2026');
    expect(screen.queryByText(/Tanggal ini belum benar/)).toBeNull();
    await user.tab();
    expect(screen.getByText(/Tanggal ini belum benar/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('value').textContent).toBe('31/02/2026');
  });

  it('with a time, hands over the value a datetime-local input gave', async () => {
    const user = userEvent.setup();
    renderWithApp(<Harness withTime />);
    await user.type(screen.getByRole('textbox', { name: 'Tanggal' }), '03/12/2026');
    expect(screen.getByTestId('value').textContent).not.toMatch(/^2026-12-03T/);
    await user.type(screen.getByRole('textbox', { name: 'Pukul' }), '14.30');
    expect(screen.getByTestId('value').textContent).toBe('2026-12-03T14:30');
  });
});
