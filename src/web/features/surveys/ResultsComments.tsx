import { useQuery } from '@tanstack/react-query';
import { surveyCommentsQuery, type SurveyDetail } from '../../api/surveys.api.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

/**
 * "What we heard": the masked, shuffled, dateless comments of groups of at least k_c (A2, A10),
 * per group and question. Each comment is plain text: React writes it as characters, so a `<b>`
 * or `<script>` someone typed shows as written and is never rendered.
 */
export function ResultsComments({
  survey,
  unit,
  commentThreshold,
}: {
  survey: SurveyDetail;
  unit: string | null;
  commentThreshold: number;
}) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const comments = useQuery(surveyCommentsQuery(survey.id, unit));
  const questionText = (id: string) =>
    survey.definition.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.text[locale] ?? id;
  return (
    <section className="card admin-section" id="results-comments" aria-labelledby="results-comments-title">
      <h2 id="results-comments-title">{t('surveys.results.comments.title')}</h2>
      <p className="muted">{t('surveys.results.comments.lead', { kc: commentThreshold })}</p>
      <QueryState query={comments} skeleton="rows" skeletonLines={3}>
        {(data) => {
          const groups = data.groups.filter((g) => g.questions.some((q) => q.texts.length > 0));
          if (groups.length === 0) return <p>{t('surveys.results.comments.empty', { kc: data.commentThreshold })}</p>;
          return groups.map((group) => (
            <section key={group.nodeId} className="results-comment-group" aria-label={group.unitName}>
              <h3>{group.unitName}</h3>
              {group.questions
                .filter((q) => q.texts.length > 0)
                .map((q) => (
                  <div key={q.questionId} className="results-comment-question">
                    <h4>{questionText(q.questionId)}</h4>
                    <p className="muted small">
                      {t('surveys.results.comments.count', { n: fmt.number(q.texts.length) })}
                    </p>
                    <ul className="results-comments">
                      {q.texts.map((text, i) => (
                        // Shuffled and anonymous: a comment has no id of its own, its place is its key.
                        <li key={i} className="results-comment">
                          {text}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
            </section>
          ));
        }}
      </QueryState>
    </section>
  );
}
