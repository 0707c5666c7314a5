import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import {
  ARTICLE_ATTRIBUTES,
  ARTICLE_LINK_SCHEMES,
  ARTICLE_TAGS,
  isAllowedImageSource,
} from '../../../domain/articles/article-html.js';

/**
 * Article HTML as the server rendered and sanitised it, sanitised once more here before it
 * touches the page (docs/decisions/034-psycho-education-library.md): the same allow-list as the
 * server's, so even a row written around the server's sanitiser shows no script, handler, style,
 * frame or foreign image.
 */
const ALLOWED_TAGS = [...ARTICLE_TAGS];
const ALLOWED_ATTR = [...new Set(Object.values(ARTICLE_ATTRIBUTES).flat()), 'rel'];
// The schemes the server keeps, plus this site's own paths and in-page anchors.
const SAFE_LINK = new RegExp(`^((?:${ARTICLE_LINK_SCHEMES.join('|')}):|/(?!/)|#)`, 'i');

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href');
        if (href !== null && !SAFE_LINK.test(href.trim())) node.removeAttribute('href');
        if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
      }
      if (node.tagName === 'IMG') {
        const src = node.getAttribute('src');
        if (src === null || !isAllowedImageSource(src)) node.remove();
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

export function sanitizeArticleHtml(html: string): string {
  return purifier().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false });
}

export function SafeHtml({ html, className, lang }: { html: string; className?: string; lang?: string }) {
  const clean = useMemo(() => sanitizeArticleHtml(html), [html]);
  // The HTML was sanitised twice (server on save, DOMPurify just above); this is the one place it is inserted.
  return <div className={className} lang={lang} dangerouslySetInnerHTML={{ __html: clean }} />;
}
