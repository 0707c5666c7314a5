import { Link } from 'react-router';
import { useSession } from '../../api/session.js';
import { AdaptiveLayout } from '../../components/layout/PublicLayout.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Skeleton } from '../../components/Skeleton.js';
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
    <section id="contact-me" className="card help-section help-contact-me" aria-labelledby="help-request-title">
      <h2 id="help-request-title">{t('help.request.title')}</h2>
      {!signedIn ? (
        <p>
          {t('help.request.signed_out')} <Link to="/sign-in">{t('help.request.sign_in')}</Link>
        </p>
      ) : pending ? (
        <Skeleton shape="form" lines={3} heading={false} announce={false} />
      ) : can ? (
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
 * "Butuh bantuan sekarang": reachable from the header of every page, signed in or not. Where the
 * person can ask a counsellor to contact them, that comes first — on a phone it would otherwise
 * start thousands of pixels down — with the contacts beside it on a wide screen and right after
 * it on a phone; otherwise the contacts lead.
 */
export function HelpPage() {
  const { t } = useT();
  const { data: session } = useSession();
  const { can, pending } = useCanRequestContact();
  const signedIn = session?.stage === 'full';
  // While the contacts load, a signed-in person most likely can ask to be contacted: the page keeps
  // that layout (with a skeleton of the form) so that nothing jumps when the answer arrives.
  const requestFirst = signedIn && (can || pending);
  return (
    <AdaptiveLayout>
      <div className={`help-page ${requestFirst ? 'help-page--request-first' : ''}`}>
        <PageHeader title={t('help.page.title')} lead={t('help.page.lead')} />
        <div className="help-columns">
          {requestFirst && <ContactMe />}
          <section className="help-section help-contacts-column" aria-labelledby="help-contacts-title">
            <h2 id="help-contacts-title" className={requestFirst ? undefined : 'visually-hidden'}>
              {t('help.contacts.title')}
            </h2>
            <HelpContacts headingLevel={3} />
          </section>
        </div>
        {/* After the contacts: the plan the person wrote for this moment, or how to make one, with
            what to do while waiting beside it on a wide screen. */}
        <div className="help-after">
          {signedIn && <SafetyPlanOnCrisis headingLevel={2} announceLoading={false} />}
          {!requestFirst && <ContactMe />}
          <section className="help-section help-meanwhile" aria-labelledby="help-meanwhile-title">
            <h2 id="help-meanwhile-title">{t('help.page.meanwhile_title')}</h2>
            <ul className="help-tips">
              <li>{t('help.page.tip_people')}</li>
              <li>{t('help.page.tip_safe')}</li>
              <li>{t('help.page.tip_breathe')}</li>
              <li>{t('help.page.tip_later')}</li>
            </ul>
            <ul className="help-more">
              <li>
                <Link to="/exercises/box-breathing">{t('exercises.links.help')}</Link>
              </li>
              {signedIn && (
                <li>
                  <Link to="/learn/getting-help">{t('learn.links.help')}</Link>
                </li>
              )}
              {signedIn && (
                <li>
                  <Link to="/counselling/book">{t('help.page.book_link')}</Link>
                </li>
              )}
              {signedIn && (
                <li>
                  <Link to="/referrals">{t('help.page.referrals_link')}</Link>
                </li>
              )}
              {signedIn && (
                <li>
                  <Link to="/groups">{t('help.page.groups_link')}</Link>
                </li>
              )}
              {signedIn && (
                <li>
                  <Link to="/return-to-work">{t('help.page.return_link')}</Link>
                </li>
              )}
            </ul>
          </section>
        </div>
      </div>
    </AdaptiveLayout>
  );
}
