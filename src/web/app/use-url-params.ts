import { useSearchParams } from 'react-router';

/**
 * The page's filters and selection kept in the URL, applied at once. react-router applies a URL
 * change in a transition; a controlled radio or select bound to the URL would spring back to its
 * old value for that moment (a click that seems not to take). flushSync renders the change with
 * the event, as local state would.
 */
export function useUrlParams(): ReturnType<typeof useSearchParams> {
  const [params, set] = useSearchParams();
  const setNow: typeof set = (next, options) => set(next, { flushSync: true, ...options });
  return [params, setNow];
}
