import { describe, expect, it } from 'vitest';
import { memberBands } from './member-bands.js';

const TODAY = new Date('2026-12-04T03:00:00Z');

describe('age and service bands from the NIP', () => {
  it('reads a PNS NIP: born 26 September 1986, appointed May 2015', () => {
    expect(memberBands('198609262015051001', 'pns', TODAY)).toEqual({ ageBand: '40-49', serviceBand: '5-14' });
  });

  it('counts a birthday not yet reached this year', () => {
    // Born 5 December 1996: 29 on 4 December 2026, 30 the next day.
    expect(memberBands('199612052020121002', 'pns', TODAY).ageBand).toBe('<30');
    expect(memberBands('199612052020121002', 'pns', new Date('2026-12-05T00:00:00Z')).ageBand).toBe('30-39');
  });

  it('reads a PPPK number from its year of appointment', () => {
    expect(memberBands('198001012022212001', 'pppk', TODAY)).toEqual({ ageBand: '40-49', serviceBand: '<5' });
  });

  it('long service and age at the top bands', () => {
    expect(memberBands('196805171990031004', 'pns', TODAY)).toEqual({ ageBand: '50+', serviceBand: '25+' });
  });

  it('no NIP, a non-ASN or a NIP that does not parse: unknown', () => {
    const unknown = { ageBand: 'unknown', serviceBand: 'unknown' };
    expect(memberBands(null, 'pns', TODAY)).toEqual(unknown);
    expect(memberBands('198609262015051001', 'non_asn', TODAY)).toEqual(unknown);
    expect(memberBands('198613262015051001', 'pns', TODAY)).toEqual(unknown);
  });
});
