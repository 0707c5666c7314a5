import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { checkInsKey, submitCheckIn, type CheckInBody } from '../api/check-ins.api.js';
import { isApiError } from '../api/client.js';
import { forgetCheckIn, keepCheckIn, onOutboxChange, pendingCheckIns, type PendingCheckIn } from './device-store.js';

const RETRY_MS = 20_000;
let sending: Promise<number> | null = null;

/**
 * Sends the check-ins kept on the device, oldest day first, each with its own Idempotency-Key (so
 * a check-in whose answer was lost is stored once). Stops at the first one the network or server
 * cannot take yet; a check-in the server refuses for good stays, marked, for the person to see.
 * Answers how many were sent. Only the signed-in person's own are sent; another person's are
 * dropped, never sent under this session.
 */
export function sendPendingCheckIns(personId: string): Promise<number> {
  sending ??= (async () => {
    let sent = 0;
    try {
      for (const item of await pendingCheckIns()) {
        if (item.personId !== personId) {
          await forgetCheckIn(item);
          continue;
        }
        if (item.refused) continue;
        try {
          await submitCheckIn(item.body as CheckInBody, item.idempotencyKey);
          await forgetCheckIn(item);
          sent += 1;
        } catch (err) {
          if (isApiError(err) && !err.isRetryable && err.status !== 401 && err.status !== 403) {
            await keepCheckIn({ ...item, refused: err.message });
            continue;
          }
          break;
        }
      }
    } finally {
      sending = null;
    }
    return sent;
  })();
  return sending;
}

/**
 * The device's outbox for the signed-in person: what is waiting, and a sender that runs when the
 * connection returns, when the app opens and every 20 seconds while something waits.
 */
export function useCheckInOutbox(personId: string | null) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingCheckIn[]>([]);

  const reload = useCallback(
    () =>
      pendingCheckIns().then((all) => {
        setPending(all.filter((p) => p.personId === personId));
      }),
    [personId],
  );

  const flush = useCallback(async () => {
    if (!personId || (typeof navigator !== 'undefined' && navigator.onLine === false)) return;
    const sent = await sendPendingCheckIns(personId);
    if (sent > 0) await queryClient.invalidateQueries({ queryKey: checkInsKey });
  }, [personId, queryClient]);

  useEffect(() => {
    const off = onOutboxChange(() => void reload());
    void pendingCheckIns().then((all) => setPending(all.filter((p) => p.personId === personId)));
    const online = () => void flush();
    window.addEventListener('online', online);
    void flush();
    return () => {
      off();
      window.removeEventListener('online', online);
    };
  }, [reload, flush, personId]);

  const waiting = pending.some((p) => !p.refused);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  return { pending, flush };
}

/**
 * The sender alone, showing nothing: for a page that sends what waits without listing it (the
 * home), and loads it after its first render rather than in its first load
 * (docs/decisions/038-first-load-within-budget.md).
 */
export function CheckInOutboxSender({ personId }: { personId: string }): null {
  useCheckInOutbox(personId);
  return null;
}
