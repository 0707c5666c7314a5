import ExcelJS from 'exceljs';
import type { CampaignExportFormat, CampaignStats } from '../../../contracts/campaigns.js';
import { agencyDistribution, unitsNeedingAttention } from '../../../domain/anonymity/campaign-report.js';
import { distributionBands } from '../../../domain/anonymity/distribution-bands.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translator.js';
import { renderPdf } from './campaign-report-pdf.js';

/**
 * The campaign report as a file (decision 024). Both formats are drawn from one model built from
 * the very CampaignStats the page shows — the same stored publication, the same suppression — so
 * a file can hold no value the screen withholds: a withheld cell is "—" in both.
 */
export const WITHHELD = '—';

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export interface ReportInput {
  stats: CampaignStats;
  /** The agency's name, printed above the title. */
  agency: string;
  campaign: { title: string; opensOn: string; closesOn: string; instrumentIds: readonly InstrumentId[] };
  locale: Locale;
  timeZone: string;
  now: string;
  t: Translate;
}

/** A cell of the report: a count, a percentage (0–100), text, or withheld. */
export type Cell = number | string | null;

export interface ReportModel {
  title: string;
  lines: string[];
  /** The same facts as `lines`, one by one, for the printed page. */
  facts: { agency: string; window: string; stamp: string; status: string; legend: string; generated: string };
  /** Instrument groups of the unit table: the first four columns are the unit's, then each instrument's. */
  groups: Array<{ label: string; columns: number }>;
  summary: Array<[string, string]>;
  distribution: Array<{ heading: string; rows: Array<[string, Cell, Cell]> }>;
  attentionTitle: string;
  attention: string[];
  header: string[];
  rows: Array<{ depth: number; cells: Cell[] }>;
  previous: { heading: string; header: string[]; rows: Array<{ depth: number; cells: Cell[] }> } | null;
}

function bandLabel(t: Translate, locale: Locale, instrumentId: InstrumentId, band: string): string {
  if (instrumentId === 'cbi') return t(`assessments.cbi.band4.${band}`);
  return INSTRUMENTS[instrumentId].bands.find((b) => b.code === band)?.label[locale] ?? band;
}

const rate = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** The report's content, in the reader's language: what both the XLSX and the PDF print. */
export function reportModel(input: ReportInput): ReportModel {
  const { stats, campaign, locale, timeZone, t } = input;
  const k = stats.threshold;
  const pct = (n: number) => `${formatNumber(n, locale, { maximumFractionDigits: 1 })}%`;
  const instruments = campaign.instrumentIds.map((id) => ({ instrumentId: id, bands: distributionBands(id) }));
  const invited = stats.units
    .filter((u) => u.parentId === null || !stats.units.some((p) => p.unitId === u.parentId))
    .reduce((sum, u) => sum + u.invited, 0);
  const stamp = t(stats.status === 'closed' ? 'campaigns.report.stamp_closed' : 'campaigns.report.stamp_open', {
    date: formatDateTime(stats.publishedAt, locale, timeZone),
    k,
  });
  const window = t('campaigns.report.file_window', {
    from: formatDate(`${campaign.opensOn}T12:00:00.000Z`, locale, 'UTC'),
    to: formatDate(`${campaign.closesOn}T12:00:00.000Z`, locale, 'UTC'),
  });
  const legend = t('campaigns.report.file_withheld', { k });
  const generated = t('campaigns.report.file_generated', { date: formatDateTime(input.now, locale, timeZone) });
  const header = [
    t('campaigns.report.file_unit'),
    t('campaigns.stats.invited'),
    t('campaigns.stats.participated'),
    `${t('campaigns.stats.rate')} (%)`,
    ...instruments.flatMap((i) => [
      `${INSTRUMENTS[i.instrumentId].abbreviation} · ${t('campaigns.stats.respondents')}`,
      ...i.bands.map((b) => `${INSTRUMENTS[i.instrumentId].abbreviation} · ${bandLabel(t, locale, i.instrumentId, b)}`),
    ]),
  ];
  const names = new Map(stats.units.map((u) => [u.unitId, u.unitName]));
  const rows = stats.units.map((u) => ({
    depth: u.depth,
    cells: [
      u.unitName,
      u.invited,
      u.participated,
      u.participationRate,
      ...instruments.flatMap((i) => {
        const cell = u.instruments.find((x) => x.instrumentId === i.instrumentId);
        return [cell?.respondents ?? null, ...i.bands.map((b) => cell?.bands.find((x) => x.band === b)?.count ?? null)];
      }),
    ] as Cell[],
  }));
  const distribution = agencyDistribution(stats.units, instruments).map((d) => ({
    heading: `${INSTRUMENTS[d.instrumentId as InstrumentId].abbreviation} · ${t('campaigns.stats.respondents')}: ${
      d.respondents === null ? WITHHELD : formatNumber(d.respondents, locale)
    }`,
    rows: d.bands.map(
      (b) =>
        [bandLabel(t, locale, d.instrumentId as InstrumentId, b.band), b.count, rate(b.count, d.respondents)] as [
          string,
          Cell,
          Cell,
        ],
    ),
  }));
  const attention = unitsNeedingAttention(stats.units, instruments).map((a) =>
    t('campaigns.report.attention_item', {
      unit: names.get(a.unitId) ?? '',
      name: INSTRUMENTS[a.instrumentId as InstrumentId].abbreviation,
      share: pct(a.share * 100),
      overall: pct(a.overall * 100),
    }),
  );
  const previous = stats.previous;
  return {
    title: t('campaigns.report.file_title', { title: campaign.title }),
    lines: [window, stamp, t('campaigns.report.file_threshold', { k }), legend, generated],
    facts: {
      agency: input.agency,
      window,
      stamp: t('campaigns.report.file_stamp', { date: formatDateTime(stats.publishedAt, locale, timeZone), k }),
      status: t(stats.status === 'closed' ? 'campaigns.report.file_final' : 'campaigns.report.file_next', { k }),
      legend,
      generated,
    },
    groups: instruments.map((i) => ({
      label: INSTRUMENTS[i.instrumentId].abbreviation,
      columns: 1 + i.bands.length,
    })),
    summary: [
      [
        t('campaigns.report.participation'),
        stats.responses === null
          ? t('campaigns.report.participation_withheld')
          : `${t('campaigns.report.participation_value', { answered: formatNumber(stats.responses, locale), invited: formatNumber(invited, locale) })} (${pct(rate(stats.responses, invited) ?? 0)})`,
      ],
    ],
    distribution,
    attentionTitle: t('campaigns.report.attention_title'),
    attention: [
      t('campaigns.report.attention_definition_short'),
      ...(attention.length ? attention : [t('campaigns.report.attention_none')]),
    ],
    header,
    rows,
    previous: previous
      ? {
          heading: t('campaigns.report.previous_lead', {
            title: previous.title,
            date: formatDateTime(previous.publishedAt, locale, timeZone),
          }),
          header: header.filter((_, i) => i !== 1),
          rows: stats.units.flatMap((u) => {
            const p = previous.units.find((x) => x.unitId === u.unitId);
            if (!p) return [];
            return [
              {
                depth: u.depth,
                cells: [
                  u.unitName,
                  p.participated,
                  p.participationRate,
                  ...instruments.flatMap((i) => {
                    const cell = p.instruments.find((x) => x.instrumentId === i.instrumentId);
                    return [
                      cell?.respondents ?? null,
                      ...i.bands.map((b) => cell?.bands.find((x) => x.band === b)?.count ?? null),
                    ];
                  }),
                ] as Cell[],
              },
            ];
          }),
        }
      : null,
  };
}

