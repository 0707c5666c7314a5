import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import {
  ARTICLE_ATTRIBUTES,
  ARTICLE_LINK_SCHEMES,
  ARTICLE_TAGS,
  isAllowedImageSource,
} from '../../../domain/articles/article-html.js';

/**
 * Markdown to safe HTML, for built-in and agency articles alike (docs/decisions/034-psycho-education-library.md).
 * `marked` renders; `sanitize-html` then keeps an allow-list of tags and attributes, so whatever
 * raw HTML an admin typed into the Markdown, no script, event handler, style or frame survives.
 * Links keep only http(s), mailto and tel (a `javascript:` link loses its href and is inert);
 * images only from this site (a path starting with one `/`) or a `data:` image, so an article
 * cannot make a reader's browser call another server.
 */
export { isAllowedImageSource };

const marked = new Marked({ gfm: true, breaks: false, async: false });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ARTICLE_TAGS],
  // `rel` is added by the transform below, after the allow-list was applied to the input.
  allowedAttributes: Object.fromEntries(
    Object.entries(ARTICLE_ATTRIBUTES).map(([tag, names]) => [tag, tag === 'a' ? [...names, 'rel'] : [...names]]),
  ),
  allowedSchemes: [...ARTICLE_LINK_SCHEMES],
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

/** Renders Markdown and sanitises the result. Pure and synchronous. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, OPTIONS).trim();
}
