import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown to safe HTML, for built-in and agency articles alike (docs/decisions/034-psycho-education-library.md).
 * `marked` renders; `sanitize-html` then keeps an allow-list of tags and attributes, so whatever
 * raw HTML an admin typed into the Markdown, no script, event handler, style or frame survives.
 * Links keep only http(s), mailto and tel (a `javascript:` link loses its href and is inert);
 * images only from this site (a path starting with one `/`) or a `data:` image, so an article
 * cannot make a reader's browser call another server.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

/** Whether an image source is this site's own path or an inline data image. */
export function isAllowedImageSource(src: string): boolean {
  const value = src.trim();
  return (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) || DATA_IMAGE.test(value);
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
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
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // The page's own title is the only h1; an article's headings start one level below.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src && isAllowedImageSource(src) ? { ...rest, src } : rest };
    },
  },
  // An image whose source was not allowed is dropped altogether rather than left empty.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};
// `rel` is added by the transform above, after the allow-list was applied to the input.
OPTIONS.allowedAttributes = { ...(OPTIONS.allowedAttributes as object), a: ['href', 'title', 'rel'] };

/** Renders Markdown and sanitises the result. Pure and synchronous. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, OPTIONS).trim();
}
