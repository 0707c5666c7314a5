import { useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** Where each history entry was scrolled to, by the router's key for it. */
const positions = new Map<string, number>();

/**
 * What react-router's `ScrollRestoration` did for the data router (the declarative routes have
 * none, router.tsx): a new page starts at the top (or at its #anchor), Back and Forward return to
 * where the person was on that page.
 */
export function useScrollRestoration(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  useLayoutEffect(() => {
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  }, []);
  useLayoutEffect(() => {
    const key = location.key;
    if (navigationType === 'POP') {
      const top = positions.get(key);
      if (top !== undefined) window.scrollTo(0, top);
    } else if (location.hash) {
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
    return () => {
      positions.set(key, window.scrollY);
    };
  }, [location.key, location.hash, navigationType]);
}
