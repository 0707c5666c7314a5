import { useCheckInOutbox } from '../../lib/check-in-outbox.js';

/**
 * Sends the check-ins waiting on this device whenever the connection returns, on whatever page the
 * person is (docs/decisions/032-check-ins.md). Renders nothing; loaded with the signed-in frame.
 */
export function CheckInOutboxSender({ personId }: { personId: string }) {
  useCheckInOutbox(personId);
  return null;
}
