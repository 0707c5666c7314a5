import { describe, expect, it } from 'vitest';
import { parseEmploymentType, parseTimeZone } from './spreadsheet-values.js';

describe('parseTimeZone', () => {
  it.each([
    ['WIB', 'Asia/Jakarta'],
    ['wita', 'Asia/Makassar'],
    [' Wit ', 'Asia/Jayapura'],
    ['Asia/Jakarta', 'Asia/Jakarta'],
    ['asia/makassar', 'Asia/Makassar'],
    ['ASIA/JAYAPURA', 'Asia/Jayapura'],
    ['Asia/Pontianak', 'Asia/Jakarta'],
  ])('reads %s as %s', (text, zone) => {
    expect(parseTimeZone(text)).toBe(zone);
  });

  it.each(['', 'GMT+7', 'Asia/Singapore', 'WITB', 'Jakarta'])('refuses %j', (text) => {
    expect(parseTimeZone(text)).toBeNull();
  });
});

describe('parseEmploymentType', () => {
  it.each([
    ['PNS', 'pns'],
    ['pns', 'pns'],
    ['Pppk', 'pppk'],
    ['NON_ASN', 'non_asn'],
    ['non-asn', 'non_asn'],
    ['Non ASN', 'non_asn'],
    ['nonasn', 'non_asn'],
  ])('reads %s as %s', (text, type) => {
    expect(parseEmploymentType(text)).toBe(type);
  });

  it.each(['', 'honorer', 'CPNS', 'P3K'])('refuses %j', (text) => {
    expect(parseEmploymentType(text)).toBeNull();
  });
});
