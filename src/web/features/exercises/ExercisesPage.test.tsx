// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithApp, stubApi } from '../../test-support.js';
import { ExercisePage } from './ExercisesPage.js';

/** Signed out, as anyone may open an exercise: the public frame renders at once, under the fake clock. */
function open(id: string) {
  const calls = stubApi({ 'GET /notifications/unread-count': () => json({ count: 0 }) });
  renderWithApp(
    <Routes>
      <Route path="/exercises/:id" element={<ExercisePage />} />
    </Routes>,
    { url: `/exercises/${id}` },
  );
  return calls;
}

const announcer = () => screen.getByTestId('exercise-announcer');
const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('a guided exercise with a controlled clock', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-03T01:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('runs box breathing 4-4-4-4, counting down, and announces each phase once', () => {
    const calls = open('box-breathing');
    expect(announcer().textContent).toBe('');
    fireEvent.click(screen.getByRole('radio', { name: /6 putaran/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Mulai' }));
    expect(screen.getByTestId('exercise-step').textContent).toBe('Tarik napas');
    expect(screen.getByTestId('exercise-count').textContent).toBe('4');
    expect(announcer().textContent).toBe('Tarik napas… 4');

    // Every second of the first round: the count falls, the announcement changes only with the phase.
    const seen: string[] = [];
    for (let s = 1; s <= 16; s++) {
      tick(1000);
      seen.push(
        `${screen.getByTestId('exercise-step').textContent}|${screen.getByTestId('exercise-count').textContent}|${announcer().textContent}`,
      );
    }
    expect(seen.slice(0, 4)).toEqual([
      'Tarik napas|3|Tarik napas… 4',
      'Tarik napas|2|Tarik napas… 4',
      'Tarik napas|1|Tarik napas… 4',
      'Tahan|4|Tahan… 4',
    ]);
    expect(seen[7]).toBe('Embuskan|4|Embuskan… 4');
    expect(seen[11]).toBe('Tahan|4|Tahan… 4');
    expect(seen[15]).toBe('Tarik napas|4|Tarik napas… 4');
    expect(new Set(seen.map((s) => s.split('|')[2])).size).toBe(3);
    expect(screen.getByText('Putaran 2 dari 6')).toBeTruthy();

    // Paused, time passes without moving the exercise; resumed, it carries on where it stopped.
    tick(1500);
    fireEvent.click(screen.getByRole('button', { name: 'Jeda' }));
    expect(announcer().textContent).toBe('Dijeda.');
    tick(60_000);
    expect(screen.getByTestId('exercise-count').textContent).toBe('3');
    fireEvent.click(screen.getByRole('button', { name: 'Lanjutkan' }));
    tick(2500);
    expect(screen.getByTestId('exercise-step').textContent).toBe('Tahan');

    // The rest of six rounds (96 s in all) ends the run; nothing was sent anywhere.
    tick(96_000);
    expect(screen.getByRole('button', { name: 'Ulangi' })).toBeTruthy();
    expect(announcer().textContent).toMatch(/Selesai/);
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('runs 4-7-8 with a 7 s hold and an 8 s out-breath', () => {
    open('breathing-478');
    fireEvent.click(screen.getByRole('button', { name: 'Mulai' }));
    tick(4000);
    expect(announcer().textContent).toBe('Tahan… 7');
    tick(6999);
    expect(screen.getByTestId('exercise-step').textContent).toBe('Tahan');
    tick(1);
    expect(announcer().textContent).toBe('Embuskan lewat mulut… 8');
    tick(8000);
    expect(announcer().textContent).toBe('Tarik napas lewat hidung… 4');
  });

  it('lets a guided exercise move on, and stops at once', () => {
    open('grounding-54321');
    fireEvent.click(screen.getByRole('button', { name: 'Mulai' }));
    expect(announcer().textContent).toMatch(/Lihat lima hal\. Sebutkan lima hal/);
    fireEvent.click(screen.getByRole('button', { name: 'Langkah berikutnya' }));
    expect(announcer().textContent).toMatch(/Rasakan empat hal/);
    expect(screen.getByText('Langkah 2 dari 5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Berhenti' }));
    expect(announcer().textContent).toBe('Latihan dihentikan.');
    expect(screen.getByRole('button', { name: 'Mulai' })).toBeTruthy();
  });

  it('says so when the exercise does not exist', () => {
    open('yoga');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Latihan ini tidak ada');
  });
});
