import {
  SURVEY_BANDS,
  type NodeResultView,
  type QuestionResultView,
  type ResultFigureView,
} from '../../../contracts/surveys.js';
import type { SurveyDetail } from '../../api/surveys.api.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { Figure, usePercent } from './ResultFigure.js';

type Question = SurveyDetail['definition']['sections'][number]['questions'][number];
type Scored = Extract<QuestionResultView, { kind: 'likert' | 'scale' }>;

/** count ÷ n, withheld (as depending on a withheld figure) when either is. */
function shareOf(count: ResultFigureView, n: ResultFigureView): ResultFigureView {
  if (count.value === null) return count;
  if (n.value === null) return { value: null, withheld: 'depends_on_withheld' };
  return { value: n.value === 0 ? 0 : count.value / n.value, withheld: null };
}

/** One labelled horizontal bar; its width is drawn only from a shown share. */
function Bar({ share, tone }: { share: ResultFigureView; tone: string }) {
  return (
    <span className="results-bar" aria-hidden="true">
      {share.value !== null && (
        <span className={`results-bar__fill results-bar__fill--${tone}`} style={{ width: `${share.value * 100}%` }} />
      )}
    </span>
  );
}

function ScoredResult({
  question,
  result,
  before,
  k,
}: {
  question: Extract<Question, { kind: 'likert' | 'scale' }>;
  result: Scored;
  before: Scored | undefined;
  k: number;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const percent = usePercent();
  const max = question.kind === 'likert' ? question.points : 10;
  const shares = SURVEY_BANDS.map((band) => {
    const count = result.bands.find((b) => b.band === band)?.count ?? { value: null, withheld: 'below_threshold' };
    return { band, count, share: shareOf(count, result.n) };
  });
  const drawable = shares.every((s) => s.share.value !== null);
  return (
    <>
      {drawable && (
        <div className="results-stack" aria-hidden="true">
          {shares.map((s) => (
            <span
              key={s.band}
              className={`results-stack__part results-bar__fill--${s.band}`}
              style={{ width: `${(s.share.value ?? 0) * 100}%` }}
            />
          ))}
        </div>
      )}
      <dl className="results-figures">
        {shares.map((s) => (
          <div key={s.band}>
            <dt>
              <span className={`results-swatch results-bar__fill--${s.band}`} aria-hidden="true" />
              {t(`surveys.results.questions.bands.${s.band}`)}
            </dt>
            <dd>
              <Figure figure={s.count} k={k} format={fmt.number} /> (
              <Figure figure={s.share} k={k} format={percent} />)
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('surveys.results.questions.favourable')}</dt>
          <dd>
            <Figure figure={result.favourableShare} k={k} format={percent} />
          </dd>
        </div>
        <div>
          <dt>{t('surveys.results.questions.mean')}</dt>
          <dd>
            <Figure
              figure={result.mean}
              k={k}
              format={(mean) =>
                t('surveys.results.questions.mean_value', { mean: fmt.number(Math.round(mean * 10) / 10), max })
              }
            />
          </dd>
        </div>
        {before && (
          <div>
            <dt>{t('surveys.results.questions.previous')}</dt>
            <dd>
              <Figure figure={before.favourableShare} k={k} format={percent} />
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

function ChoiceResult({
  question,
  result,
  k,
}: {
  question: Extract<Question, { kind: 'single' | 'multiple' }>;
  result: Extract<QuestionResultView, { kind: 'single' | 'multiple' }>;
  k: number;
}) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const percent = usePercent();
  return (
    <ul className="results-options" aria-label={t('surveys.results.questions.options')}>
      {result.options.map((option) => {
        const label = question.options.find((o) => o.id === option.optionId)?.label[locale] ?? option.optionId;
        const count = 'chosen' in option ? option.chosen : option.count;
        return (
          <li key={option.optionId} className="results-option">
            <span className="results-option__label">{label}</span>
            <Bar share={option.share} tone="choice" />
            <span className="results-option__value">
              <Figure figure={count} k={k} format={fmt.number} /> (
              <Figure figure={option.share} k={k} format={percent} />)
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** One question's figures for the chosen node, in the viewer's language. */
function QuestionResult({
  question,
  result,
  before,
  k,
}: {
  question: Question;
  result: QuestionResultView;
  before: QuestionResultView | undefined;
  k: number;
}) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const headingId = `results-q-${question.id}`;
  return (
    <li className="results-question" aria-labelledby={headingId}>
      <h4 id={headingId} className="results-question__text">
        {question.text[locale]}
      </h4>
      {result.kind === 'text' ? (
        <p>
          {t('surveys.results.questions.wrote')}: <Figure figure={result.n} k={k} format={fmt.number} />{' '}
          {/* A plain in-page anchor: a router link would drop the breakdown and unit kept in the query. */}
          <a href="#results-comments">{t('surveys.results.questions.read_comments')}</a>
        </p>
      ) : (
        <>
          <p className="muted small">
            {t('surveys.results.questions.n')}: <Figure figure={result.n} k={k} format={fmt.number} />
          </p>
          {(result.kind === 'likert' || result.kind === 'scale') &&
            (question.kind === 'likert' || question.kind === 'scale') && (
              <ScoredResult
                question={question}
                result={result}
                before={before?.kind === result.kind ? (before as Scored) : undefined}
                k={k}
              />
            )}
          {(result.kind === 'single' || result.kind === 'multiple') &&
            (question.kind === 'single' || question.kind === 'multiple') && (
              <ChoiceResult question={question} result={result} k={k} />
            )}
        </>
      )}
    </li>
  );
}

/** Per question, grouped by section, for one node (the whole survey or a unit). */
export function ResultsQuestions({
  survey,
  node,
  previous,
  k,
}: {
  survey: SurveyDetail;
  node: NodeResultView;
  previous: NodeResultView | undefined;
  k: number;
}) {
  const { t, locale } = useT();
  return (
    <>
      {survey.definition.sections.map((section) => {
        const items = section.questions.flatMap((question) => {
          const result = node.questions.find((r) => r.questionId === question.id);
          return result ? [{ question, result }] : [];
        });
        if (items.length === 0) return null;
        const titleId = `results-section-${section.id}`;
        return (
          <section key={section.id} className="results-section" aria-labelledby={titleId}>
            <h3 id={titleId}>{section.title[locale]}</h3>
            <ul className="results-questions" aria-label={section.title[locale]}>
              {items.map(({ question, result }) => (
                <QuestionResult
                  key={question.id}
                  question={question}
                  result={result}
                  before={previous?.questions.find((r) => r.questionId === question.id)}
                  k={k}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {survey.definition.sections.length === 0 && <p>{t('surveys.results.states.empty_title')}</p>}
    </>
  );
}
