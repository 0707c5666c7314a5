import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, focus moves to the new page's <h1> so a screen reader announces
 * it and keyboard users start at the top of the content. The first page load keeps the browser's
 * own focus. A page still loading gets focus when its heading appears.
 */
let focusPending = false;

function focusHeading(): boolean {
  const heading = document.querySelector<HTMLElement>('main h1, h1');
  if (!heading) return false;
  heading.focus({ preventScroll: false });
  return true;
}

export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusPending = !focusHeading();
  }, [pathname]);
}

/** Called by PageHeader when its heading mounts. */
export function useClaimRouteFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (focusPending && ref.current) {
      ref.current.focus();
      focusPending = false;
    }
  }, [ref]);
}
