import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`: a search runs when typing pauses, not on every key.
 * For what a query asks, never for the URL (use-typed-search.ts says why).
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
