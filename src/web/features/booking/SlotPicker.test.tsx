// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, sessionFixture } from '../../test-support.js';
import { SlotPicker } from './SlotPicker.js';

// Monday 7 and Tuesday 8 December 2026, 09:00 and 09:50 WIB.
const slots = [
  { start: '2026-12-07T02:00:00.000Z', end: '2026-12-07T02:50:00.000Z', modes: ['video' as const] },
  { start: '2026-12-07T02:50:00.000Z', end: '2026-12-07T03:40:00.000Z', modes: ['video' as const] },
  { start: '2026-12-08T02:00:00.000Z', end: '2026-12-08T02:50:00.000Z', modes: ['phone' as const] },
];

describe('the slot picker', () => {
  it('groups free times by day with the weekday, on the viewer’s own clock, and marks the chosen one', async () => {
    const onChoose = vi.fn();
    renderWithApp(<SlotPicker slots={slots} chosen="2026-12-07T02:50:00.000Z" onChoose={onChoose} />, {
      session: sessionFixture(),
    });
    const monday = (await screen.findByRole('group', { name: 'Senin, 7 Des' })) as HTMLElement;
    expect(
      within(monday)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['09.00', '09.50']);
    expect(within(monday).getByRole('button', { name: '09.50' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(monday).getByRole('button', { name: '09.00' }).getAttribute('aria-pressed')).toBe('false');
    const tuesday = screen.getByRole('group', { name: 'Selasa, 8 Des' });
    await userEvent.setup().click(within(tuesday).getByRole('button', { name: '09.00' }));
    expect(onChoose).toHaveBeenCalledWith('2026-12-08T02:00:00.000Z');
  });

  it('shows the times of a viewer in WITA an hour later', async () => {
    renderWithApp(<SlotPicker slots={slots} chosen={null} onChoose={() => {}} />, {
      session: sessionFixture({
        unit: { id: 'u1', name: 'Sekretariat Daerah', timeZone: 'Asia/Makassar' },
      }),
    });
    const monday = (await screen.findByRole('group', { name: 'Senin, 7 Des' })) as HTMLElement;
    expect(
      within(monday)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['10.00', '10.50']);
    expect(screen.getByText(/WITA/)).toBeTruthy();
  });
});
