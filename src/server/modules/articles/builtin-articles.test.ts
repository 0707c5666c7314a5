import { describe, expect, it } from 'vitest';
import { builtinArticles, parseArticleFile } from './builtin-articles.js';
import { renderMarkdown } from './markdown.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('built-in articles', () => {
  const { id, en } = builtinArticles();

  it('ships at least ten articles, each in Indonesian and English, in the same order', () => {
    expect(id.length).toBeGreaterThanOrEqual(10);
    expect(en.map((a) => a.slug)).toEqual(id.map((a) => a.slug));
  });

  it.each([...id, ...en].map((a) => [`${a.language}/${a.slug}`, a] as const))(
    '%s is 300–600 words, tagged, and ends with its sources',
    (_name, article) => {
      const count = words(`${article.title} ${article.summary} ${article.body}`);
      expect(count).toBeGreaterThanOrEqual(300);
      expect(count).toBeLessThanOrEqual(600);
      expect(article.tags.length).toBeGreaterThan(0);
      const sources = article.language === 'id' ? '## Sumber' : '## Sources';
      const at = article.body.lastIndexOf(sources);
      expect(at).toBeGreaterThan(0);
      // At least two reputable public sources are listed at the end.
      expect(article.body.slice(at).split('\n- ').length - 1).toBeGreaterThanOrEqual(2);
      expect(renderMarkdown(article.body)).toContain('<h2>');
    },
  );

  it('reads the front matter and refuses an article without it', () => {
    const a = parseArticleFile('x', 'id', '---\ntitle: Judul: baru\nsummary: Ringkas\ntags: A, b ,\n---\n\nIsi.\n');
    expect(a).toEqual({
      slug: 'x',
      language: 'id',
      title: 'Judul: baru',
      summary: 'Ringkas',
      tags: ['a', 'b'],
      body: 'Isi.',
    });
    expect(() => parseArticleFile('x', 'id', 'Isi saja')).toThrow(/front matter/);
    expect(() => parseArticleFile('x', 'id', '---\ntitle: T\n---\nIsi')).toThrow(/required/);
  });
});
