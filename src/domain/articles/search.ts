/**
 * Searching the psycho-education library (docs/decisions/034-psycho-education-library.md): pure
 * rules, shared by the server (which answers the search) and its tests.
 *
 * Matching is forgiving in the way Indonesian readers type on a phone: case and accents do not
 * matter ("Stres" finds "stres", "cafe" finds "café"), every word typed must start a word of the
 * article ("tid" finds "tidur", "psikolog" finds "psikologis"), and the order of the words does not
 * matter. Indonesian has no inflection to stem away, but it has affixes; matching the start of a
 * word covers the bare root and its suffixes (-kan, -an, -nya), which is most of what people type.
 */

/** Lower case, accents removed, punctuation as spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text, normalised; at most `limit` distinct words of a query are used. */
export function wordsOf(text: string, limit = Infinity): string[] {
  const words = normalizeText(text).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, limit);
}

export interface SearchableArticle {
  title: string;
  summary: string;
  tags: readonly string[];
  body: string;
}

/** How much a match in each field counts: a word in the title says more than one in the body. */
const WEIGHTS = { title: 8, tags: 5, summary: 3, body: 1 } as const;

/** The most words of a query that are matched; more would only slow the search down. */
export const MAX_QUERY_WORDS = 8;

export interface PreparedArticle {
  title: readonly string[];
  tags: readonly string[];
  summary: readonly string[];
  body: readonly string[];
}

/** Splits an article into sorted, distinct words per field, once, so each search is a lookup. */
export function prepareArticle(article: SearchableArticle): PreparedArticle {
  const sorted = (text: string) => wordsOf(text).sort();
  return {
    title: sorted(article.title),
    tags: sorted(article.tags.join(' ')),
    summary: sorted(article.summary),
    body: sorted(article.body),
  };
}

/** Whether some word of a sorted list starts with `prefix` (binary search for the first candidate). */
function hasPrefix(sortedWords: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sortedWords.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sortedWords[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < sortedWords.length && (sortedWords[lo] as string).startsWith(prefix);
}

/**
 * The article's score for a query: 0 when some word of the query starts no word of the article,
 * otherwise the sum, per query word, of the weight of the best field it was found in.
 */
export function scoreArticle(article: PreparedArticle, queryWords: readonly string[]): number {
  let score = 0;
  for (const word of queryWords) {
    const best = (Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).find((field) => hasPrefix(article[field], word));
    if (!best) return 0;
    score += WEIGHTS[best];
  }
  return score;
}

/**
 * The articles that match every word of the query, best first (ties keep the given order). An
 * empty query keeps them all, in the given order.
 */
export function searchArticles<T>(
  articles: readonly T[],
  prepared: (article: T) => PreparedArticle,
  query: string,
): T[] {
  const words = wordsOf(query, MAX_QUERY_WORDS);
  if (words.length === 0) return [...articles];
  return articles
    .map((article, index) => ({ article, index, score: scoreArticle(prepared(article), words) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((hit) => hit.article);
}

/** Reading time at a calm 200 words a minute, at least one minute. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 200));
}
