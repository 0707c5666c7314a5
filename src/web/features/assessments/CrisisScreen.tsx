import { useEffect, useRef, useState } from 'react';
import type { ContactRequestBody } from '../../../contracts/help.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { useT } from '../../i18n.js';
import { ContactRequestForm } from '../../components/help/ContactRequestForm.js';
import { HelpContacts, useCanRequestContact } from '../../components/help/HelpContacts.js';
import { HelpRequest } from '../../components/help/HelpRequest.js';
import { SafetyPlanOnCrisis } from '../../components/safety-plan/SafetyPlanOnCrisis.js';

function CrisisIntro({ titleId, title }: { titleId: string; title: string }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="crisis__title">
        {title}
      </h2>
      <p className="crisis__lead">{t('assessments.crisis.lead')}</p>
      <p className="crisis__danger">
        <strong>{t('assessments.crisis.danger')}</strong>
      </p>
    </>
  );
}

/**
 * Shown the moment a crisis answer is chosen (docs/instruments.md R0.4): the contacts at once, in full, and
 * the choice to go on with the form. Asking to be contacted now is offered too.
 */
export function CrisisDuringForm({
  onContinue,
  onRequested,
  requested,
}: {
  onContinue: () => void;
  onRequested: () => void;
  requested: boolean;
}) {
  const { t } = useT();
  const { can } = useCanRequestContact();
  const [asking, setAsking] = useState(false);
  return (
    <section className="crisis" aria-labelledby="crisis-during-title">
      <CrisisIntro titleId="crisis-during-title" title={t('assessments.crisis.during_title')} />
      <HelpContacts headingLevel={3} label={t('assessments.crisis.contacts_label')} />
      {/* The person's own plan, or how to make one; in a new tab, so the form is not left. */}
      <SafetyPlanOnCrisis newTab />
      <ButtonRow>
        <Button onClick={onContinue}>{t('assessments.crisis.continue_form')}</Button>
      </ButtonRow>
      <p className="muted small">{t('assessments.crisis.continue_note')}</p>
      {can && !requested && !asking && (
        <ButtonRow>
          <Button variant="secondary" onClick={() => setAsking(true)}>
            {t('assessments.crisis.contact_now')}
          </Button>
        </ButtonRow>
      )}
      {can && (asking || requested) && (
        <div className="subsection">
          <h3>{t('assessments.crisis.contact_now_title')}</h3>
          <HelpRequest idPrefix="crisis-now" onSent={onRequested} autoFocus={asking && !requested} />
        </div>
      )}
    </section>
  );
}

interface CrisisBeforeResultProps {
  /** The person already asked to be contacted during the form (a separate request). */
  requestedDuringForm: boolean;
  /** The agency tells its duty counsellor of a crisis answer (disclosed safety outreach). */
  outreach: boolean;
  busy: boolean;
  error: string | null;
  errorAttempt: number;
  /** Submits the assessment, with the contact request or without one. */
  onSubmit: (contactRequest: ContactRequestBody | null) => void;
}

/**
 * At the end, before any score (docs/instruments.md R0.4): the contacts again, then "Hubungi saya" (sent in
 * the same call as the answers, so both are stored together) or "Lanjutkan tanpa dihubungi".
 */
export function CrisisBeforeResult({
  requestedDuringForm,
  outreach,
  busy,
  error,
  errorAttempt,
  onSubmit,
}: CrisisBeforeResultProps) {
  const { t } = useT();
  const contactMe = useRef<HTMLButtonElement>(null);
  const { can } = useCanRequestContact();
  const [asking, setAsking] = useState(false);
  const [lastChoice, setLastChoice] = useState<'with' | 'without' | null>(null);
  const withoutContact = () => {
    setLastChoice('without');
    onSubmit(null);
  };
  return (
    <section className="crisis" aria-labelledby="crisis-end-title">
      <CrisisIntro titleId="crisis-end-title" title={t('assessments.crisis.end_title')} />
      <HelpContacts headingLevel={3} label={t('assessments.crisis.contacts_label')} />
      <SafetyPlanOnCrisis newTab />
      {outreach && (
        <Alert tone="info" live={false}>
          <p>{t('assessments.crisis.outreach_note')}</p>
        </Alert>
      )}
      <div className="subsection crisis__choice">
        {requestedDuringForm ? (
          <SeeResultOnly
            lead={t('assessments.crisis.already_requested')}
            busy={busy}
            error={error}
            onSee={withoutContact}
          />
        ) : can ? (
          <>
            <h3>{t('assessments.crisis.ask_title')}</h3>
            <p>{t('assessments.crisis.ask_body')}</p>
            {asking ? (
              <ContactRequestForm
                idPrefix="crisis-end"
                submitLabel={t('assessments.crisis.send_and_see')}
                busy={busy && lastChoice === 'with'}
                error={lastChoice === 'with' ? error : null}
                errorAttempt={errorAttempt}
                onSubmit={(body) => {
                  setLastChoice('with');
                  onSubmit(body);
                }}
                onCancel={() => {
                  setAsking(false);
                  window.setTimeout(() => contactMe.current?.focus(), 0);
                }}
                cancelLabel={t('assessments.crisis.back_to_choice')}
                autoFocus
              />
            ) : (
              <>
                {error && lastChoice === 'without' && <Alert tone="error">{error}</Alert>}
                <ButtonRow>
                  <Button ref={contactMe} onClick={() => setAsking(true)} disabled={busy}>
                    {t('assessments.crisis.contact_me')}
                  </Button>
                  <Button variant="secondary" busy={busy && lastChoice === 'without'} onClick={withoutContact}>
                    {t('assessments.crisis.without_contact')}
                  </Button>
                </ButtonRow>
              </>
            )}
          </>
        ) : (
          <SeeResultOnly
            lead={t('assessments.crisis.no_counsellors')}
            busy={busy}
            error={error}
            onSee={withoutContact}
          />
        )}
      </div>
    </section>
  );
}

/** The one way on when no contact request can be added here: already made, or nobody to take it. */
function SeeResultOnly({
  lead,
  busy,
  error,
  onSee,
}: {
  lead: string;
  busy: boolean;
  error: string | null;
  onSee: () => void;
}) {
  const { t } = useT();
  return (
    <>
      <p>{lead}</p>
      {error && <Alert tone="error">{error}</Alert>}
      <ButtonRow>
        <Button busy={busy} onClick={onSee}>
          {t('assessments.crisis.see_result')}
        </Button>
      </ButtonRow>
    </>
  );
}
