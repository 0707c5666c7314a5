import { Link } from 'react-router';
import type { ActionView } from '../../api/survey-actions.api.js';
import { Badge } from '../../components/Badge.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { StatusBadge, unitLabel, useLocalText, useRupiah } from './parts.js';

/** One action on a list: status, cell, owner, due date (overdue marked), budget. */
export function ActionCard({ action, showSurvey }: { action: ActionView; showSurvey?: boolean }) {
  const { t } = useT();
  const fmt = useFormat();
  const local = useLocalText();
  const rupiah = useRupiah();
  return (
    <li
      className={`card survey-action-card ${action.overdue ? 'survey-action-card--overdue' : ''}`}
      aria-labelledby={`survey-action-${action.id}`}
    >
      <div className="survey-action-card__head">
        <h3 id={`survey-action-${action.id}`} className="survey-action-card__title">
          {action.title}
        </h3>
        <span>
          <StatusBadge status={action.status} />{' '}
          {action.overdue && <Badge tone="danger">{t('survey_actions.overdue')}</Badge>}{' '}
          {!action.published && <Badge>{t('survey_actions.actions.hidden_from_staff')}</Badge>}
        </span>
      </div>
      <ul className="survey-action-meta small">
        {showSurvey && <li>{action.surveyTitle}</li>}
        <li>
          {unitLabel(t, action.unitName)} · {local(action.themeName)}
        </li>
        <li>{t('survey_actions.actions.owner_label', { owner: action.owner })}</li>
        <li>{t('survey_actions.actions.due', { date: fmt.day(action.dueOn) })}</li>
        <li>{action.budget === null ? t('survey_actions.budget_none') : rupiah(action.budget)}</li>
      </ul>
      <Link className="btn btn--secondary btn--small" to={`/survey-actions/${action.id}`}>
        {t('survey_actions.actions.open')}
        <span className="visually-hidden"> {action.title}</span>
      </Link>
    </li>
  );
}
