import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';

/**
 * What the app keeps on this device between visits (docs/decisions/032-check-ins.md): the
 * check-ins waiting to be sent, in IndexedDB through idb-keyval, and the offline copies of the
 * person's help contacts and safety plan, in the service worker's caches. Signing out clears all
 * of it, so the next person on a shared phone finds nothing.
 */

/** The service worker's runtime caches that may hold the person's data (vite.config.ts names them). */
export const PERSONAL_CACHES = ['teduh-personal'] as const;

let store: UseStore | null = null;
function outboxStore(): UseStore {
  store ??= createStore('teduh-device', 'outbox');
  return store;
}

/** A check-in kept on the device until the server has it. */
export interface PendingCheckIn {
  localDate: string;
  body: Record<string, unknown> & { localDate: string; mood: number };
  /** The Idempotency-Key it is sent with, every time: stored once however often it is sent. */
  idempotencyKey: string;
  queuedAt: string;
  /** Whose it is: sent only under that person's session, never under another's. */
  personId: string;
  /** Set when the server refused it for good (the day closed meanwhile): kept for the person to see. */
  refused?: string;
}

const listeners = new Set<() => void>();
function changed(): void {
  for (const listener of listeners) listener();
}

/** Called whenever the outbox changes (kept, sent, cleared). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps a check-in to send later; a newer one for the same day replaces the older (one per day). */
export async function keepCheckIn(item: PendingCheckIn): Promise<void> {
  await set(item.localDate, item, outboxStore());
  changed();
}

export async function pendingCheckIns(): Promise<PendingCheckIn[]> {
  try {
    const all = await entries<string, PendingCheckIn>(outboxStore());
    return all.map(([, v]) => v).sort((a, b) => a.localDate.localeCompare(b.localDate));
  } catch {
    return []; // no IndexedDB (a private window of an old browser): nothing is waiting
  }
}

/** Forgets a sent check-in, unless a newer edit of that day replaced it meanwhile. */
export async function forgetCheckIn(item: PendingCheckIn): Promise<void> {
  const all = await pendingCheckIns();
  const current = all.find((p) => p.localDate === item.localDate);
  if (current && current.idempotencyKey === item.idempotencyKey) await del(item.localDate, outboxStore());
  changed();
}

/** Clears everything this app keeps on the device: the outbox and the caches with personal data. */
export async function clearDevice(): Promise<void> {
  try {
    await clear(outboxStore());
  } catch {
    // No IndexedDB: nothing was kept.
  }
  if (typeof caches !== 'undefined') {
    await Promise.all(PERSONAL_CACHES.map((name) => caches.delete(name).catch(() => false)));
  }
  changed();
}
