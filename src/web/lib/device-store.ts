import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';

/**
 * What the app keeps on this device between visits (docs/decisions/032-check-ins.md,
 * docs/decisions/039-everyday-edges.md): one outbox in IndexedDB through idb-keyval with the writes
 * waiting to be sent — check-ins (keyed by their day) and habit ticks (keyed by habit and day) —
 * each with the Idempotency-Key it is always sent with, and the offline copies of the person's help
 * contacts and safety plan, in the service worker's caches. Signing out clears all of it, so the
 * next person on a shared phone finds nothing.
 */

/** The service worker's runtime caches that may hold the person's data (vite.config.ts names them). */
export const PERSONAL_CACHES = ['teduh-personal'] as const;

let store: UseStore | null = null;
function outboxStore(): UseStore {
  store ??= createStore('teduh-device', 'outbox');
  return store;
}

/**
 * Without IndexedDB (an old browser's private window, a test's jsdom) the outbox lives in memory:
 * a write made while the connection drops still waits and is sent from this tab, it only does not
 * survive closing it.
 */
const memory = new Map<string, unknown>();
const hasIndexedDb = () => typeof indexedDB !== 'undefined';

async function put(key: string, item: unknown): Promise<void> {
  if (hasIndexedDb()) await set(key, item, outboxStore());
  else memory.set(key, item);
}

async function remove(key: string): Promise<void> {
  if (hasIndexedDb()) await del(key, outboxStore());
  else memory.delete(key);
}

/** A check-in kept on the device until the server has it. */
export interface PendingCheckIn {
  kind?: 'check-in';
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

/**
 * A habit tick (or a tick taken back) kept on the device until the server has it. A later tap on
 * the same habit and day replaces it: the last tap is what the person meant.
 */
export interface PendingTick {
  kind: 'habit-tick';
  habitId: string;
  day: string;
  ticked: boolean;
  idempotencyKey: string;
  queuedAt: string;
  personId: string;
  refused?: string;
}

type OutboxItem = PendingCheckIn | PendingTick;
const tickKey = (t: Pick<PendingTick, 'habitId' | 'day'>) => `habit-tick:${t.habitId}:${t.day}`;

async function outboxItems(): Promise<OutboxItem[]> {
  try {
    if (!hasIndexedDb()) return [...memory.values()] as OutboxItem[];
    return (await entries<string, OutboxItem>(outboxStore())).map(([, v]) => v);
  } catch {
    return []; // no IndexedDB (a private window of an old browser): nothing is waiting
  }
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
  await put(item.localDate, item);
  changed();
}

export async function pendingCheckIns(): Promise<PendingCheckIn[]> {
  return (await outboxItems())
    .filter((v): v is PendingCheckIn => v.kind !== 'habit-tick')
    .sort((a, b) => a.localDate.localeCompare(b.localDate));
}

/** Forgets a sent check-in, unless a newer edit of that day replaced it meanwhile. */
export async function forgetCheckIn(item: PendingCheckIn): Promise<void> {
  const all = await pendingCheckIns();
  const current = all.find((p) => p.localDate === item.localDate);
  if (current && current.idempotencyKey === item.idempotencyKey) await remove(item.localDate);
  changed();
}

/** Keeps a tick to send later, replacing an earlier tap on the same habit and day. */
export async function keepTick(item: PendingTick): Promise<void> {
  await put(tickKey(item), item);
  changed();
}

/** The ticks waiting, oldest tap first. */
export async function pendingTicks(): Promise<PendingTick[]> {
  return (await outboxItems())
    .filter((v): v is PendingTick => v.kind === 'habit-tick')
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Forgets a sent tick, unless a later tap on the same habit and day replaced it meanwhile. */
export async function forgetTick(item: PendingTick): Promise<void> {
  const current = (await pendingTicks()).find((p) => p.habitId === item.habitId && p.day === item.day);
  if (current && current.idempotencyKey === item.idempotencyKey) await remove(tickKey(item));
  changed();
}

/** Clears everything this app keeps on the device: the outbox and the caches with personal data. */
export async function clearDevice(): Promise<void> {
  memory.clear();
  try {
    await clear(outboxStore());
  } catch {
    // No IndexedDB: only the memory above held anything.
  }
  if (typeof caches !== 'undefined') {
    await Promise.all(PERSONAL_CACHES.map((name) => caches.delete(name).catch(() => false)));
  }
  changed();
}
