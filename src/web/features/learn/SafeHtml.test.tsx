// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SafeHtml, sanitizeArticleHtml } from './SafeHtml.js';

/** HTML that got around the server's sanitiser (a restored row, a manual fix): the browser still runs none of it. */
const HOSTILE = [
  '<p>Teks <strong>aman</strong></p>',
  '<script>window.__pwned = 1</script>',
  '<img src="x" onerror="window.__pwned = 2">',
  '<img src="https://tracker.example/p.gif" alt="pelacak">',
  '<img src="//tracker.example/p.gif" alt="pelacak2">',
  '<img src="/logo.png" alt="logo">',
  '<a href="javascript:window.__pwned=3">tautan</a>',
  '<a href=" JAVASCRIPT:alert(1)">tautan2</a>',
  '<a href="https://www.who.int/">WHO</a>',
  '<p style="position:fixed" onclick="alert(4)">gaya</p>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg><script>alert(5)</script></svg>',
  '<form action="https://evil.example"><input name="x"></form>',
].join('');

describe('SafeHtml', () => {
  it('removes scripts, handlers, styles, frames, forms and foreign images, and makes bad links inert', () => {
    const clean = sanitizeArticleHtml(HOSTILE);
    expect(clean).not.toMatch(/<script|onerror|onclick|style=|<iframe|<svg|<form|<input|javascript:|tracker\.example/i);
    expect(clean).toContain('<strong>aman</strong>');
    expect(clean).toContain('<img src="/logo.png" alt="logo">');
    expect(clean).toContain('<a href="https://www.who.int/" rel="noopener noreferrer">WHO</a>');
    expect(clean).toContain('<a>tautan</a>');
  });

  it('inserts only the sanitised HTML, with the article’s language', () => {
    const { container } = render(<SafeHtml html={HOSTILE} lang="en" className="article__body" />);
    const body = container.querySelector('.article__body') as HTMLElement;
    expect(body.getAttribute('lang')).toBe('en');
    expect(body.querySelectorAll('script, iframe, svg, form, [onerror], [onclick], [style]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
