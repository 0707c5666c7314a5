import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { myPublicationQuery, type MyPublication } from '../../api/survey-actions.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { PublishedFigure, StatusBadge, unitLabel, useLocalText, useRupiah } from './parts.js';
import { FollowUpList, FollowUpResult } from './FollowUpResult.js';
import './survey-actions.css';

function Figures({ publication }: { publication: MyPublication }) {
  const { t } = useT();
  const local = useLocalText();
  return (
    <section className="card stack" aria-labelledby="published-figures-title">
      <h2 id="published-figures-title">{t('survey_actions.staff.figures')}</h2>
      <p className="muted small">{t('survey_actions.staff.figures_lead')}</p>
      {publication.rows.map((row) => (
        <table key={row.nodeId} className="survey-published-table">
          <caption className="survey-published-caption">
            <strong>{unitLabel(t, row.unitName)}</strong>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('survey_actions.theme')}</th>
              <th scope="col" className="num">
                {t('survey_actions.favourable')}
              </th>
            </tr>
          </thead>
          <tbody>
            {row.themes.map((th) => {
              const theme = publication.themes.find((x) => x.id === th.themeId);
              return (
                <tr key={th.themeId}>
                  <th scope="row">{theme ? local(theme.name) : th.themeId}</th>
                  <td className="num">
                    <PublishedFigure figure={th.favourableShare} kind="share" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function Actions({ publication }: { publication: MyPublication }) {
  const { t } = useT();
  const fmt = useFormat();
  const local = useLocalText();
  const rupiah = useRupiah();
  return (
    <section className="card stack" aria-labelledby="published-actions-title">
      <h2 id="published-actions-title">{t('survey_actions.staff.will_do')}</h2>
      {publication.actions.length === 0 ? (
        <p className="muted">{t('survey_actions.staff.no_actions')}</p>
      ) : (
        <ul className="stack survey-action-list">
          {publication.actions.map((a) => (
            <li key={a.id} className="survey-action-card" aria-labelledby={`published-action-${a.id}`}>
              <div className="survey-action-card__head">
                <h3 id={`published-action-${a.id}`} className="survey-action-card__title">
                  {a.title}
                </h3>
                <StatusBadge status={a.status} />
              </div>
              {a.description && <p className="survey-published-summary">{a.description}</p>}
              <ul className="survey-action-meta small">
                <li>
                  {unitLabel(t, a.unitName)} · {local(a.themeName)}
                </li>
                <li>{t('survey_actions.actions.owner_label', { owner: a.owner })}</li>
                <li>{t('survey_actions.actions.due', { date: fmt.day(a.dueOn) })}</li>
                {a.budget !== null && <li>{rupiah(a.budget)}</li>}
              </ul>
              {a.followUp && (
                <FollowUpResult
                  figures={a.followUp.figures}
                  laterTitle={a.followUp.title}
                  earlierTitle={publication.title}
                  unitName={a.unitName}
                  themeName={a.themeName}
                />
              )}
              {a.notes.length > 0 && (
                <ul className="survey-action-notes">
                  {a.notes.map((n) => (
                    <li key={n.id}>
                      <span className="small muted">{fmt.day(n.notedOn)}</span> — {n.text}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /surveys/published/:id — what we heard and what we will do, for the people who were asked. */
export function PublishedSurveyPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const fmt = useFormat();
  const publication = useQuery(myPublicationQuery(id));
  if (publication.isPending) return <Skeleton shape="cards" lines={4} />;
  if (isApiError(publication.error) && publication.error.status === 404)
    return (
      <EmptyState title={t('survey_actions.staff.not_found')}>
        <p>{t('survey_actions.staff.not_found_body')}</p>
        <Link to="/surveys/mine">{t('survey_actions.staff.back')}</Link>
      </EmptyState>
    );
  const p = publication.data;
  if (!p) return <LoadError error={publication.error} onRetry={() => void publication.refetch()} />;
  return (
    <>
      <PageHeader title={p.title} lead={t('survey_actions.staff.updated', { date: fmt.date(p.updatedAt) })} />
      <div className="stack">
        <section className="card" aria-labelledby="published-heard-title">
          <h2 id="published-heard-title">{t('survey_actions.staff.heard')}</h2>
          <p className="survey-published-summary">{p.summary}</p>
          <p className="muted small">{t('survey_actions.staff.anonymous')}</p>
        </section>
        <Figures publication={p} />
        {p.followUp && (
          <FollowUpList
            followUp={p.followUp}
            laterTitle={p.title}
            lead={t('survey_actions.follow_up.staff_lead', { title: p.followUp.previousTitle })}
          />
        )}
        <Actions publication={p} />
        <p>
          <Link to="/surveys/mine">{t('survey_actions.staff.back')}</Link>
        </p>
      </div>
    </>
  );
}
