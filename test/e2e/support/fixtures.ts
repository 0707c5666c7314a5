import { test as base, expect, type Page } from '@playwright/test';
import type axe from 'axe-core';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Secret, TOTP } from 'otpauth';
import { IS_PHONE } from './base-url.js';
import { describeProbe, pageWithFrames, probeFrames } from './frames.js';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now, injected once into each document.
 * Not @axe-core/playwright's AxeBuilder: for every analysis it opens and closes a blank page to
 * finish the run (its design for cross-origin frames), about 1.3 s a check here, two-thirds of the
 * journeys' time (docs/benchmarks.md, end-to-end suite). Teduh's pages have no frames; a page that
 * had one would be checked without it, so that is refused.
 */
async function axeViolations(page: Page): Promise<axe.AxeResults['violations']> {
  expect(page.frames(), 'a page with frames needs axe in every frame').toHaveLength(1);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: axe.RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  return page.evaluate(
    async (runOptions) => (await (window as unknown as { axe: typeof axe }).axe.run(document, runOptions)).violations,
    options,
  );
}

/**
 * Waits for the page's running transitions and finite animations to end, so that axe reads the
 * colours a person reads: a button caught halfway through turning from white to red fails a
 * contrast check that the settled button passes. Endless ones (a loading shimmer) are not waited for.
 */
async function transitionsEnded(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** The header's crisis-help control, in either language. */
export const HELP_NOW = /^(Butuh bantuan sekarang|I need help now)$/;

export interface A11y {
  /**
   * Runs axe (WCAG 2.1 A/AA) on the page as it is now, once its <h1> is shown, after checking
   * that the header offers "Butuh bantuan sekarang"; then the code-words check and, on a phone,
   * the layout check (phoneLayout). Violations are collected and fail the test at its end, listed
   * with their rule ids.
   */
  check: (label: string, page?: Page) => Promise<void>;
  /** Follow another page (a second browser context) for the visited-pages rule below. */
  track: (page: Page) => void;
  /** A path the app only passed through (an immediate redirect), so it never showed a page. */
  redirected: (path: string) => void;
}

/**
 * Every test gets `a11y`: each main-frame navigation is recorded, and at the end of the test every
 * path that was visited must have had an axe check, no check may have found a violation, and no
 * page may have thrown an uncaught error.
 */
export const test = base.extend<{ a11y: A11y }>({
  // Every test's page is one Chromium is drawing (support/frames.ts).
  page: async ({ context }, use) => {
    await use(await pageWithFrames(context));
  },
  a11y: [
    async ({ page }, use) => {
      const visited = new Set<string>();
      const checked = new Set<string>();
      const passedThrough = new Set<string>();
      const violations: string[] = [];
      const pageErrors: string[] = [];

      const track = (p: Page) => {
        p.on('framenavigated', (frame) => {
          if (frame !== p.mainFrame() || !frame.url().startsWith('http')) return;
          visited.add(new URL(frame.url()).pathname);
        });
        p.on('pageerror', (error) => pageErrors.push(`${new URL(p.url()).pathname}: ${error.message}`));
      };
      track(page);

      const check = async (label: string, p: Page = page) => {
        await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(p.locator('.loading')).toHaveCount(0);
        // A page that is not being drawn would hang the next click without a word (support/frames.ts).
        const frames = await probeFrames(p, 5_000);
        if (!frames.drawing)
          throw new Error(
            `Chromium draws no frames for ${new URL(p.url()).pathname} (${label}): ${describeProbe(frames)}`,
          );
        // Every page, signed in or out, offers crisis help in its header.
        await expect(
          p.getByRole('banner').getByRole('link', { name: HELP_NOW }),
          `the help control on ${new URL(p.url()).pathname} (${label})`,
        ).toBeVisible();
        const path = new URL(p.url()).pathname;
        await transitionsEnded(p);
        for (const v of await axeViolations(p)) {
          violations.push(
            `${v.id} on ${path} (${label}): ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
          );
        }
        for (const found of await codeWords(p)) violations.push(`code words on ${path} (${label}): "${found}"`);
        if (IS_PHONE) for (const found of await phoneLayout(p)) violations.push(`${found} on ${path} (${label})`);
        checked.add(path);
      };

      await use({ check, track, redirected: (path) => passedThrough.add(path) });

      const unchecked = [...visited].filter((path) => !checked.has(path) && !passedThrough.has(path));
      expect(violations, `axe violations (${AXE_TAGS.join(', ')})`).toEqual([]);
      expect(unchecked, 'pages visited without an axe check').toEqual([]);
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * On an Indonesian screen, visible text in code words: a snake_case identifier ("crisis_request",
 * "audit.request_viewed") or a UUID. Codes people may need (a request code for technical support)
 * belong inside an element marked `data-detail`; e-mail addresses and links are not words.
 */
export async function codeWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (!document.documentElement.lang.startsWith('id')) return [];
    const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
    const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, template, [data-detail]')) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const text = (node.textContent ?? '').replace(/\S+@\S+|https?:\/\/\S+/g, ' ');
      const hit = SNAKE.exec(text) ?? UUID.exec(text);
      if (hit) found.add(text.trim().slice(0, 80));
    }
    return [...found];
  });
}

/**
 * On a 360 px phone, what a person could not use: a page wider than the screen (sideways
 * scrolling), or an open dialog taller than the screen, whose buttons would be out of reach.
 */
export async function phoneLayout(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (overflow > 0) found.push(`the page scrolls sideways by ${overflow}px`);
    for (const dialog of document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]')) {
      if (!dialog.checkVisibility()) continue;
      const { height } = dialog.getBoundingClientRect();
      if (height > window.innerHeight + 1)
        found.push(`a dialog ${Math.round(height)}px tall on a ${window.innerHeight}px screen`);
    }
    return found;
  });
}

const STEP_SECONDS = 30;

/**
 * A TOTP code for a time step the server has not accepted yet. The server refuses a replayed
 * step (RFC 6238 §5.2) and accepts one step of clock drift either way
 * (src/server/modules/auth/totp.ts), so after step N the code of step N+1 is taken at once, as
 * from a phone whose clock runs a few seconds ahead; only a step further on is waited for. A fixed
 * wait for the next step cost each run up to 30 s.
 */
export async function freshTotp(secret: string, lastStep: number | undefined): Promise<{ code: string; step: number }> {
  const stepNow = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);
  const step = lastStep === undefined ? stepNow() : Math.max(stepNow(), lastStep + 1);
  while (step > stepNow() + 1) await new Promise((r) => setTimeout(r, 500));
  const code = new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: STEP_SECONDS,
    algorithm: 'SHA1',
  }).generate({
    timestamp: step * STEP_SECONDS * 1000 + 1000,
  });
  return { code, step };
}

/** No horizontal scrolling: the page is no wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `page ${new URL(page.url()).pathname} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}
