import type { Session } from '../../api/session.js';

export type Stage = Session['stage'];

/** Where to go after a sign-in step: the page that was asked for, or the next step. */
export function destinationFor(stage: Stage, from?: string | null): string {
  if (stage === 'two_factor') return '/sign-in/two-factor';
  if (stage === 'two_factor_setup') return '/two-factor/setup';
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}
