import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that pdfkit wrote with its standard fonts, page by page: content streams
 * inflated, each TJ's hex strings decoded (WinAnsi), one shown string per line. Enough to assert
 * what a generated letter says and, above all, what it does not.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  const object = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let m = object.exec(raw); m; m = object.exec(raw)) {
    const length = Number(/\/Length (\d+)/.exec(m[2] as string)?.[1]);
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, start + length);
    let ops: string;
    try {
      ops = /FlateDecode/.test(m[2] as string) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
    } catch {
      continue;
    }
    for (const tj of ops.matchAll(/\[([^\]]*)\] TJ/g)) {
      texts.push(
        [...(tj[1] as string).matchAll(/<([0-9a-f]*)>/g)]
          .map((h) => Buffer.from(h[1] as string, 'hex').toString('latin1'))
          .join('')
          .replace(/\x95/g, '•')
          .replace(/\x97/g, '—'),
      );
    }
  }
  return texts.join('\n');
}
