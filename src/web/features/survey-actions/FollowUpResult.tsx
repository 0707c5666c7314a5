import type { FollowUpFiguresView, MyPublication } from '../../api/survey-actions.api.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { Change } from '../../components/survey-actions/Change.js';
import { PublishedFigure, StatusBadge, unitLabel, useLocalText } from './parts.js';

interface FollowUpResultProps {
  figures: FollowUpFiguresView;
  /** The later wave that asked: its answer is what this shows. */
  laterTitle: string;
  /** The action's own wave: the "before". */
  earlierTitle: string;
  unitName: string;
  themeName: { id: string; en: string };
}

/**
 * An action's result in the loop (docs/surveys.md#the-loop): the later wave's "did it help?" and
 * its theme in its unit before and after. Figures are the stored, suppressed ones: "—" where the
 * anonymity rules withheld them, never a recomputed number.
 */
export function FollowUpResult({ figures, laterTitle, earlierTitle, unitName, themeName }: FollowUpResultProps) {
  const { t } = useT();
  const fmt = useFormat();
  const local = useLocalText();
  const { helped, before, after } = figures;
  return (
    <div className="survey-follow-up">
      <p className="small muted">{t('survey_actions.follow_up.from_wave', { title: laterTitle })}</p>
      <dl className="survey-follow-up__figures">
        <div>
          <dt>{t('survey_actions.follow_up.helped')}</dt>
          <dd>
            {helped ? (
              <>
                <strong>
                  <PublishedFigure figure={helped.favourableShare} kind="share" />
                </strong>
                {helped.n.value !== null && (
                  <span className="small muted">
                    {' '}
                    {t('survey_actions.follow_up.helped_n', { n: fmt.number(helped.n.value) })}
                  </span>
                )}
              </>
            ) : (
              <span className="muted">{t('survey_actions.follow_up.not_asked')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('survey_actions.follow_up.theme_in', { theme: local(themeName), unit: unitLabel(t, unitName) })}</dt>
          <dd>
            {after ? (
              <>
                <span className="visually-hidden">{t('survey_actions.follow_up.before')} </span>
                {before ? <PublishedFigure figure={before.favourableShare} kind="share" /> : '—'}
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden">, {t('survey_actions.follow_up.after')} </span>
                <strong>
                  <PublishedFigure figure={after.favourableShare} kind="share" />
                </strong>{' '}
                <Change points={figures.change} previousTitle={earlierTitle} />
              </>
            ) : (
              <span className="muted">{t('survey_actions.follow_up.unit_gone')}</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * A next wave's section on the previous wave's actions: each action with its status and its
 * result. Staff read it on the published results; the admin sees the same before publishing.
 */
export function FollowUpList({
  followUp,
  laterTitle,
  lead,
}: {
  followUp: NonNullable<MyPublication['followUp']>;
  laterTitle: string;
  lead: string;
}) {
  const { t } = useT();
  return (
    <section className="card admin-section stack" aria-labelledby="follow-up-list-title">
      <h2 id="follow-up-list-title">{t('survey_actions.follow_up.staff_title')}</h2>
      <p className="muted small">{lead}</p>
      <ul className="stack survey-action-list">
        {followUp.items.map(({ action, figures }) => (
          <li key={action.id} className="survey-action-card" aria-labelledby={`follow-up-${action.id}`}>
            <div className="survey-action-card__head">
              <h3 id={`follow-up-${action.id}`} className="survey-action-card__title">
                {action.title}
              </h3>
              <StatusBadge status={action.status} />
            </div>
            <FollowUpResult
              figures={figures}
              laterTitle={laterTitle}
              earlierTitle={followUp.previousTitle}
              unitName={action.unitName}
              themeName={action.themeName}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
