import { describe, expect, it } from 'vitest';
import { catalogs } from './catalog.js';
import { localeFromAcceptLanguage } from './locales.js';
import { flattenKeys, type MessageTree } from './shape.js';
import { formatDateTime, formatNumber } from './format.js';

describe('message catalog', () => {
  const id = flattenKeys(catalogs.id as unknown as MessageTree);
  const en = flattenKeys(catalogs.en as unknown as MessageTree);

  it('has every Indonesian key in English and no English key missing in Indonesian', () => {
    expect(en.filter((k) => !id.includes(k))).toEqual([]);
    expect(id.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('has no empty messages', () => {
    for (const locale of ['id', 'en'] as const) {
      const tree = catalogs[locale] as unknown as MessageTree;
      const empty = flattenKeys(tree).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as MessageTree)[part], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, `${locale} has empty messages`).toEqual([]);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (tree: MessageTree, key: string) =>
      [...String(key.split('.').reduce<unknown>((n, p) => (n as MessageTree)[p], tree)).matchAll(/\{\{(\w+)\}\}/g)]
        .map((m) => m[1])
        .sort();
    for (const key of id) {
      expect(vars(catalogs.en as unknown as MessageTree, key), key).toEqual(
        vars(catalogs.id as unknown as MessageTree, key),
      );
    }
  });
});

describe('locale negotiation and formats', () => {
  it('prefers Indonesian and honours q-values', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('id');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.5,id;q=0.8')).toBe('id');
    expect(localeFromAcceptLanguage('ms-MY')).toBe('id');
    expect(localeFromAcceptLanguage('de-DE')).toBe('id');
  });

  it('formats Indonesian dates and numbers, in the unit’s time zone', () => {
    const iso = '2026-11-22T07:30:00.000Z';
    expect(formatDateTime(iso, 'id', 'Asia/Jakarta')).toBe('22 November 2026 pukul 14.30 WIB');
    expect(formatDateTime(iso, 'id', 'Asia/Makassar')).toBe('22 November 2026 pukul 15.30 WITA');
    expect(formatDateTime(iso, 'id', 'Asia/Jayapura')).toBe('22 November 2026 pukul 16.30 WIT');
    expect(formatDateTime(iso, 'en', 'Asia/Jayapura')).toContain('16:30 WIT');
    expect(formatNumber(1234567.5, 'id')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });
});

describe('consent purposes on the privacy page', () => {
  it('names every purpose a consent record can be stored under, so none shows as a code word', async () => {
    const { CONSENT_PURPOSES } = await import('../domain/data-rights/purposes.js');
    // The records a self-check stores (with or without the outreach notice) besides the standing purposes.
    const stored = [...CONSENT_PURPOSES, 'self_assessment', 'self_assessment_outreach'];
    for (const locale of ['id', 'en'] as const) {
      const named = Object.keys(catalogs[locale].profile.privacy.consents.purposes);
      expect(
        stored.filter((p) => !named.includes(p)),
        locale,
      ).toEqual([]);
    }
  });
});
