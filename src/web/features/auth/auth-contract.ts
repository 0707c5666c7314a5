/**
 * The sign-in and reset forms validate with the shared contract (src/contracts/auth.ts), but zod
 * is not in the entry bundle (docs/decisions/038-first-load-within-budget.md): the contract is
 * fetched when the person first focuses the form, and awaited on submit, so the rules stay one
 * copy and the server's check stays the truth.
 */
export const loadAuthContract = () => import('../../../contracts/auth.js');

/** Starts fetching the contract; a failure here is retried by the submit that needs it. */
export function prefetchAuthContract(): void {
  void loadAuthContract().catch(() => undefined);
}
