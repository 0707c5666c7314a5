import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../../i18n/locales.js';
import { LOCALES } from '../../../i18n/locales.js';

/**
 * The articles Teduh ships (docs/decisions/034-psycho-education-library.md): Markdown files in
 * `src/content/articles/<language>/NN-<slug>.md`, read once when first asked for. The number gives
 * the library's order; the slug is the article's id in both languages. The repository's root is
 * four folders above this file both in `src/` (tsx, tests) and in `dist/` (the built server), so
 * the same path finds the files in both.
 */
export const CONTENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'src',
  'content',
  'articles',
);

export interface BuiltinArticle {
  slug: string;
  language: Locale;
  title: string;
  summary: string;
  tags: string[];
  /** The Markdown body, front matter removed. */
  body: string;
}

const FILE = /^(\d{2})-([a-z0-9-]+)\.md$/;

/**
 * Reads the small front matter we use (`title:`, `summary:`, `tags:` as a comma list) and the body.
 * Not YAML: one `key: value` per line, nothing nested.
 */
export function parseArticleFile(slug: string, language: Locale, text: string): BuiltinArticle {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`article ${language}/${slug}: no front matter`);
  const fields = new Map<string, string>();
  for (const line of (match[1] as string).split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const title = fields.get('title');
  const summary = fields.get('summary');
  const tags = (fields.get('tags') ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (!title || !summary || tags.length === 0)
    throw new Error(`article ${language}/${slug}: title, summary and tags are required`);
  return { slug, language, title, summary, tags, body: (match[2] as string).trim() };
}

/** Every built-in article of one language, in the library's order. */
export function readBuiltinArticles(language: Locale, dir = CONTENT_DIR): BuiltinArticle[] {
  const folder = path.join(dir, language);
  return fs
    .readdirSync(folder)
    .filter((name) => FILE.test(name))
    .sort()
    .map((name) => {
      const slug = (FILE.exec(name) as RegExpExecArray)[2] as string;
      return parseArticleFile(slug, language, fs.readFileSync(path.join(folder, name), 'utf8'));
    });
}

/** Both languages, read once per process. */
let cache: Record<Locale, BuiltinArticle[]> | null = null;
export function builtinArticles(): Record<Locale, BuiltinArticle[]> {
  cache ??= Object.fromEntries(LOCALES.map((l) => [l, readBuiltinArticles(l)])) as Record<Locale, BuiltinArticle[]>;
  return cache;
}
