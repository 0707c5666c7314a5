import type { SurveyDetail, SurveyResultsView } from '../../api/surveys.api.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { Change } from '../../components/survey-actions/Change.js';
import { changeInPoints, Figure, usePercent } from './ResultFigure.js';

/** Each theme's index for the whole survey, beside the previous wave's when there is one. */
export function ResultsThemes({ results, survey }: { results: SurveyResultsView; survey: SurveyDetail }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const percent = usePercent();
  const k = results.threshold;
  const themes = survey.definition.themes;
  return (
    <section className="card admin-section" aria-labelledby="results-themes-title">
      <h2 id="results-themes-title">{t('surveys.results.themes.title')}</h2>
      <p className="muted">{t('surveys.results.themes.lead')}</p>
      {themes.length === 0 ? (
        <p>{t('surveys.results.themes.empty')}</p>
      ) : (
        <ul className="results-themes">
          {themes.map((theme) => {
            const now = results.total.themes.find((x) => x.themeId === theme.id);
            const before = results.previous?.total.themes.find((x) => x.themeId === theme.id);
            return (
              <li key={theme.id} className="results-theme">
                <h3 className="results-theme__name">{theme.name[locale]}</h3>
                <p className="results-theme__share">
                  <span className="visually-hidden">{t('surveys.results.themes.share')}: </span>
                  {now ? <Figure figure={now.favourableShare} k={k} format={percent} /> : '—'}
                  {results.previous && (
                    <Change
                      points={changeInPoints(now?.favourableShare, before?.favourableShare)}
                      previousTitle={results.previous.title}
                    />
                  )}
                </p>
                <p className="muted small" aria-hidden="true">
                  {t('surveys.results.themes.share')}
                </p>
                {now && (
                  <p className="small">
                    {now.score.value === null ? (
                      <>
                        {t('surveys.results.themes.score_label')}{' '}
                        <Figure figure={now.score} k={k} format={fmt.number} />
                      </>
                    ) : (
                      t('surveys.results.themes.score', { score: fmt.number(Math.round(now.score.value)) })
                    )}
                  </p>
                )}
                {results.previous && before && (
                  <p className="muted small">
                    {t('surveys.results.themes.previous')}:{' '}
                    <Figure figure={before.favourableShare} k={k} format={percent} />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
