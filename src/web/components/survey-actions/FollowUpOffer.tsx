import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../../api/client.js';
import { fetchFollowUpSection, type FollowUpSectionView } from '../../api/survey-actions.api.js';
import { Alert } from '../Alert.js';
import { Button } from '../Button.js';
import { useT } from '../../i18n.js';
import { FOLLOW_UP_SECTION_ID, withFollowUpSection } from '../../../domain/survey-actions/follow-up.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';

interface FollowUpOfferProps {
  surveyId: string;
  previousTitle: string;
  definition: SurveyDefinition;
  onChange: (next: SurveyDefinition) => void;
}

/**
 * On a next wave's draft: adds (or brings up to date) the section that asks whether each action
 * shared after the previous wave helped (docs/surveys.md#the-loop). It changes the draft in the
 * builder only; saving the survey keeps it, and the builder's undo and leave warning apply.
 */
export function FollowUpOffer({ surveyId, previousTitle, definition, onChange }: FollowUpOfferProps) {
  const { t } = useT();
  const present = definition.sections.find((s) => s.id === FOLLOW_UP_SECTION_ID);
  const load = useMutation<FollowUpSectionView, ApiError>({
    mutationFn: () => fetchFollowUpSection(surveyId),
    onSuccess: (view) => {
      if (view.section) onChange(withFollowUpSection(definition, view.section));
    },
  });
  const result = load.data;
  return (
    <section className="card admin-section stack" aria-labelledby="follow-up-offer-title">
      <h2 id="follow-up-offer-title">{t('survey_actions.follow_up.offer_title')}</h2>
      <p className="muted">{t('survey_actions.follow_up.offer_lead', { title: previousTitle })}</p>
      {present && !result && (
        <p className="small">{t('survey_actions.follow_up.present', { count: present.questions.length })}</p>
      )}
      <div role="status">
        {result?.section && (
          <Alert tone="success">
            {t('survey_actions.follow_up.added', { count: result.section.questions.length })}
            {result.actionCount > result.section.questions.length &&
              ` ${t('survey_actions.follow_up.capped', { count: result.section.questions.length, total: result.actionCount })}`}
          </Alert>
        )}
        {result && !result.section && (
          <Alert tone="info">{t('survey_actions.follow_up.none', { title: result.previous.title })}</Alert>
        )}
      </div>
      {load.error && <Alert tone="error">{load.error.message}</Alert>}
      <div>
        <Button variant="secondary" disabled={load.isPending} onClick={() => load.mutate()}>
          {present ? t('survey_actions.follow_up.refresh') : t('survey_actions.follow_up.add')}
        </Button>
      </div>
    </section>
  );
}
