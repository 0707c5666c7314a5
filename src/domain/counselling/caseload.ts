/**
 * The counsellor's caseload (docs/decisions/047-caseload.md): who counts as an active client, the
 * order the list is read in, and the name search. Pure: the server folds its sources into rows and
 * asks these rules; the web app shows what they decided.
 */

/** A client is active with an appointment ahead or a session in this many days before today. */
export const ACTIVE_WINDOW_DAYS = 90;

export const CASELOAD_FILTERS = ['active', 'all'] as const;
export type CaseloadFilter = (typeof CASELOAD_FILTERS)[number];

/** The longest name search the caseload takes. */
export const MAX_CASELOAD_SEARCH = 100;

/** What the rules need of a row: its next appointment, its last session, and the client's name. */
export interface CaseloadOrderable {
  /** Start (ISO-8601 UTC) of the next appointment still ahead, if any. */
  nextStart: string | null;
  /** Start of the last appointment that took place or was due (not cancelled), if any. */
  lastSeen: string | null;
  /** Start of the last session held (completed), if any. */
  lastHeld: string | null;
  name: string;
}

/**
 * Active: an appointment ahead, or one (held, missed or still unrecorded — not cancelled) that
 * started within the last ACTIVE_WINDOW_DAYS days. A client who only shared a result is not active.
 */
export function isActiveClient(row: Pick<CaseloadOrderable, 'nextStart' | 'lastSeen'>, now: Date): boolean {
  if (row.nextStart !== null) return true;
  if (row.lastSeen === null) return false;
  return Date.parse(row.lastSeen) >= now.getTime() - ACTIVE_WINDOW_DAYS * 86_400_000;
}

/** Earliest first (or latest first when `desc`), an absent value always last. */
const byTime = (a: string | null, b: string | null, desc = false) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * (desc ? -1 : 1);

// One collator for every comparison: `localeCompare` with a locale builds one per call.
const indonesian = new Intl.Collator('id');

/**
 * The reading order: the soonest next appointment first (those with none after), then the most
 * recent session held, then the name as Indonesian sorts it.
 */
export function compareCaseload(a: CaseloadOrderable, b: CaseloadOrderable): number {
  return byTime(a.nextStart, b.nextStart) || byTime(a.lastHeld, b.lastHeld, true) || indonesian.compare(a.name, b.name);
}

/** Lower case without accents, so "rene" finds "René" and "SITI" finds "Siti". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();
}

/** Whether every word of the search is in the name (any order, any case, accents ignored). */
export function matchesName(name: string, search: string | undefined): boolean {
  const words = fold(search ?? '')
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const folded = fold(name);
  return words.every((w) => folded.includes(w));
}
