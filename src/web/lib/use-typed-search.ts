import { useState } from 'react';
import { useDebounced } from './use-debounced.js';

/**
 * A search box whose text lives in the URL: `type` writes it there with each keystroke (through
 * `write`, the page's own URL update) and `query` follows once typing pauses, for the server. Never
 * the URL after the pause: a navigation is a transition, so the page stays on screen until the next
 * one arrives, and a URL written that late would land after a click on a result had already left
 * the page and bring the reader back.
 */
export function useTypedSearch(
  initial: string,
  pauseMs: number,
  write: (query: string) => void,
): { typed: string; query: string; type: (text: string) => void } {
  const [typed, setTyped] = useState(initial);
  const query = useDebounced(typed.trim(), pauseMs);
  const type = (text: string) => {
    setTyped(text);
    write(text.trim());
  };
  return { typed, query, type };
}
