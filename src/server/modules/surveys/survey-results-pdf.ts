import PDFDocument from 'pdfkit';
import { formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translator.js';
import type { FileCell, FileTable, ResultsFileModel, WithheldReason } from './survey-results-file.js';

/**
 * A closed survey's results as a printed A4 document (docs/surveys.md#exports): the title and the
 * facts, then the tables the XLSX holds — the heat map of themes per unit, the earlier wave's, the
 * figures per question — with their header rows repeated on every page. It prints the model the
 * XLSX prints (survey-results-file.ts), so it holds no figure the screen withholds; a withheld
 * figure is "—" with a letter for its reason, the letters explained on the first page.
 * pdfkit's standard fonts, so nothing is fetched or embedded.
 */

const MARGIN = 40;
const FOOTER = 24;
const INK = '#1f2a2e';
const MUTED = '#5b6970';
const RULE = '#c9d3d6';
const SHADE = '#eef3f4';
const ACCENT = '#2f6f73';
const SIZE = 7.5;
const PAD = 3;
const INDENT = 7;

/** One letter per reason: short enough for a number column, explained in the legend. */
const REASON_MARK: Record<WithheldReason, string> = {
  below_threshold: 'a',
  complementary: 'b',
  depends_on_withheld: 'c',
  uniform: 'd',
};

type Doc = InstanceType<typeof PDFDocument>;
type Layout = 'portrait' | 'landscape';

export function renderResultsPdf(model: ResultsFileModel, locale: Locale, t: Translate): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: model.title, Creator: 'Teduh' },
    lang: locale,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const show = (c: FileCell): string =>
    typeof c === 'object'
      ? `— ${REASON_MARK[c.withheld]}`
      : typeof c === 'number'
        ? formatNumber(c, locale, { maximumFractionDigits: 2 })
        : c;

  const width = doc.page.width - 2 * MARGIN;
  doc.rect(0, 0, doc.page.width, 6).fill(ACCENT);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(18).text(model.title, MARGIN, MARGIN, { width });
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  for (const line of model.lines) doc.fillColor(INK).text(line, { width }).moveDown(0.3);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor(ACCENT).text(t('surveys.file.reasons'), { width });
  doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor(INK);
  for (const [reason, mark] of Object.entries(REASON_MARK))
    doc.text(`— ${mark}: ${t(`surveys.results.withheld.${reason}`, { k: model.threshold })}`, { width });

  drawTable(doc, t('surveys.file.heat_map'), model.themes, 'landscape', show, t);
  if (model.previous) drawTable(doc, model.previous.title, model.previous.table, 'landscape', show, t);
  drawTable(doc, t('surveys.file.questions_sheet'), model.questions, 'portrait', show, t);
  footers(doc, model.title);
  doc.end();
  return done;
}

/**
 * A table on pages of its own: the first column wide and wrapped, the number columns right-aligned.
 * The unit and question repeat in the XLSX on every row (so each row sorts alone); here a cell equal
 * to the one above it in the first two text columns is left blank, as a printed table reads.
 */
function drawTable(
  doc: Doc,
  title: string,
  table: FileTable,
  layout: Layout,
  show: (c: FileCell) => string,
  t: Translate,
): void {
  doc.addPage({ size: 'A4', margin: MARGIN, layout });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - FOOTER;
  const textColumns = table.rows[0]?.depth === null ? 3 : 1;
  const textShares = textColumns === 3 ? [0.2, 0.36, 0.18] : [0.22];
  const textWidth = textShares.map((s) => s * width);
  const numberCount = table.header.length - textColumns;
  const numberWidth = numberCount > 0 ? (width - textWidth.reduce((a, b) => a + b, 0)) / numberCount : 0;
  const widths = table.header.map((_, i) => textWidth[i] ?? numberWidth);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const drawHeader = (first: boolean) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor(ACCENT)
      .text(first ? title : `${title} ${t('surveys.file.continued')}`, left, MARGIN, { width });
    const y = doc.y + 6;
    doc.font('Helvetica-Bold').fontSize(SIZE);
    const height =
      Math.max(...table.header.map((h, i) => doc.heightOfString(h, { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
    doc.rect(left, y, width, height).fill(SHADE);
    doc.fillColor(INK);
    table.header.forEach((h, i) =>
      doc.text(h, (xs[i] ?? 0) + PAD, y + PAD, {
        width: (widths[i] ?? 0) - 2 * PAD,
        align: i < textColumns ? 'left' : 'right',
      }),
    );
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.8)
      .strokeColor(ACCENT)
      .stroke();
    return y + height;
  };

  let y = drawHeader(true);
  let above: FileCell[] = [];
  for (const row of table.rows) {
    const indent = row.depth === null ? 0 : Math.min(row.depth, 6) * INDENT;
    const texts = row.cells.map((c, i) =>
      i < Math.min(2, textColumns) && row.depth === null && c === above[i] && row.cells[0] === above[0] ? '' : show(c),
    );
    doc.font('Helvetica').fontSize(SIZE);
    const height =
      Math.max(
        ...texts.map((s, i) => doc.heightOfString(s, { width: (widths[i] ?? 0) - 2 * PAD - (i === 0 ? indent : 0) })),
      ) +
      2 * PAD;
    if (y + height > bottom) {
      doc.addPage({ size: 'A4', margin: MARGIN, layout });
      y = drawHeader(false);
    }
    texts.forEach((s, i) => {
      const withheld = typeof row.cells[i] === 'object';
      doc
        .font(i === 0 && row.depth === 0 ? 'Helvetica-Bold' : 'Helvetica')
        .fillColor(withheld ? MUTED : INK)
        .text(s, (xs[i] ?? 0) + PAD + (i === 0 ? indent : 0), y + PAD, {
          width: (widths[i] ?? 0) - 2 * PAD - (i === 0 ? indent : 0),
          align: i < textColumns ? 'left' : 'right',
        });
    });
    y += height;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    above = row.cells;
  }
  doc.x = left;
  doc.y = y;
}

/** The title and page numbers at the foot of every page, drawn once all pages exist. */
function footers(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    doc.text(title, MARGIN, y, { width: width - 60, lineBreak: false, ellipsis: true });
    doc.text(`${i + 1} / ${range.count}`, MARGIN + width - 60, y, { width: 60, align: 'right', lineBreak: false });
  }
}
