import { isContactSection, SAFETY_PLAN_SECTIONS, type SafetyPlanSection } from '../../../contracts/safety-plan.js';
import { telLink } from '../../../domain/help/help-contacts.js';
import { useT } from '../../i18n.js';
import type { SafetyPlanView } from '../../api/safety-plan.api.js';
import { SECTION_KEYS } from './sections.js';
import './safety-plan.css';

type Plan = SafetyPlanView['plan'];

/** A section's entries: lines of text, or people with one tap to call them. */
function Entries({ plan, section }: { plan: Plan; section: SafetyPlanSection }) {
  const { t } = useT();
  if (isContactSection(section)) {
    return (
      <ul className="safety-plan-entries safety-plan-entries--contacts">
        {plan[section].map((c, i) => (
          <li key={i} className="safety-plan-contact">
            <span className="safety-plan-contact__name">{c.name}</span>
            {c.phone && (
              <a className="btn btn--secondary btn--small safety-plan-contact__call" href={telLink(c.phone)}>
                {t('safety_plan.crisis.call', { number: c.phone })}
              </a>
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="safety-plan-entries">
      {plan[section].map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}

/**
 * The plan, read-only, in the order of Stanley & Brown's steps. `collapsed` (the crisis and help
 * screens): each filled section folded behind its title, so all seven titles fit a phone screen
 * and the person opens the one they need; empty sections are left out there. Otherwise every
 * section is shown open, empty ones saying so.
 */
export function SafetyPlanSections({
  plan,
  collapsed = false,
  headingLevel = 3,
}: {
  plan: Plan;
  collapsed?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const sections = collapsed ? SAFETY_PLAN_SECTIONS.filter((s) => plan[s].length > 0) : SAFETY_PLAN_SECTIONS;
  return (
    <ol className={`safety-plan-sections ${collapsed ? 'safety-plan-sections--collapsed' : ''}`}>
      {sections.map((section) => {
        const title = t(`safety_plan.sections.${SECTION_KEYS[section]}.title`);
        const count = plan[section].length;
        return (
          <li key={section} className="safety-plan-section">
            {collapsed ? (
              <details>
                <summary className="safety-plan-section__summary">
                  {title} <span className="safety-plan-section__count">({count})</span>
                </summary>
                <Entries plan={plan} section={section} />
              </details>
            ) : (
              <>
                <Heading className="safety-plan-section__title">{title}</Heading>
                {count > 0 ? (
                  <Entries plan={plan} section={section} />
                ) : (
                  <p className="muted safety-plan-section__empty">{t('safety_plan.page.nothing_yet')}</p>
                )}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
