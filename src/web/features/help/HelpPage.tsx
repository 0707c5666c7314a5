import { Link } from 'react-router';
import { useSession } from '../../api/session.js';
import { AdaptiveLayout } from '../../components/layout/Shell.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { SafetyPlanOnCrisis } from '../../components/safety-plan/SafetyPlanOnCrisis.js';
import { HelpContacts, useCanRequestContact } from '../../components/help/HelpContacts.js';
import { HelpRequest } from '../../components/help/HelpRequest.js';
import './help.css';

function ContactMe() {
  const { t } = useT();
  const { data: session } = useSession();
  const { can, pending } = useCanRequestContact();
  const signedIn = session?.stage === 'full';
  return (
    <section className="card help-section" aria-labelledby="help-request-title">
      <h2 id="help-request-title">{t('help.request.title')}</h2>
      {!signedIn ? (
        <p>
          {t('help.request.signed_out')} <Link to="/sign-in">{t('help.request.sign_in')}</Link>
        </p>
      ) : pending ? null : can ? (
        <>
          <p>{t('help.request.lead')}</p>
          <HelpRequest idPrefix="help-request" />
        </>
      ) : (
        <p>{t('help.request.unavailable')}</p>
      )}
    </section>
  );
}

/**
 * "Butuh bantuan sekarang": reachable from the header of every page, signed in or not. The
 * contacts come first and in full; asking to be contacted follows.
 */
export function HelpPage() {
  const { t } = useT();
  const { data: session } = useSession();
  return (
    <AdaptiveLayout>
      <div className="help-page">
        <PageHeader title={t('help.page.title')} lead={t('help.page.lead')} />
        <section className="help-section" aria-labelledby="help-contacts-title">
          <h2 id="help-contacts-title" className="visually-hidden">
            {t('help.contacts.title')}
          </h2>
          <HelpContacts headingLevel={3} />
        </section>
        {/* After the contacts: the plan the person wrote for this moment, or how to make one. */}
        {session?.stage === 'full' && <SafetyPlanOnCrisis headingLevel={2} />}
        <ContactMe />
        <section className="help-section" aria-labelledby="help-meanwhile-title">
          <h2 id="help-meanwhile-title">{t('help.page.meanwhile_title')}</h2>
          <ul className="help-tips">
            <li>{t('help.page.tip_people')}</li>
            <li>{t('help.page.tip_safe')}</li>
            <li>{t('help.page.tip_breathe')}</li>
            <li>{t('help.page.tip_later')}</li>
          </ul>
        </section>
      </div>
    </AdaptiveLayout>
  );
}
