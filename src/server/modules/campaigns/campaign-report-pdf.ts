import PDFDocument from 'pdfkit';
import { formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translator.js';
import type { Cell, ReportModel } from './campaign-report-file.js';

/**
 * The campaign report as a printed A4 document (decision 024): a first page a BKPSDM officer can
 * file — agency, title, dates, the publication stamp, the summary — then the unit tree as a table
 * on landscape pages, its header row repeated on every page, long unit names wrapped, page numbers
 * at the foot. It prints the model the XLSX prints, so a withheld cell is the screen's mark here too.
 */

const MARGIN = 40;
const FOOTER = 28;
const INK = '#1f2a2e';
const MUTED = '#5b6970';
const RULE = '#c9d3d6';
const SHADE = '#eef3f4';
const ACCENT = '#2f6f73';
const ACCENT_SOFT = '#e3efef';

/** Narrowest a number column may be at the table's type size: "10.000" and "100%" fit with room. */
const MIN_COLUMN = 34;
const UNIT_COLUMN = 176;
const TABLE_SIZE = 7.5;
const INDENT = 7;
const PAD = 3;

type Doc = InstanceType<typeof PDFDocument>;

interface Column {
  label: string;
  /** Index of the value in a row's cells. */
  cell: number;
  isRate: boolean;
}

interface Part {
  groups: Array<{ label: string; from: number; to: number }>;
  columns: Column[];
}

export function renderPdf(model: ReportModel, locale: Locale, t: Translate, withheld: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: model.title, Author: model.facts.agency, Creator: 'Teduh' },
    lang: locale,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const number = (c: Cell, isRate = false): string =>
    c === null
      ? withheld
      : typeof c === 'number'
        ? `${formatNumber(c, locale, { maximumFractionDigits: 1 })}${isRate ? '%' : ''}`
        : c;

  firstPage(doc, model, t, number);
  const parts = tableParts(model, t('campaigns.stats.rate'));
  const table = (heading: string, lead: string, header: string[], rows: ReportModel['rows'], offset: number) => {
    parts.forEach((part, i) => {
      const title =
        parts.length > 1
          ? `${heading} · ${t('campaigns.report.file_part', { part: i + 1, parts: parts.length })}`
          : heading;
      drawTable(doc, {
        title,
        lead,
        header,
        rows,
        part,
        offset,
        number,
        legend: model.facts.legend,
        continued: t('campaigns.report.file_continued'),
      });
    });
  };
  table(t('campaigns.report.tree_title'), t('campaigns.report.file_tree_lead'), model.header, model.rows, 0);
  if (model.previous) {
    // The previous campaign's table has no "invited" column: its cells sit one to the left.
    table(t('campaigns.report.previous_title'), model.previous.heading, model.previous.header, model.previous.rows, -1);
  }
  footers(doc, model, t);
  doc.end();
  return done;
}

