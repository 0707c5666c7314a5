import type { ReactNode } from 'react';
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
 * What each rung lets the person do today. Every rung ends in something that works now — the help
 * contacts, a request for a counsellor to make contact, the plan they wrote — never in a feature
 * still to come (docs/principles.md, principle 4).
 */
function StepActions({ step }: { step: CareStep }) {
  const { t } = useT();
  const links: ReactNode[] = [];
  if (step === 'self_care') {
    links.push(
      <Link key="plan" to="/me/safety-plan">
        {t('assessments.steps.safety_plan')}
      </Link>,
      <Link key="exercises" to="/exercises">
        {t('exercises.links.care')}
      </Link>,
      <Link key="learn" to="/learn/self-care-basics">
        {t('learn.links.care_self_care')}
      </Link>,
    );
  }
  if (step === 'talk' || step === 'primary_care') {
    links.push(
      <Link key="learn" to="/learn/getting-help">
        {t('learn.links.care_get_help')}
      </Link>,
    );
  }
  if (step === 'specialist') {
    links.push(
      <Link key="learn" to="/learn/psychologist-or-psychiatrist">
        {t('learn.links.care_professional')}
      </Link>,
    );
  }
  if (step === 'urgent') {
    links.push(
      <a key="112" href="tel:112">
        {t('assessments.steps.call_112')}
      </a>,
      <a key="119" href="tel:119">
        {t('assessments.steps.call_119')}
      </a>,
    );
  }
  if (step !== 'self_care') {
    links.push(
      <Link key="contact" to="/help#contact-me">
        {t('assessments.steps.ask_counsellor')}
      </Link>,
      <Link key="contacts" to="/help">
        {t('assessments.steps.help_contacts')}
      </Link>,
    );
  }
  return (
    <ul className="care-step__links" aria-label={t('assessments.steps.actions_label')}>
      {links.map((link, i) => (
        <li key={i}>{link}</li>
      ))}
    </ul>
  );
}

function Details({ step }: { step: CareStep }) {
  const { t } = useT();
  return (
    <ul className="care-step__details">
      {DETAILS[step].map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}

/**
 * The stepped-care path (self-care → talk to someone → Puskesmas → psychologist or psychiatrist by
 * referral → urgent): the step that fits this result open in full, the next one open in brief, the
 * rest folded behind their titles so a phone shows the step to take, not all five.
 */
export function CareSteps({ current }: { current: CareStep | null }) {
  const { t } = useT();
  const currentIndex = current === null ? -1 : CARE_STEPS.indexOf(current);
  return (
    <ol className="care-steps">
      {CARE_STEPS.map((step, i) => {
        const isCurrent = i === currentIndex;
        const isNext = currentIndex >= 0 && i === currentIndex + 1;
        const title = (
          <>
            <span className="care-step__number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="care-step__title-text">{t(`assessments.steps.${step}.title`)}</span>
          </>
        );
        if (isCurrent || isNext) {
          return (
            <li
              key={step}
              className={`care-step ${isCurrent ? 'care-step--current' : 'care-step--next'}`}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <h3 className="care-step__title">
                {title}
                {isCurrent ? (
                  <Badge tone="success">{t('assessments.steps.current')}</Badge>
                ) : (
                  <Badge tone="neutral">{t('assessments.steps.next')}</Badge>
                )}
              </h3>
              <p className="care-step__summary">{t(`assessments.steps.${step}.summary`)}</p>
              {isCurrent ? (
                <Details step={step} />
              ) : (
                <details className="care-step__more">
                  <summary>
                    {t('assessments.steps.more')}
                    <span className="visually-hidden">: {t(`assessments.steps.${step}.title`)}</span>
                  </summary>
                  <Details step={step} />
                </details>
              )}
              <StepActions step={step} />
            </li>
          );
        }
        return (
          <li key={step} className="care-step care-step--folded">
            <details className="care-step__fold">
              <summary className="care-step__title">{title}</summary>
              <p className="care-step__summary">{t(`assessments.steps.${step}.summary`)}</p>
              <Details step={step} />
              <StepActions step={step} />
            </details>
          </li>
        );
      })}
    </ol>
  );
}
