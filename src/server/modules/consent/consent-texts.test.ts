import { describe, expect, it } from 'vitest';
import {
  CONSENT_KINDS,
  CONSENT_TEXT_HASHES,
  CURRENT_CONSENT_TEXT,
  consentTextKey,
} from '../../../domain/consent/consent.js';
import { catalogs } from '../../../i18n/catalog.js';
import { textHash } from './consent.service.js';

/** The words of a version in a language, from the `consent` message area. */
function words(locale: 'id' | 'en', version: string): string | undefined {
  const path = consentTextKey(version).split('.');
  let node: unknown = catalogs[locale].consent;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

describe('consent text versions (docs/decisions/042-counselling-consent.md)', () => {
  it('every kind has a current version with words in both languages', () => {
    for (const kind of CONSENT_KINDS) {
      const version = CURRENT_CONSENT_TEXT[kind];
      expect(version.startsWith(`consent.${kind}.v`)).toBe(true);
      expect(words('id', version)?.length).toBeGreaterThan(100);
      expect(words('en', version)?.length).toBeGreaterThan(100);
    }
  });

  it('the pinned hashes are the words’ — change the words, and you must add a new version', () => {
    for (const [version, hashes] of Object.entries(CONSENT_TEXT_HASHES)) {
      expect(textHash(words('id', version) ?? ''), `${version} (id)`).toBe(hashes.id);
      expect(textHash(words('en', version) ?? ''), `${version} (en)`).toBe(hashes.en);
    }
  });
});
