import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api/client.js';
import { onOutboxChange } from './device-store.js';

const RETRY_MS = 20_000;

/** What every kind of write waiting on the device carries (lib/device-store.ts). */
interface Waiting {
  personId: string;
  idempotencyKey: string;
  refused?: string;
}

/** One kind of write in the device's outbox: how it is listed, kept, forgotten and sent. */
export interface OutboxKind<T extends Waiting> {
  /** Waiting items, in the order they are sent. */
  list(): Promise<T[]>;
  keep(item: T): Promise<void>;
  forget(item: T): Promise<void>;
  /** Sends one item with its own Idempotency-Key, so an answer lost on the way stores it once. */
  send(item: T): Promise<unknown>;
  /** The query that shows what was sent, refreshed after a send. */
  queryKey: QueryKey;
}

/**
 * The sender and the hook of one kind of write (check-ins, habit ticks; docs/decisions/039-everyday-edges.md).
 * The sender goes through the waiting items in order and stops at the first the network or server
 * cannot take yet; an item the server refuses for good stays, marked, for the person to see; another
 * person's item is dropped, never sent under this session. The hook lists the signed-in person's
 * items and sends when the connection returns, when the page opens and every 20 seconds while
 * something waits.
 */
export function createOutbox<T extends Waiting>(kind: OutboxKind<T>) {
  let sending: Promise<number> | null = null;

  function sendPending(personId: string): Promise<number> {
    sending ??= (async () => {
      let sent = 0;
      try {
        for (const item of await kind.list()) {
          if (item.personId !== personId) {
            await kind.forget(item);
            continue;
          }
          if (item.refused) continue;
          try {
            await kind.send(item);
            await kind.forget(item);
            sent += 1;
          } catch (err) {
            if (isApiError(err) && !err.isRetryable && err.status !== 401 && err.status !== 403) {
              await kind.keep({ ...item, refused: err.message });
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

  function useOutbox(personId: string | null) {
    const queryClient = useQueryClient();
    const [pending, setPending] = useState<T[]>([]);

    const reload = useCallback(
      () => kind.list().then((all) => setPending(all.filter((p) => p.personId === personId))),
      [personId],
    );

    const flush = useCallback(async () => {
      if (!personId || (typeof navigator !== 'undefined' && navigator.onLine === false)) return;
      const sent = await sendPending(personId);
      if (sent > 0) await queryClient.invalidateQueries({ queryKey: kind.queryKey });
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

  return { sendPending, useOutbox };
}
