import type { NodeResultView } from '../../../contracts/surveys.js';
import type { SurveyDetail, SurveyResultsView } from '../../api/surveys.api.js';
import { useT } from '../../i18n.js';
import { Figure, usePercent } from './ResultFigure.js';
import { treeOrder } from './SurveyProgressSection.js';

/** The colour steps of the scale, lowest first: [upper bound, i18n key]. */
const STEPS = [
  [0.4, 'low'],
  [0.55, 'mid_low'],
  [0.7, 'mid'],
  [0.85, 'mid_high'],
  [Infinity, 'high'],
] as const;

const stepOf = (share: number) => STEPS.findIndex(([upper]) => share < upper);

/**
 * Units × themes, each cell the favourable share: the number always written, the colour a second
 * carrier. The table scrolls inside its own labelled, focusable region so a phone never scrolls
 * the page sideways.
 */
export function ResultsHeatMap({ results, survey }: { results: SurveyResultsView; survey: SurveyDetail }) {
  const { t, locale } = useT();
  const percent = usePercent();
  const k = results.threshold;
  const themes = survey.definition.themes;
  const rows: NodeResultView[] = [results.total, ...treeOrder(results.rows, (r) => r.nodeId)];
  return (
    <section className="card admin-section" aria-labelledby="results-heatmap-title">
      <h2 id="results-heatmap-title">{t('surveys.results.heatmap.title')}</h2>
      <p className="muted">{t('surveys.results.heatmap.lead')}</p>
      {themes.length === 0 ? (
        <p>{t('surveys.results.heatmap.empty')}</p>
      ) : (
        <>
          <div className="results-heatmap" role="region" tabIndex={0} aria-label={t('surveys.results.heatmap.region')}>
            <table className="results-heatmap__table">
              <caption className="visually-hidden">{t('surveys.results.heatmap.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.results.heatmap.unit')}</th>
                  {themes.map((theme) => (
                    <th key={theme.id} scope="col">
                      {theme.name[locale]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.nodeId}>
                    <th scope="row" className={row === results.total ? 'results-heatmap__total' : undefined}>
                      <span style={{ paddingInlineStart: `${row.depth * 0.9}rem` }} className="results-heatmap__unit">
                        {row === results.total ? t('surveys.results.unit.total') : row.unitName}
                      </span>
                    </th>
                    {themes.map((theme) => {
                      const share = row.themes.find((x) => x.themeId === theme.id)?.favourableShare;
                      const step = share?.value == null ? 'withheld' : STEPS[stepOf(share.value)]![1];
                      return (
                        <td key={theme.id} className={`heat heat--${step}`}>
                          {share ? <Figure figure={share} k={k} format={percent} /> : '—'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="results-legend" aria-label={t('surveys.results.heatmap.legend')}>
            {[...STEPS.map(([, key]) => key), 'withheld' as const].map((key) => (
              <li key={key}>
                <span className={`results-legend__swatch heat heat--${key}`} aria-hidden="true" />
                {t(`surveys.results.heatmap.scale.${key}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
