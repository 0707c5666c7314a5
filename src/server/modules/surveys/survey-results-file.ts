import ExcelJS from 'exceljs';
import type { NodeResultView, SurveyResultsView } from '../../../contracts/surveys.js';
import { questionsOf, type LocalText, type SurveyDefinition } from '../../../domain/surveys/definition.js';
import { formulaSafe } from '../../../domain/insights/export-csv.js';
import { formatDateTime } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translator.js';

/**
 * A closed survey's results as a spreadsheet (docs/surveys.md#exports): one more view of the very
 * cells the results page shows — the same stored view, the viewer's scope, the same filter — so it
 * holds no value the screen withholds: a withheld figure is "—" with the same reason in words.
 * Every text (titles, unit names, question and option texts an admin wrote) goes through
 * formulaSafe, so none can run as a formula when the file is opened.
 */
export const WITHHELD = '—';

type Cell = string | number;

const percent = (share: number | null) => (share === null ? WITHHELD : Math.round(share * 1000) / 10);
const figure = (value: number | null, digits = 0) =>
  value === null ? WITHHELD : digits === 0 ? value : Math.round(value * 10 ** digits) / 10 ** digits;

export async function renderResultsXlsx(input: {
  results: SurveyResultsView;
  definition: SurveyDefinition;
  locale: Locale;
  timeZone: string;
  t: Translate;
}): Promise<Buffer> {
  const { results, definition, locale, t } = input;
  const text = (l: LocalText) => formulaSafe(l[locale] || l.id);
  const nodes = [results.total, ...results.rows];
  const nameOf = (n: NodeResultView) =>
    formulaSafe(n.nodeId === results.total.nodeId ? t('surveys.file.whole_survey') : n.unitName);
  const book = new ExcelJS.Workbook();
  book.creator = 'Teduh';

  const summary = book.addWorksheet(t('surveys.file.summary_sheet'));
  summary.getColumn(1).width = 90;
  summary.addRow([formulaSafe(results.title)]).font = { bold: true, size: 14 };
  for (const line of [
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
  ])
    summary.addRow([formulaSafe(line)]);

  const themes = book.addWorksheet(t('surveys.file.themes_sheet'));
  themes.addRow([
    t('surveys.file.unit'),
    t('surveys.file.members'),
    t('surveys.file.respondents_short'),
    ...definition.themes.flatMap((theme) => [
      formulaSafe(`${text(theme.name)} · ${t('surveys.file.favourable')} (%)`),
      formulaSafe(`${text(theme.name)} · ${t('surveys.file.score')}`),
    ]),
  ]).font = { bold: true };
  for (const n of nodes) {
    const row = themes.addRow([
      nameOf(n),
      n.members,
      figure(n.respondents.value),
      ...definition.themes.flatMap((theme): Cell[] => {
        const r = n.themes.find((x) => x.themeId === theme.id);
        return [percent(r?.favourableShare.value ?? null), figure(r?.score.value ?? null, 1)];
      }),
    ]);
    row.getCell(1).alignment = { indent: n === results.total ? 0 : n.depth + 1 };
  }
  themes.getColumn(1).width = 44;
  themes.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];

  const questions = book.addWorksheet(t('surveys.file.questions_sheet'));
  questions.addRow([
    t('surveys.file.unit'),
    t('surveys.file.question'),
    t('surveys.file.answer'),
    t('surveys.file.count'),
    `${t('surveys.file.share')} (%)`,
    t('surveys.file.mean'),
  ]).font = { bold: true };
  const byId = new Map(questionsOf(definition).map((q) => [q.id, q]));
  for (const n of nodes)
    for (const r of n.questions) {
      const q = byId.get(r.questionId);
      if (!q) continue;
      const unit = nameOf(n);
      const asked = text(q.text);
      questions.addRow([unit, asked, t('surveys.file.answered'), figure(r.n.value), '', '']);
      if (r.kind === 'likert' || r.kind === 'scale') {
        for (const b of r.bands)
          questions.addRow([
            unit,
            asked,
            t(`surveys.file.bands.${b.band}`),
            figure(b.count.value),
            b.band === 'favourable' ? percent(r.favourableShare.value) : '',
            '',
          ]);
        questions.addRow([unit, asked, t('surveys.file.mean'), '', '', figure(r.mean.value, 2)]);
      } else if (r.kind === 'single' || r.kind === 'multiple') {
        for (const o of r.options) {
          const option = 'options' in q ? q.options.find((x) => x.id === o.optionId) : undefined;
          const count = 'count' in o ? o.count : o.chosen;
          questions.addRow([
            unit,
            asked,
            option ? text(option.label) : o.optionId,
            figure(count.value),
            percent(o.share.value),
            '',
          ]);
        }
      }
    }
  questions.getColumn(1).width = 36;
  questions.getColumn(2).width = 60;
  questions.getColumn(3).width = 28;
  questions.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
