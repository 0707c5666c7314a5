import { describe, expect, it } from 'vitest';
import {
  consentExpiresAt,
  consentStatusAt,
  consentTextKey,
  isConsentActiveAt,
  kindOfVersion,
  revokeConsent,
} from './consent.js';

const GRANTED = '2026-11-23T02:00:00.000Z';
const EXPIRES = '2027-05-23T02:00:00.000Z';

describe('when a consent ends', () => {
  it.each([
    [GRANTED, 6, EXPIRES],
    [GRANTED, 3, '2027-02-23T02:00:00.000Z'],
    [GRANTED, 12, '2027-11-23T02:00:00.000Z'],
    ['2026-08-31T10:00:00.000Z', 6, '2027-02-28T10:00:00.000Z'],
    ['2027-08-31T10:00:00.000Z', 6, '2028-02-29T10:00:00.000Z'],
    ['2026-10-31T23:30:00.000Z', 3, '2027-01-31T23:30:00.000Z'],
  ])('granted %s for %i months ends %s', (granted, months, expected) => {
    expect(consentExpiresAt(granted, months)).toBe(expected);
  });
});

describe('whether a consent is active', () => {
  const c = { grantedAt: GRANTED, expiresAt: EXPIRES, revokedAt: null };
  it.each([
    ['2026-11-23T01:59:59.999Z', 'not_yet'],
    [GRANTED, 'active'],
    ['2027-05-23T01:59:59.999Z', 'active'],
    [EXPIRES, 'expired'],
    ['2028-01-01T00:00:00.000Z', 'expired'],
  ])('at %s it is %s', (at, status) => {
    expect(consentStatusAt(c, at)).toBe(status);
    expect(isConsentActiveAt(c, at)).toBe(status === 'active');
  });

  it('is revoked from the instant of revocation on', () => {
    const revoked = { ...c, revokedAt: '2026-12-01T00:00:00.000Z' };
    expect(consentStatusAt(revoked, '2026-11-30T23:59:59.999Z')).toBe('active');
    expect(consentStatusAt(revoked, '2026-12-01T00:00:00.000Z')).toBe('revoked');
    expect(consentStatusAt(revoked, '2028-01-01T00:00:00.000Z')).toBe('revoked');
  });

  it('stays expired when revoked after it had expired', () => {
    expect(consentStatusAt({ ...c, revokedAt: '2027-06-01T00:00:00.000Z' }, '2027-07-01T00:00:00.000Z')).toBe(
      'expired',
    );
  });
});

describe('revoking', () => {
  const c = { grantedAt: GRANTED, expiresAt: EXPIRES, revokedAt: null };
  it('ends an active consent at that instant', () => {
    expect(revokeConsent(c, '2026-12-01T00:00:00.000Z')).toEqual({
      changed: true,
      revokedAt: '2026-12-01T00:00:00.000Z',
    });
  });
  it('leaves an ended consent as it was', () => {
    const revoked = { ...c, revokedAt: '2026-12-01T00:00:00.000Z' };
    expect(revokeConsent(revoked, '2026-12-02T00:00:00.000Z')).toEqual({
      changed: false,
      revokedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(revokeConsent(c, '2027-06-01T00:00:00.000Z')).toEqual({ changed: false, revokedAt: null });
  });
});

describe('text versions', () => {
  it('name their kind and their message key', () => {
    expect(kindOfVersion('consent.shared_results.v1')).toBe('shared_results');
    expect(kindOfVersion('consent.notes_transfer.v2')).toBe('notes_transfer');
    expect(kindOfVersion('share-result-1')).toBeUndefined();
    expect(consentTextKey('consent.check_in_trends.v1')).toBe('texts.check_in_trends.v1');
  });
});
