// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { catalogs } from '../i18n/catalog.js';
import { i18n, loadAreas, loadLanguage } from './i18n.js';

describe('the web app loads its messages area by area', () => {
  it("starts with only what every page's frame needs, in Indonesian", () => {
    const first = Object.keys(i18n.getResourceBundle('id', 'translation') as object).sort();
    expect(first).toEqual(['common', 'shell']);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
  });

  it('loads the areas a page names, and only those', async () => {
    await loadAreas('id', ['home', 'validation']);
    const areas = Object.keys(i18n.getResourceBundle('id', 'translation') as object).sort();
    expect(areas).toEqual(['common', 'home', 'shell', 'validation']);
    expect(i18n.t('home.employee.title')).toBe(catalogs.id.home.employee.title);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
  });

  it('then has every area of the catalog but the emails, word for word, in both languages', async () => {
    await Promise.all([loadLanguage('id'), loadLanguage('en')]);
    for (const locale of ['id', 'en'] as const) {
      const { email: _emails, ...expected } = catalogs[locale];
      expect(i18n.getResourceBundle(locale, 'translation')).toEqual(expected);
    }
  });

  it('switches language only once the new language is there', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('shell.sign_out')).toBe(catalogs.en.shell.sign_out);
    await i18n.changeLanguage('id');
  });
});
