import { describe, expect, it } from 'vitest';
import { isAllowedImageSource, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders the Markdown an article needs', () => {
    const html = renderMarkdown(
      '# Judul\n\nTeks **tebal** dan _miring_.\n\n- satu\n- dua\n\n[WHO](https://www.who.int)',
    );
    expect(html).toContain('<h2>Judul</h2>');
    expect(html).toContain('<strong>tebal</strong>');
    expect(html).toContain('<em>miring</em>');
    expect(html).toContain('<li>satu</li>');
    expect(html).toContain('<a href="https://www.who.int" rel="noopener noreferrer">WHO</a>');
  });

  it('lets no script, handler, style or frame through', () => {
    const html = renderMarkdown(
      [
        '<script>alert(1)</script>',
        '<img src="x" onerror="alert(2)">',
        '<p onclick="alert(3)" style="color:red">klik</p>',
        '<iframe src="https://evil.example"></iframe>',
        '<svg><script>alert(4)</script></svg>',
        '<a href="javascript:alert(5)">tautan</a>',
        '[md](javascript:alert(6))',
        '[md2](JaVaScRiPt:alert(7))',
        '<a href="data:text/html,<script>alert(8)</script>">data</a>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|onerror|onclick|style=|<iframe|<svg|javascript:|alert\(\d\)<\/script/i);
    expect(html).not.toContain('data:text/html');
    expect(html).toContain('klik');
    expect(html).toContain('tautan');
  });

  it('keeps images only from this site or data: images', () => {
    expect(renderMarkdown('![a](/img/a.png)')).toContain('<img alt="a" src="/img/a.png" />');
    expect(renderMarkdown('![b](https://tracker.example/b.png)')).not.toContain('<img');
    expect(renderMarkdown('![c](//tracker.example/c.png)')).not.toContain('<img');
    expect(renderMarkdown('![d](data:image/png;base64,iVBORw0KGgo=)')).toContain('src="data:image/png;base64');
    expect(renderMarkdown('![e](data:image/svg+xml;base64,PHN2Zz4=)')).not.toContain('<img');
  });

  it('judges image sources', () => {
    expect(isAllowedImageSource('/a.png')).toBe(true);
    expect(isAllowedImageSource('//a.example/a.png')).toBe(false);
    expect(isAllowedImageSource('/\\a.example')).toBe(false);
    expect(isAllowedImageSource('http://a.example/a.png')).toBe(false);
  });
});
