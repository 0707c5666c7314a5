import type { BrowserContext, Page } from '@playwright/test';

/**
 * Whether Chromium is drawing frames for a page. Playwright's clicks wait until the element's box
 * is the same in two animation frames; a page whose renderer produces no frames at all lets every
 * read (visible, enabled, filled) pass and then hangs on the first click until the test times out,
 * with no line in the log to say why. That happened once in CI (2026-12, a help-contacts click on
 * a fresh page: the form had just been filled). It is a fault of the headless browser on a busy
 * machine, known from other projects, not of Teduh: a page is either drawn at ~60 frames a second
 * or not at all, and a fresh page in the same context is drawn again.
 */
export interface FrameProbe {
  drawing: boolean;
  visibilityState: string;
  hasFocus: boolean;
  readyState: string;
  /** When the page was first painted (ms after it started), or null if never. */
  firstPaint: number | null;
}

export async function probeFrames(page: Page, timeoutMs: number): Promise<FrameProbe> {
  // No named function inside: the evaluated source must not depend on a bundler's helpers. Under
  // Playwright's clock (page.clock) the page's timers and frames are fakes that a paused clock
  // never fires; the clock keeps the browser's own, and those are what is probed.
  return page.evaluate(async (timeout) => {
    type Timers = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout' | 'requestAnimationFrame'>;
    const real: Timers = (globalThis as { __pwClock?: { builtins: Timers } }).__pwClock?.builtins ?? globalThis;
    const drawing = await new Promise<boolean>((resolve) => {
      const timer = real.setTimeout(() => resolve(false), timeout);
      real.requestAnimationFrame(() =>
        real.requestAnimationFrame(() => {
          real.clearTimeout(timer);
          resolve(true);
        }),
      );
    });
    return {
      drawing,
      visibilityState: document.visibilityState,
      hasFocus: document.hasFocus(),
      readyState: document.readyState,
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
    };
  }, timeoutMs);
}

export function describeProbe(probe: FrameProbe): string {
  return (
    `visibilityState=${probe.visibilityState}, hasFocus=${probe.hasFocus}, readyState=${probe.readyState}, ` +
    `first paint ${probe.firstPaint === null ? 'never' : `at ${Math.round(probe.firstPaint)} ms`}`
  );
}

const ATTEMPTS = 3;

/**
 * A new page of the context that is being drawn. A blank page that draws nothing is closed and
 * another opened, each time said on stderr so that the run's output shows it (5 s each: a busy machine still draws
 * a healthy page within that); after three the
 * test fails with what the pages reported.
 */
export async function pageWithFrames(context: BrowserContext): Promise<Page> {
  const reports: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const page = await context.newPage();
    const probe = await probeFrames(page, 5_000);
    if (probe.drawing) return page;
    reports.push(describeProbe(probe));
    process.stderr.write(`[e2e] Chromium opened a page that draws no frames (${reports.at(-1)}); opening another\n`);
    await page.close();
  }
  throw new Error(`Chromium drew no frames on ${ATTEMPTS} new pages: ${reports.join(' | ')}`);
}
