import { useSyncExternalStore } from 'react';

/**
 * A new version of the app is waiting (the service worker found one, docs/decisions/032-check-ins.md):
 * main.tsx hands over the function that lets it take over and reload; the prompt offers it.
 */
type Apply = () => Promise<void>;
let apply: Apply | null = null;
const listeners = new Set<() => void>();

export function offerUpdate(fn: Apply): void {
  apply = fn;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Null while nothing waits; else the function that loads the new version. */
export function useWaitingUpdate(): Apply | null {
  return useSyncExternalStore(
    subscribe,
    () => apply,
    () => null,
  );
}
