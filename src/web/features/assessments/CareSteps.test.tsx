// @vitest-environment jsdom
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp, sessionFixture } from '../../test-support.js';
import { CareSteps } from './CareSteps.js';

function stepItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('ol.care-steps > li.care-step')];
}

describe('the stepped-care ladder', () => {
  it('opens the suggested step and the next, and folds the rest behind their titles', () => {
    renderWithApp(<CareSteps current="self_care" />, { session: sessionFixture() });
    const steps = stepItems();
    expect(steps).toHaveLength(5);
    const [selfCare, talk, ...rest] = steps;
    expect(selfCare?.getAttribute('aria-current')).toBe('step');
    expect(within(selfCare!).getByText('Disarankan untuk Anda')).toBeTruthy();
    expect(within(talk!).getByText('Bila belum membaik')).toBeTruthy();
    expect(within(talk!).getByRole('link', { name: 'Minta konselor menghubungi saya' })).toBeTruthy();
    for (const folded of rest) {
      const details = folded.querySelector('details');
      expect(details).not.toBeNull();
      expect(details?.open).toBe(false);
    }
    // "Call 112/119" sits folded inside the last step for a minimal result.
    expect(rest[2]?.querySelector('details')?.textContent).toContain('Telepon 112');
  });

  it('never ends a step in "coming soon": each offers what works today', () => {
    for (const current of ['self_care', 'talk', 'primary_care', 'specialist', 'urgent'] as const) {
      const { unmount, container } = renderWithApp(<CareSteps current={current} />, { session: sessionFixture() });
      expect(container.textContent).not.toMatch(/Segera hadir|coming soon/i);
      for (const step of container.querySelectorAll('li.care-step')) {
        expect(step.querySelectorAll('.care-step__links a').length).toBeGreaterThan(0);
      }
      unmount();
    }
  });

  it('folds every step when there is no honest step to suggest (an incomplete form)', () => {
    const { container } = renderWithApp(<CareSteps current={null} />, { session: sessionFixture() });
    expect(container.querySelectorAll('li.care-step--folded')).toHaveLength(5);
    expect(container.querySelector('[aria-current]')).toBeNull();
  });
});
