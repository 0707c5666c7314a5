import { describe, expect, it } from 'vitest';
import {
  canMove,
  destinationsFor,
  expiresOn,
  expiresSoon,
  expiryOf,
  isOpen,
  nextStatuses,
  normalizeBpjsNumber,
  printableFields,
  STATUSES,
  type ReferralStatus,
} from './referrals.js';

describe('expiry', () => {
  it.each([
    ['2026-12-03', '2027-03-03'],
    ['2026-11-30', '2027-02-28'],
    ['2027-12-01', '2028-02-29'], // a leap year
    ['2026-01-01', '2026-04-01'],
  ])('a letter of %s is valid to %s', (issued, last) => {
    expect(expiresOn(issued)).toBe(last);
  });

  it.each([
    ['2027-03-03', '2026-12-30', { kind: 'valid', daysLeft: 63 }],
    ['2027-03-03', '2027-03-02', { kind: 'valid', daysLeft: 1 }],
    ['2027-03-03', '2027-03-03', { kind: 'expires_today' }],
    ['2027-03-03', '2027-03-04', { kind: 'expired' }],
    ['2027-03-03', '2028-01-01', { kind: 'expired' }],
  ] as const)('valid to %s, seen on %s: %o', (expires, today, expected) => {
    expect(expiryOf(expires, today)).toEqual(expected);
  });

  it('counts across the change of a month and a year without an hour lost', () => {
    expect(expiryOf(expiresOn('2026-12-03'), '2026-12-03')).toEqual({ kind: 'valid', daysLeft: 90 });
  });

  it.each([
    [{ kind: 'valid', daysLeft: 15 }, false],
    [{ kind: 'valid', daysLeft: 14 }, true],
    [{ kind: 'expires_today' }, true],
    [{ kind: 'expired' }, false],
  ] as const)('%o is about to lapse: %s', (expiry, soon) => {
    expect(expiresSoon(expiry)).toBe(soon);
  });
});

describe('status', () => {
  const allowed: Array<[ReferralStatus, ReferralStatus]> = [
    ['prepared', 'given'],
    ['prepared', 'cancelled'],
    ['given', 'visited'],
    ['given', 'closed'],
    ['given', 'cancelled'],
    ['visited', 'closed'],
  ];
  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(allowed.some(([a, b]) => a === from && b === to));
  });

  it('closed and cancelled are done', () => {
    expect(isOpen('closed')).toBe(false);
    expect(isOpen('cancelled')).toBe(false);
    expect(isOpen('visited')).toBe(true);
    expect(nextStatuses('prepared')).toEqual(['given', 'cancelled']);
  });
});

describe('who writes to where', () => {
  it('sends a letter the person writes to their primary facility only', () => {
    expect(destinationsFor('client')).toEqual(['puskesmas', 'klinik_pratama']);
    expect(destinationsFor('counsellor')).toContain('rs_psikiater');
  });
});

describe('what prints', () => {
  const present = { name: true, birth_date: true, bpjs_number: false, summary: true, scores: true };
  it('prints approved fields that exist, in letter order', () => {
    expect(printableFields(['scores', 'name', 'bpjs_number'], present)).toEqual(['name', 'scores']);
    expect(printableFields([], present)).toEqual([]);
  });
});

describe('BPJS card number', () => {
  it.each([
    ['0001234567890', '0001234567890'],
    ['0001 2345 6789 0', '0001234567890'],
    ['0001-2345-67890', '0001234567890'],
    ['000123456789', null],
    ['00012345678901', null],
    ['000123456789a', null],
  ])('%s → %s', (input, out) => {
    expect(normalizeBpjsNumber(input)).toBe(out);
  });
});
