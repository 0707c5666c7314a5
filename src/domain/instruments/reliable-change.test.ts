import { describe, expect, it } from 'vitest';
import {
  changeBetween,
  inClinicalRange,
  reliableChange,
  reliableChangeIndex,
  smallestReliableChange,
} from './reliable-change.js';

describe('the Jacobson–Truax derivation of the thresholds', () => {
  it.each([
    // PHQ-9: α 0.89 (Kroenke 2001), SD ≈ 6 → 5.5 points → a whole-point change of 6.
    { measure: 'phq9', sd: 6, r: 0.89, points: 6 },
    // GAD-7: α 0.92 (Spitzer 2006), SD ≈ 5 → 3.9 points → a whole-point change of 4.
    { measure: 'gad7', sd: 5, r: 0.92, points: 4 },
  ])('$measure: SD $sd, r $r gives $points whole points', ({ sd, r, points }) => {
    expect(Math.ceil(smallestReliableChange(sd, r))).toBe(points);
  });

  it('the index crosses 1.96 exactly at the smallest reliable change', () => {
    const d = smallestReliableChange(6, 0.89);
    expect(reliableChangeIndex(20, 20 - d, 6, 0.89)).toBeCloseTo(-1.96, 10);
    expect(reliableChangeIndex(10, 10, 6, 0.89)).toBe(0);
  });
});

describe('reliable change between two totals', () => {
  it.each([
    ['phq9', 18, 12, 'improved'],
    ['phq9', 18, 13, 'no_reliable_change'],
    ['phq9', 8, 14, 'deteriorated'],
    ['phq9', 8, 13, 'no_reliable_change'],
    ['phq9', 10, 10, 'no_reliable_change'],
    ['gad7', 14, 10, 'improved'],
    ['gad7', 14, 11, 'no_reliable_change'],
    ['gad7', 5, 9, 'deteriorated'],
    ['gad7', 5, 8, 'no_reliable_change'],
  ] as const)('%s %i → %i is %s', (instrument, before, after, expected) => {
    expect(reliableChange(instrument, before, after)).toBe(expected);
  });

  it.each([
    ['phq9', 9, false],
    ['phq9', 10, true],
    ['gad7', 9, false],
    ['gad7', 10, true],
  ] as const)('%s %i in the clinical range: %s', (instrument, total, expected) => {
    expect(inClinicalRange(instrument, total)).toBe(expected);
  });

  it('calls reliable improvement across the cut-off recovery, and nothing else', () => {
    expect(changeBetween('phq9', 16, 8)).toEqual({ delta: -8, change: 'improved', recovered: true });
    expect(changeBetween('phq9', 22, 14)).toEqual({ delta: -8, change: 'improved', recovered: false });
    expect(changeBetween('phq9', 12, 8)).toEqual({ delta: -4, change: 'no_reliable_change', recovered: false });
    expect(changeBetween('gad7', 8, 14)).toEqual({ delta: 6, change: 'deteriorated', recovered: false });
  });
});