const fileStem = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60) || 'kampanye';

export async function renderReport(input: ReportInput, format: CampaignExportFormat): Promise<ReportFile> {
  const model = reportModel(input);
  const stem = `teduh-laporan-${fileStem(input.campaign.title)}`;
  if (format === 'xlsx')
    return {
      fileName: `${stem}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await renderXlsx(model, input.t),
    };
  return {
    fileName: `${stem}.pdf`,
    contentType: 'application/pdf',
    body: await renderPdf(model, input.locale, input.t, WITHHELD),
  };
}

const xlsxCell = (c: Cell): string | number => (c === null ? WITHHELD : c);

async function renderXlsx(model: ReportModel, t: Translate): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Teduh';
  const summary = book.addWorksheet(t('campaigns.report.file_summary_sheet'));
  summary.getColumn(1).width = 48;
  summary.getColumn(2).width = 16;
  summary.getColumn(3).width = 12;
  summary.addRow([model.title]).font = { bold: true, size: 14 };
  for (const line of model.lines) summary.addRow([line]);
  summary.addRow([]);
  for (const [label, value] of model.summary) summary.addRow([label, value]);
  for (const d of model.distribution) {
    summary.addRow([]);
    summary.addRow([d.heading]).font = { bold: true };
    summary.addRow([
      t('campaigns.report.file_band'),
      t('campaigns.report.file_count'),
      `${t('campaigns.report.file_share')} (%)`,
    ]);
    for (const [label, count, share] of d.rows) summary.addRow([label, xlsxCell(count), xlsxCell(share)]);
  }
  summary.addRow([]);
  summary.addRow([model.attentionTitle]).font = { bold: true };
  for (const line of model.attention) summary.addRow([line]);

  const table = (name: string, header: string[], rows: ReportModel['rows']) => {
    const sheet = book.addWorksheet(name);
    sheet.addRow(header).font = { bold: true };
    sheet.getColumn(1).width = 44;
    for (let i = 2; i <= header.length; i++) sheet.getColumn(i).width = 14;
    for (const r of rows) {
      const row = sheet.addRow(r.cells.map(xlsxCell));
      row.getCell(1).alignment = { indent: r.depth };
    }
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  };
  table(t('campaigns.report.file_units_sheet'), model.header, model.rows);
  if (model.previous) {
    table(t('campaigns.report.file_previous_sheet'), model.previous.header, model.previous.rows);
    book.getWorksheet(t('campaigns.report.file_previous_sheet'))?.insertRow(1, [model.previous.heading]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
