import { describe, expect, it } from 'vitest';
import { normalizeText, prepareArticle, readingMinutes, scoreArticle, searchArticles, wordsOf } from './search.js';

const sleep = {
  title: 'Tidur yang memulihkan',
  summary: 'Kebiasaan kecil agar tidur lebih nyenyak.',
  tags: ['tidur', 'kebiasaan'],
  body: 'Lampu kamar diredupkan satu jam sebelum tidur. Kafein sebaiknya dihindari sore hari.',
};
const help = {
  title: 'Mencari bantuan: Puskesmas, BPJS dan EAP',
  summary: 'Langkah demi langkah ke psikolog atau psikiater.',
  tags: ['bantuan', 'rujukan'],
  body: 'Mulailah dari Puskesmas tempat Anda terdaftar. Tidur yang terganggu juga alasan yang sah.',
};
const café = { title: 'Rehat di café', summary: '', tags: [], body: 'Istirahat sejenak.' };
const all = [sleep, help, café];
const search = (q: string) => searchArticles(all, prepareArticle, q).map((a) => a.title);

describe('library search', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizeText('  Café, STRES!  ')).toBe('cafe stres');
    expect(search('CAFE')).toEqual(['Rehat di café']);
    expect(search('puskesmas')).toEqual([help.title]);
  });

  it('matches the start of a word, not its middle', () => {
    expect(search('tid')).toEqual([sleep.title, help.title]);
    expect(search('psikiat')).toEqual([help.title]);
    expect(search('idur')).toEqual([]);
  });

  it('needs every word of the query, in any order', () => {
    expect(search('bpjs puskesmas')).toEqual([help.title]);
    expect(search('tidur bpjs')).toEqual([help.title]);
    expect(search('tidur xyz')).toEqual([]);
  });

  it('ranks a title or tag match above a body match', () => {
    // "tidur" is in the title and tags of the sleep article, only in the body of the help article.
    expect(search('tidur')).toEqual([sleep.title, help.title]);
    expect(scoreArticle(prepareArticle(sleep), ['tidur'])).toBeGreaterThan(
      scoreArticle(prepareArticle(help), ['tidur']),
    );
  });

  it('keeps the whole library, in order, for an empty query', () => {
    expect(search('   ')).toEqual(all.map((a) => a.title));
    expect(search('?!')).toEqual(all.map((a) => a.title));
  });

  it('uses at most eight distinct words of a query', () => {
    expect(wordsOf('a b c d e f g h i j', 8)).toHaveLength(8);
    expect(wordsOf('tidur Tidur TIDUR')).toEqual(['tidur']);
  });

  it('counts reading time at 200 words a minute, at least one', () => {
    expect(readingMinutes('satu dua')).toBe(1);
    expect(readingMinutes(Array.from({ length: 500 }, () => 'kata').join(' '))).toBe(3);
  });
});
