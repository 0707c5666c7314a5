// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../i18n/format.js';
import { renderWithApp } from '../../test-support.js';
import { BreachClockBadge } from './breach-clock.js';

const deadline = '2026-12-05T03:00:00.000Z';
/** As the DPO reads it: in their unit's zone (Jakarta when nobody is known), in Indonesian. */
const shownDeadline = formatDateTime(deadline, 'id', 'Asia/Jakarta');
const hour = 3_600_000;

function clock(state: 'running' | 'overdue' | 'met' | 'late', remainingMs = 0) {
  renderWithApp(<BreachClockBadge clock={{ deadline, remainingMs, state }} />);
  const badge = screen.getByText((_, element) => element?.classList.contains('badge') ?? false);
  return { text: badge.textContent, urgent: badge.classList.contains('badge--danger') };
}

describe('the 3×24-hour breach notice clock', () => {
  it('counts down in hours and minutes to the deadline, calmly while a day or more is left', () => {
    expect(clock('running', 50 * hour + 5 * 60_000)).toEqual({
      text: `Sisa 50 jam 5 menit (sampai ${shownDeadline})`,
      urgent: false,
    });
  });

  it('turns urgent in the last 24 hours', () => {
    expect(clock('running', 23 * hour + 59 * 60_000)).toEqual({
      text: `Sisa 23 jam 59 menit (sampai ${shownDeadline})`,
      urgent: true,
    });
  });

  it('never counts below zero while the server still says it is running', () => {
    expect(clock('running', -5_000).text).toBe(`Sisa 0 jam 0 menit (sampai ${shownDeadline})`);
  });

  it('says since when a notice is overdue', () => {
    expect(clock('overdue', -hour)).toEqual({ text: `Lewat batas sejak ${shownDeadline}`, urgent: true });
  });

  it('says whether the notices went out in time or late', () => {
    expect(clock('met').text).toBe('Pemberitahuan terkirim tepat waktu');
  });

  it('names the missed deadline of notices sent late', () => {
    expect(clock('late').text).toBe(`Pemberitahuan terkirim setelah batas ${shownDeadline}`);
  });
});
