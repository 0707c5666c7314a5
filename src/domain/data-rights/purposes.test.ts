import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, isPurposeOn, isStandingPurpose, purposeOfRecord, recordsOfPurpose } from './purposes.js';

describe('consent purposes', () => {
  it('files every self-check consent, with or without the outreach notice, under storing results', () => {
    expect(purposeOfRecord('self_assessment')).toBe('store_results');
    expect(purposeOfRecord('self_assessment_outreach')).toBe('store_results');
    expect(purposeOfRecord('share_result')).toBe('share_result');
    expect(purposeOfRecord('something_else')).toBeNull();
  });

  it('withdraws every record that belongs to a purpose and no other', () => {
    for (const purpose of CONSENT_PURPOSES) {
      for (const record of recordsOfPurpose(purpose)) expect(purposeOfRecord(record)).toBe(purpose);
    }
    expect(recordsOfPurpose('email_notifications')).toEqual(['email_notifications']);
  });

  it('is on until the person withdraws, and off once they do', () => {
    expect(isPurposeOn(undefined)).toBe(true);
    expect(isPurposeOn({ granted: 0 })).toBe(false);
    expect(isPurposeOn({ granted: 1 })).toBe(true);
    expect(isStandingPurpose('share_result')).toBe(false);
    expect(isStandingPurpose('store_results')).toBe(true);
  });
});
