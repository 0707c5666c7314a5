import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`: a search runs when typing pauses, not on every key.
 * For what a query asks only, never for the URL: a navigation started after the pause would land
 * after a click on a result had already left the page (a navigation is a transition, so the page
 * stays on screen until the next one arrives) and bring the reader back.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