function firstPage(doc: Doc, model: ReportModel, t: Translate, number: (c: Cell, isRate?: boolean) => string): void {
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  doc.rect(0, 0, doc.page.width, 6).fill(ACCENT);
  doc
    .fillColor(MUTED)
    .font('Helvetica')
    .fontSize(9)
    .text(model.facts.agency.toUpperCase(), left, MARGIN, { width, characterSpacing: 0.6 });
  doc.moveDown(0.4).fillColor(INK).font('Helvetica-Bold').fontSize(18).text(model.title, { width });
  doc.moveDown(0.2).font('Helvetica').fontSize(10).fillColor(MUTED).text(model.facts.window, { width });

  // The publication stamp: when these figures were published and under which threshold.
  doc.moveDown(0.8);
  const stampTop = doc.y;
  const stampHeight =
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .heightOfString(model.facts.stamp, { width: width - 24 }) +
    doc
      .font('Helvetica')
      .fontSize(9)
      .heightOfString(model.facts.status, { width: width - 24 }) +
    18;
  doc.rect(left, stampTop, width, stampHeight).fillAndStroke(ACCENT_SOFT, ACCENT);
  doc.rect(left, stampTop, 4, stampHeight).fill(ACCENT);
  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(model.facts.stamp, left + 14, stampTop + 8, { width: width - 24 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(model.facts.status, { width: width - 24 });
  doc.x = left;
  doc.y = stampTop + stampHeight + 16;

  heading(doc, t('campaigns.report.summary_title'));
  for (const [label, value] of model.summary) {
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(label, left, doc.y, { width });
    doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(value, { width });
  }
  doc.moveDown(0.8);

  heading(doc, t('campaigns.report.agency_distribution'));
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(t('campaigns.report.agency_distribution_lead'), left, doc.y, { width });
  doc.moveDown(0.5);
  const cols = [
    { label: t('campaigns.report.file_band'), width: 170, align: 'left' as const },
    { label: t('campaigns.report.file_count'), width: 70, align: 'right' as const },
    { label: `${t('campaigns.report.file_share')}`, width: 70, align: 'right' as const },
  ];
  const barX = left + 170 + 70 + 70 + 16;
  const barWidth = left + width - barX;
  for (const d of model.distribution) {
    ensureRoom(doc, 18 + 16 * (d.rows.length + 1));
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(d.heading, left, doc.y, { width });
    doc.moveDown(0.3);
    let y = doc.y;
    let x = left;
    doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED);
    for (const c of cols) {
      doc.text(c.label, x + PAD, y + 3, { width: c.width - 2 * PAD, align: c.align });
      x += c.width;
    }
    y += 14;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    for (const [label, count, share] of d.rows) {
      x = left;
      doc.font('Helvetica').fontSize(9).fillColor(INK);
      const values = [label, number(count), share === null ? number(null) : number(share, true)];
      values.forEach((v, i) => {
        const c = cols[i] as (typeof cols)[number];
        doc.text(v, x + PAD, y + 4, { width: c.width - 2 * PAD, align: c.align });
        x += c.width;
      });
      if (typeof share === 'number' && barWidth > 40) {
        doc.rect(barX, y + 5, barWidth, 7).fill(SHADE);
        doc.rect(barX, y + 5, Math.max(0.5, (barWidth * Math.min(100, share)) / 100), 7).fill(ACCENT);
      }
      y += 16;
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(0.3)
        .strokeColor(RULE)
        .stroke();
    }
    doc.x = left;
    doc.y = y + 10;
  }

  ensureRoom(doc, 80);
  heading(doc, model.attentionTitle);
  const [definition, ...items] = model.attention;
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(definition ?? '', left, doc.y, { width });
  doc.moveDown(0.4).fillColor(INK).fontSize(10);
  for (const item of items) {
    ensureRoom(doc, 28);
    doc.text(`•  ${item}`, left + 6, doc.y, { width: width - 6, indent: 0 });
    doc.moveDown(0.2);
  }
  doc.moveDown(0.8);
  ensureRoom(doc, 40);
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(model.facts.legend, left, doc.y, { width });
  doc.moveDown(0.3).text(model.facts.generated, { width });
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 60);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT).text(text, MARGIN, doc.y, { width });
  doc.moveDown(0.3);
}

/** Starts a new page (same orientation) when fewer than `height` points are left above the footer. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - FOOTER)
    doc.addPage({ size: 'A4', margin: MARGIN, layout: pageLayout(doc) });
}

function pageLayout(doc: Doc): 'portrait' | 'landscape' {
  return doc.page.width > doc.page.height ? 'landscape' : 'portrait';
}

/**
 * The unit table's number columns, split into parts that fit a landscape page at a readable
 * size: the unit's own columns, then whole instruments, as many as fit; a campaign of many
 * instruments prints the tree again for the rest, the unit's columns repeated.
 */
export function tableParts(model: ReportModel, participation: string): Part[] {
  const available = 842 - 2 * MARGIN - UNIT_COLUMN;
  const maxColumns = Math.floor(available / MIN_COLUMN);
  // The unit's own columns under one heading ("Partisipasi"): invited, took part, and the rate as "%".
  const own: Column[] = [1, 2, 3].map((cell) => ({
    label: cell === 3 ? '%' : (model.header[cell] ?? ''),
    cell,
    isRate: cell === 3,
  }));
  const ownGroup = { label: participation, from: 0, to: own.length };
  const parts: Part[] = [];
  let current: Part = { groups: [ownGroup], columns: [...own] };
  let cell = 4;
  for (const group of model.groups) {
    const columns: Column[] = [];
    for (let i = 0; i < group.columns; i++, cell++) {
      const full = model.header[cell] ?? '';
      columns.push({
        label: full.startsWith(`${group.label} · `) ? full.slice(group.label.length + 3) : full,
        cell,
        isRate: false,
      });
    }
    if (current.groups.length > 1 && current.columns.length + columns.length > maxColumns) {
      parts.push(current);
      current = { groups: [ownGroup], columns: [...own] };
    }
    current.groups.push({
      label: group.label,
      from: current.columns.length,
      to: current.columns.length + columns.length,
    });
    current.columns.push(...columns);
  }
  parts.push(current);
  return parts;
}

