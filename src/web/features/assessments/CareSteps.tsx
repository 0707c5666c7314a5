import { Link } from 'react-router';
import { CARE_STEPS, type CareStep } from '../../../domain/assessments/next-step.js';
import { Badge } from '../../components/Badge.js';
import { useT, type MessageKey } from '../../i18n.js';

/** Concrete guidance per step, in the order people read it. */
const DETAILS: Record<CareStep, readonly MessageKey[]> = {
  self_care: [
    'assessments.steps.self_care.d1',
    'assessments.steps.self_care.d2',
    'assessments.steps.self_care.d3',
    'assessments.steps.self_care.d4',
  ],
  talk: [
    'assessments.steps.talk.d1',
    'assessments.steps.talk.d2',
    'assessments.steps.talk.d3',
    'assessments.steps.talk.d4',
  ],
  primary_care: [
    'assessments.steps.primary_care.d1',
    'assessments.steps.primary_care.d2',
    'assessments.steps.primary_care.d3',
  ],
  specialist: [
    'assessments.steps.specialist.d1',
    'assessments.steps.specialist.d2',
    'assessments.steps.specialist.d3',
    'assessments.steps.specialist.d4',
  ],
  urgent: ['assessments.steps.urgent.d1', 'assessments.steps.urgent.d2', 'assessments.steps.urgent.d3'],
};

/**
 * The whole stepped-care path (self-care → talk to someone → Puskesmas → psychologist or
 * psychiatrist by referral → urgent), with the step that fits this result highlighted and open.
 */
export function CareSteps({ current }: { current: CareStep | null }) {
  const { t } = useT();
  return (
    <ol className="care-steps">
      {CARE_STEPS.map((step, i) => {
        const isCurrent = step === current;
        return (
          <li
            key={step}
            className={`care-step ${isCurrent ? 'care-step--current' : ''}`}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <div className="care-step__head">
              <span className="care-step__number" aria-hidden="true">
                {i + 1}
              </span>
              <h3 className="care-step__title">
                {t(`assessments.steps.${step}.title`)}
                {isCurrent && (
                  <>
                    {' '}
                    <Badge tone="success">{t('assessments.steps.current')}</Badge>
                  </>
                )}
              </h3>
            </div>
            <p className="care-step__summary">{t(`assessments.steps.${step}.summary`)}</p>
            {isCurrent ? (
              <ul className="care-step__details">
                {DETAILS[step].map((key) => (
                  <li key={key}>{t(key)}</li>
                ))}
              </ul>
            ) : (
              <details className="care-step__more">
                <summary>
                  {t('assessments.steps.more')}
                  <span className="visually-hidden">: {t(`assessments.steps.${step}.title`)}</span>
                </summary>
                <ul className="care-step__details">
                  {DETAILS[step].map((key) => (
                    <li key={key}>{t(key)}</li>
                  ))}
                </ul>
              </details>
            )}
            {(step === 'urgent' || step === 'talk') && (
              <p className="care-step__links">
                <Link to="/help">{t('assessments.steps.help_contacts')}</Link>
                {step === 'talk' && (
                  <>
                    {' · '}
                    <span className="care-step__soon">
                      {t('assessments.steps.book_counselling')}{' '}
                      <Badge tone="info">{t('assessments.steps.coming_soon')}</Badge>
                    </span>
                  </>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
