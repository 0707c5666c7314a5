import ExcelJS from 'exceljs';
import type { NodeResultView, ResultFigureView, SurveyResultsView } from '../../../contracts/surveys.js';
import { questionsOf, type LocalText, type SurveyDefinition } from '../../../domain/surveys/definition.js';
import { formulaSafe } from '../../../domain/insights/export-csv.js';
import { formatDateTime } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translator.js';
import { renderResultsPdf } from './survey-results-pdf.js';

/**
 * A closed survey's results as a file (docs/surveys.md#exports): one more view of the very cells
 * the results page shows — the same stored view, the viewer's scope, the same filter — laid out
 * once here as tables, which the XLSX and the PDF both print, so neither holds a value the screen
 * withholds: a withheld figure is "—" with its reason. The XLSX writes every text through
 * formulaSafe, so none can run as a formula when the file is opened; free text is never written.
 */
export const WITHHELD = '—';

export type WithheldReason = NonNullable<ResultFigureView['withheld']>;
/** A number, a text, nothing (''), or a withheld figure with the reason it is withheld. */
export type FileCell = string | number | { withheld: WithheldReason };
export interface FileRow {
  /** Depth in the unit tree for the first cell's indent; null for a row that is not a unit. */
  depth: number | null;
  cells: FileCell[];
}
export interface FileTable {
  header: string[];
  rows: FileRow[];
}

export interface ResultsFileModel {
  title: string;
  /** The anonymity threshold k the reasons for withheld figures speak of. */
  threshold: number;
  /** When computed, the filter, respondents of members, the "—" legend. */
  lines: string[];
  /** The heat map: a row per unit, the respondents and each theme's favourable share and score. */
  themes: FileTable;
  /** The same table of the earlier wave, as it published itself, when there is one. */
  previous: { title: string; table: FileTable } | null;
  /** Per unit and question: answered, each band or option, the favourable share and the mean. */
  questions: FileTable;
}

export interface ResultsFileInput {
  results: SurveyResultsView;
  definition: SurveyDefinition;
  locale: Locale;
  timeZone: string;
  t: Translate;
}

const percent = (share: ResultFigureView | undefined): FileCell =>
  !share || share.value === null
    ? { withheld: share?.withheld ?? 'below_threshold' }
    : Math.round(share.value * 1000) / 10;
const figure = (f: ResultFigureView | undefined, digits = 0): FileCell =>
  !f || f.value === null
    ? { withheld: f?.withheld ?? 'below_threshold' }
    : Math.round(f.value * 10 ** digits) / 10 ** digits;

