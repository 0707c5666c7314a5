import { habitsQuery, setTick } from '../api/habits.api.js';
import { forgetTick, keepTick, pendingTicks, type PendingTick } from './device-store.js';
import { createOutbox } from './outbox.js';

/** Habit ticks kept on the device, sent oldest tap first (docs/decisions/039-everyday-edges.md). */
const ticks = createOutbox<PendingTick>({
  list: pendingTicks,
  keep: keepTick,
  forget: forgetTick,
  send: (item) => setTick(item.habitId, item.day, item.ticked, item.idempotencyKey),
  queryKey: habitsQuery.queryKey,
});

export const sendPendingTicks = ticks.sendPending;
export const useHabitTickOutbox = ticks.useOutbox;
