// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, renderWithApp, sessionFixture, stubApi } from '../test-support.js';
import { DeviceOutboxSender } from './check-in-outbox.js';
import { clearDevice, keepCheckIn, keepTick, pendingCheckIns, pendingTicks } from './device-store.js';

const HABIT = '8d0f3c52-4b1e-4c8a-9f5e-1a2b3c4d5e6f';

describe("the home's sender of what waits on the device", () => {
  afterEach(() => clearDevice());

  it('sends a waiting check-in and a waiting habit tick of the signed-in person, each once with its key', async () => {
    const session = sessionFixture();
    await keepCheckIn({
      localDate: '2026-12-02',
      body: { localDate: '2026-12-02', mood: 4 },
      idempotencyKey: 'check-in-key-0000000001',
      queuedAt: '2026-12-02T10:00:00Z',
      personId: session.person.id,
    });
    await keepTick({
      kind: 'habit-tick',
      habitId: HABIT,
      day: '2026-12-02',
      ticked: true,
      idempotencyKey: 'habit-tick-key-00000001',
      queuedAt: '2026-12-02T10:01:00Z',
      personId: session.person.id,
    });
    const calls = stubApi({
      'POST /me/check-ins': () => json({ localDate: '2026-12-02', mood: 4 }, 201),
      [`PUT /me/habits/${HABIT}/ticks/2026-12-02`]: () => json({ habitId: HABIT, day: '2026-12-02', ticked: true }),
    });

    renderWithApp(<DeviceOutboxSender personId={session.person.id} />, { session });

    await waitFor(async () => {
      expect(await pendingCheckIns()).toEqual([]);
      expect(await pendingTicks()).toEqual([]);
    });
    const writes = calls.filter((c) => c.method !== 'GET');
    expect(writes).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: '/me/check-ins' },
        { method: 'PUT', path: `/me/habits/${HABIT}/ticks/2026-12-02` },
      ]),
    );
    expect(writes).toHaveLength(2);
  });
});