export function resultsFileModel(input: ResultsFileInput): ResultsFileModel {
  const { results, definition, locale, t } = input;
  const text = (l: LocalText) => l[locale] || l.id;
  const nameOf = (n: NodeResultView) =>
    n.nodeId === results.total.nodeId ? t('surveys.file.whole_survey') : n.unitName;

  const themeTable = (nodes: readonly NodeResultView[]): FileTable => ({
    header: [
      t('surveys.file.unit'),
      t('surveys.file.members'),
      t('surveys.file.respondents_short'),
      ...definition.themes.flatMap((theme) => [
        `${text(theme.name)} · ${t('surveys.file.favourable')} (%)`,
        `${text(theme.name)} · ${t('surveys.file.score')}`,
      ]),
    ],
    rows: nodes.map((n) => ({
      depth: n === nodes[0] ? 0 : n.depth + 1,
      cells: [
        nameOf(n),
        n.members,
        figure(n.respondents),
        ...definition.themes.flatMap((theme): FileCell[] => {
          const r = n.themes.find((x) => x.themeId === theme.id);
          return [percent(r?.favourableShare), figure(r?.score, 1)];
        }),
      ],
    })),
  });

  const byId = new Map(questionsOf(definition).map((q) => [q.id, q]));
  const questionRows: FileRow[] = [];
  for (const n of [results.total, ...results.rows])
    for (const r of n.questions) {
      const q = byId.get(r.questionId);
      if (!q) continue;
      const row = (...cells: FileCell[]) =>
        questionRows.push({ depth: null, cells: [nameOf(n), text(q.text), ...cells] });
      row(t('surveys.file.answered'), figure(r.n), '', '');
      if (r.kind === 'likert' || r.kind === 'scale') {
        for (const b of r.bands)
          row(
            t(`surveys.file.bands.${b.band}`),
            figure(b.count),
            b.band === 'favourable' ? percent(r.favourableShare) : '',
            '',
          );
        row(t('surveys.file.mean'), '', '', figure(r.mean, 2));
      } else if (r.kind === 'single' || r.kind === 'multiple') {
        for (const o of r.options) {
          const option = 'options' in q ? q.options.find((x) => x.id === o.optionId) : undefined;
          row(
            option ? text(option.label) : o.optionId,
            figure('count' in o ? o.count : o.chosen),
            percent(o.share),
            '',
          );
        }
      }
    }

  return {
    title: results.title,
    threshold: results.threshold,
    lines: [
      t('surveys.file.computed', { date: formatDateTime(results.computedAt, locale, input.timeZone) }),
      results.filter
        ? t('surveys.file.filter', {
            filter: `${t(`surveys.file.attributes.${results.filter.attribute}`)}: ${results.filter.value}`,
          })
        : t('surveys.file.no_filter'),
      t('surveys.file.respondents', {
        answered: results.total.respondents.value ?? WITHHELD,
        members: results.total.members,
      }),
      t('surveys.file.legend', { k: results.threshold }),
    ],
    themes: themeTable([results.total, ...results.rows]),
    previous: results.previous && {
      title: t('surveys.file.previous', { title: results.previous.title }),
      table: themeTable([results.previous.total, ...results.previous.rows]),
    },
    questions: {
      header: [
        t('surveys.file.unit'),
        t('surveys.file.question'),
        t('surveys.file.answer'),
        t('surveys.file.count'),
        `${t('surveys.file.share')} (%)`,
        t('surveys.file.mean'),
      ],
      rows: questionRows,
    },
  };
}

export type ResultsFileFormat = 'xlsx' | 'pdf';

export async function renderResultsFile(
  input: ResultsFileInput,
  format: ResultsFileFormat,
): Promise<{ contentType: string; body: Buffer }> {
  const model = resultsFileModel(input);
  if (format === 'pdf')
    return { contentType: 'application/pdf', body: await renderResultsPdf(model, input.locale, input.t) };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await renderResultsXlsx(model, input.t),
  };
}

const xlsxCell = (c: FileCell): string | number =>
  typeof c === 'object' ? WITHHELD : typeof c === 'string' ? formulaSafe(c) : c;

export async function renderResultsXlsx(model: ResultsFileModel, t: Translate): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Teduh';

  const summary = book.addWorksheet(t('surveys.file.summary_sheet'));
  summary.getColumn(1).width = 90;
  summary.addRow([formulaSafe(model.title)]).font = { bold: true, size: 14 };
  for (const line of model.lines) summary.addRow([formulaSafe(line)]);

  const addTable = (name: string, table: FileTable, widths: number[], frozen: number) => {
    const sheet = book.addWorksheet(name);
    sheet.addRow(table.header.map(xlsxCell)).font = { bold: true };
    for (const r of table.rows) {
      const row = sheet.addRow(r.cells.map(xlsxCell));
      if (r.depth !== null) row.getCell(1).alignment = { indent: r.depth };
    }
    widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    sheet.views = [{ state: 'frozen', xSplit: frozen, ySplit: 1 }];
  };
  addTable(t('surveys.file.themes_sheet'), model.themes, [44], 1);
  addTable(t('surveys.file.questions_sheet'), model.questions, [36, 60, 28], 2);
  // Last, so the sheets before it keep their places for anyone who reads them by position.
  if (model.previous) addTable(t('surveys.file.previous_sheet'), model.previous.table, [44], 1);
  return Buffer.from(await book.xlsx.writeBuffer());
}
