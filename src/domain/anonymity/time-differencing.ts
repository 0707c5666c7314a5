/**
 * PRIVACY.md A7 — time differencing. A reader who saved yesterday's figures subtracts them from
 * today's: if one person answered in between, the difference is that person. So published
 * figures are replaced only when at least k new responses arrived since they were published, or
 * once, finally, when the campaign closes.
 *
 * A response is one person completing one instrument of the campaign. A deleted result lowers
 * the current count, which only delays the next publication (never hastens it).
 */
export interface Publication {
  /** Responses counted in the published figures. */
  responseCount: number;
  publishedAt: string;
}

export function shouldRepublish(input: {
  published: Publication | null;
  currentResponses: number;
  k: number;
  /** When the campaign closed, or null while it is open. */
  closedAt: string | null;
}): boolean {
  const { published, currentResponses, k, closedAt } = input;
  if (!published) return true;
  if (closedAt !== null) return published.publishedAt < closedAt;
  return currentResponses - published.responseCount >= k;
}
