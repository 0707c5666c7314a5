import { describe, expect, it } from 'vitest';
import { DEFAULT_HELP_CONTACTS, isReachableContact } from './help-contacts.js';

describe('a help contact must be reachable', () => {
  it('takes a phone number or a website', () => {
    expect(isReachableContact({ kind: 'clinic', phone: '0274 123 456', url: null })).toBe(true);
    expect(isReachableContact({ kind: 'crisis_line', phone: null, url: 'https://healing119.id' })).toBe(true);
  });

  it('refuses a contact with neither, empty or missing alike', () => {
    expect(isReachableContact({ kind: 'counselling', phone: null, url: null })).toBe(false);
    expect(isReachableContact({ kind: 'other', phone: '', url: '' })).toBe(false);
    expect(isReachableContact({ kind: 'emergency' })).toBe(false);
  });

  it('lets a hospital go without either: people find it by its address', () => {
    expect(isReachableContact({ kind: 'hospital', phone: null, url: null })).toBe(true);
  });

  it('holds for every national default', () => {
    for (const c of DEFAULT_HELP_CONTACTS) expect(isReachableContact(c), c.preset).toBe(true);
  });
});
