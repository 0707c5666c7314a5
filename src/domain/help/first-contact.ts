/**
 * Time to first contact (docs/decisions/043-counsellor-workspace.md): how long a person who asked
 * for help waited until a counsellor reached them — a session scheduled for them, or the request
 * closed as followed up. The urgent queue shows it per request and, for the counsellor team, the
 * median over the last 30 days.
 */

export const FIRST_CONTACT_WINDOW_DAYS = 30;

/** Whole minutes from the request to its first contact (never below zero). */
export function minutesToFirstContact(createdAt: string, firstContactAt: string): number {
  return Math.max(0, Math.round((Date.parse(firstContactAt) - Date.parse(createdAt)) / 60_000));
}

/** The median of the minutes to first contact, or null when there is none to tell. */
export function medianMinutes(rows: readonly { created_at: string; first_contact_at: string | null }[]): number | null {
  const minutes = rows
    .filter((r): r is { created_at: string; first_contact_at: string } => r.first_contact_at !== null)
    .map((r) => minutesToFirstContact(r.created_at, r.first_contact_at))
    .sort((a, b) => a - b);
  if (minutes.length === 0) return null;
  const mid = Math.floor(minutes.length / 2);
  return minutes.length % 2 === 1
    ? (minutes[mid] as number)
    : Math.round(((minutes[mid - 1] as number) + (minutes[mid] as number)) / 2);
}