function drawTable(
  doc: Doc,
  o: {
    title: string;
    lead: string;
    header: string[];
    rows: ReportModel['rows'];
    part: Part;
    offset: number;
    number: (c: Cell, isRate?: boolean) => string;
    legend: string;
    continued: string;
  },
): void {
  doc.addPage({ size: 'A4', margin: MARGIN, layout: 'landscape' });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - FOOTER;
  // The previous campaign has no "invited" column: drop it, and shift every cell by the offset.
  const columns = o.part.columns
    .filter((c) => !(o.offset < 0 && c.cell === 1))
    .map((c) => ({ ...c, cell: c.cell + o.offset, isRate: c.isRate }));
  const numberWidth = Math.min(54, (width - UNIT_COLUMN) / columns.length);
  const unitWidth = width - numberWidth * columns.length;
  const groupOffset = o.part.columns.length - columns.length;
  const x = (i: number) => left + unitWidth + i * numberWidth;

  const drawHeader = (first: boolean) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor(ACCENT)
      .text(first ? o.title : `${o.title} ${o.continued}`, left, MARGIN, { width });
    if (first) {
      doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(`${o.lead} ${o.legend}`, { width });
    }
    let y = doc.y + 6;
    // Instrument groups above their columns.
    doc.font('Helvetica-Bold').fontSize(TABLE_SIZE + 0.5);
    for (const g of o.part.groups) {
      // The previous campaign's table drops "invited": the first group loses that column.
      const start = g.from === 0 ? 0 : g.from - groupOffset;
      const from = x(start);
      const span = (g.to - groupOffset - start) * numberWidth;
      doc.rect(from + 1, y, span - 2, 13).fill(ACCENT_SOFT);
      doc.fillColor(INK).text(g.label, from, y + 3, { width: span, align: 'center' });
    }
    y += 15;
    doc.font('Helvetica-Bold').fontSize(TABLE_SIZE);
    const labels = [o.header[0] ?? '', ...columns.map((c) => c.label)];
    const height =
      Math.max(
        doc.heightOfString(labels[0] as string, { width: unitWidth - 2 * PAD }),
        ...columns.map((c) => doc.heightOfString(c.label, { width: numberWidth - 2 * PAD })),
      ) +
      2 * PAD;
    doc.rect(left, y, width, height).fill(SHADE);
    doc.fillColor(INK).text(labels[0] as string, left + PAD, y + PAD, { width: unitWidth - 2 * PAD });
    columns.forEach((c, i) => doc.text(c.label, x(i) + PAD, y + PAD, { width: numberWidth - 2 * PAD, align: 'right' }));
    y += height;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.8)
      .strokeColor(ACCENT)
      .stroke();
    return y;
  };

  let y = drawHeader(true);
  o.rows.forEach((row, n) => {
    const indent = Math.min(row.depth, 6) * INDENT;
    const name = o.number(row.cells[0] ?? null);
    const font = row.depth === 0 ? 'Helvetica-Bold' : 'Helvetica';
    doc.font(font).fontSize(TABLE_SIZE);
    const height = doc.heightOfString(name, { width: unitWidth - 2 * PAD - indent }) + 2 * PAD;
    if (y + height > bottom) {
      doc.addPage({ size: 'A4', margin: MARGIN, layout: 'landscape' });
      y = drawHeader(false);
    }
    if (n % 2 === 1) doc.rect(left, y, width, height).fill(SHADE);
    doc.font(font).fontSize(TABLE_SIZE).fillColor(INK);
    doc.text(name, left + PAD + indent, y + PAD, { width: unitWidth - 2 * PAD - indent });
    doc.font('Helvetica');
    columns.forEach((c, i) => {
      const value = row.cells[c.cell] ?? null;
      doc.fillColor(value === null ? MUTED : INK).text(o.number(value, c.isRate), x(i) + PAD, y + PAD, {
        width: numberWidth - 2 * PAD,
        align: 'right',
      });
    });
    y += height;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
  });
  doc.x = left;
  doc.y = y;
}

/** Page numbers and the report's title at the foot of every page, drawn once all pages exist. */
function footers(doc: Doc, model: ReportModel, t: Translate): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Text below the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 10;
    const width = doc.page.width - 2 * MARGIN;
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(MARGIN + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    doc.text(`${model.facts.agency} · ${model.title}`, MARGIN, y, {
      width: width - 110,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(
      t('campaigns.report.file_page', { page: i - range.start + 1, pages: range.count }),
      MARGIN + width - 110,
      y,
      {
        width: 110,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottomMargin;
  }
}
