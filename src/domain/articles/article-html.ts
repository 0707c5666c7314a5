/**
 * What an article's HTML may hold (docs/decisions/034-psycho-education-library.md): one allow-list
 * for the server's sanitiser (on save) and the browser's (before the page shows it), so the two can
 * never drift apart.
 */
export const ARTICLE_TAGS: readonly string[] = [
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'a',
  'blockquote',
  'code',
  'pre',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
];

/** Attributes per tag; `rel` on links is set by the sanitisers themselves, never taken from input. */
export const ARTICLE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  th: ['align'],
  td: ['align'],
};

/** The only link schemes an article keeps; any other link (`javascript:` above all) loses its href. */
export const ARTICLE_LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

/**
 * Whether an image source is this site's own path or an inline data image: an article cannot make
 * a reader's browser call another server.
 */
export function isAllowedImageSource(src: string): boolean {
  const value = src.trim();
  return (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) || DATA_IMAGE.test(value);
}
