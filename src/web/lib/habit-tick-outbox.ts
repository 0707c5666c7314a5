import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api/client.js';
import { habitsQuery, setTick } from '../api/habits.api.js';
import { forgetTick, keepTick, onOutboxChange, pendingTicks, type PendingTick } from './device-store.js';

const RETRY_MS = 20_000;
let sending: Promise<number> | null = null;

/**
 * Sends the habit ticks kept on the device, oldest tap first, each with its own Idempotency-Key
 * (the same outbox and rules as the check-ins, lib/check-in-outbox.ts): stops at the first the
 * network cannot take yet, marks one the server refuses for good, and drops another person's
 * without sending it under this session. Answers how many were sent.
 */
export function sendPendingTicks(personId: string): Promise<number> {
  sending ??= (async () => {
    let sent = 0;
    try {
      for (const item of await pendingTicks()) {
        if (item.personId !== personId) {
          await forgetTick(item);
          continue;
        }
        if (item.refused) continue;
        try {
          await setTick(item.habitId, item.day, item.ticked, item.idempotencyKey);
          await forgetTick(item);
          sent += 1;
        } catch (err) {
          if (isApiError(err) && !err.isRetryable && err.status !== 401 && err.status !== 403) {
            await keepTick({ ...item, refused: err.message });
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
 * The signed-in person's ticks waiting on the device, and a sender that runs when the connection
 * returns, when the page opens and every 20 seconds while something waits.
 */
export function useHabitTickOutbox(personId: string) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingTick[]>([]);

  const reload = useCallback(
    () => pendingTicks().then((all) => setPending(all.filter((p) => p.personId === personId))),
    [personId],
  );

  const flush = useCallback(async () => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    const sent = await sendPendingTicks(personId);
    if (sent > 0) await queryClient.invalidateQueries({ queryKey: habitsQuery.queryKey });
  }, [personId, queryClient]);

  useEffect(() => {
    const off = onOutboxChange(() => void reload());
    void reload();
    const online = () => void flush();
    window.addEventListener('online', online);
    void flush();
    return () => {
      off();
      window.removeEventListener('online', online);
    };
  }, [reload, flush]);

  const waiting = pending.some((p) => !p.refused);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  return { pending, flush };
}
