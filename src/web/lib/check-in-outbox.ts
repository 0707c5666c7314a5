import { checkInsKey, submitCheckIn, type CheckInBody } from '../api/check-ins.api.js';
import { forgetCheckIn, keepCheckIn, pendingCheckIns, type PendingCheckIn } from './device-store.js';
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
 * The sender alone, showing nothing: for a page that sends what waits without listing it (the
 * home), and loads it after its first render rather than in its first load
 * (docs/decisions/038-first-load-within-budget.md).
 */
export function CheckInOutboxSender({ personId }: { personId: string }): null {
  useCheckInOutbox(personId);
  return null;
}
