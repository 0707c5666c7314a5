import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './export-csv.js';

describe('CSV of the person’s own check-ins', () => {
  it.each([
    ['plain text is quoted', 'rapat', '"rapat"'],
    ['quotes are doubled', 'kata "lelah"', '"kata ""lelah"""'],
    ['a formula is defused', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['plus', '+1', '"\'+1"'],
    ['minus', '-2+3', '"\'-2+3"'],
    ['at', '@SUM(A1)', '"\'@SUM(A1)"'],
    ['tab', '\t=1', '"\'\t=1"'],
    ['carriage return', '\r=1', '"\'\r=1"'],
    ['a number stays a number', 3, '3'],
    ['null is empty', null, ''],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a BOM, a header and CRLF lines', () => {
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('\uFEFF"a","b"\r\n1,"x\ny"\r\n');
  });
});
