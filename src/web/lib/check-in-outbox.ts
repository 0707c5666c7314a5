import { checkInsKey, submitCheckIn, type CheckInBody } from '../api/check-ins.api.js';
import { forgetCheckIn, keepCheckIn, pendingCheckIns, type PendingCheckIn } from './device-store.js';
import { useHabitTickOutbox } from './habit-tick-outbox.js';
import { createOutbox } from './outbox.js';

/** Check-ins kept on the device, sent oldest day first (docs/decisions/032-check-ins.md). */
const checkIns = createOutbox<PendingCheckIn>({
  list: pendingCheckIns,
  keep: keepCheckIn,
  forget: forgetCheckIn,
  send: (item) => submitCheckIn(item.body as CheckInBody, item.idempotencyKey),
  queryKey: checkInsKey,
});

export const sendPendingCheckIns = checkIns.sendPending;
export const useCheckInOutbox = checkIns.useOutbox;

/**
 * The senders alone, showing nothing: for a page that sends what waits without listing it (the
 * home), and loads them after its first render rather than in its first load
 * (docs/decisions/038-first-load-within-budget.md). Habit ticks go too, so that a tick made offline
 * does not wait for the person to open the self-care page again (docs/decisions/039-everyday-edges.md).
 */
export function DeviceOutboxSender({ personId }: { personId: string }): null {
  useCheckInOutbox(personId);
  useHabitTickOutbox(personId);
  return null;
}
