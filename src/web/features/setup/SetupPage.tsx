import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { firstAdminSchema, newAgencySchema, rootUnitSchema } from '../../../contracts/setup.js';
import type { FieldErrors } from '../../api/client.js';
import { completeSetup } from '../../api/setup.api.js';
import { refreshSession, setupQuery } from '../../api/session.js';
import { PublicLayout } from '../../components/layout/PublicLayout.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageSkeleton } from '../../components/Skeleton.js';
import { useT, type MessageKey } from '../../i18n.js';
import { checkNewPassword, NewPasswordFields } from '../../components/auth/password.js';
import {
  AgencyFields,
  agencyFieldInputs,
  agencyFieldLabels,
  emptyAgencyFields,
  FirstAdminFields,
  TopUnitFields,
} from '../../components/agency/agency-fields.js';
import './setup.css';

const STEPS = ['agency', 'unit', 'admin'] as const;
type Step = (typeof STEPS)[number];
const STEP_TITLES: Record<Step, MessageKey> = {
  agency: 'setup.steps.agency',
  unit: 'setup.steps.unit',
  admin: 'setup.steps.admin',
};

const initial = {
  ...emptyAgencyFields,
  'admin.password': '',
  'admin.confirm': '',
};
type Values = typeof initial;

function stepOf(path: string): Step {
  if (path.startsWith('agency.')) return 'agency';
  if (path.startsWith('rootUnit.')) return 'unit';
  return 'admin';
}

/** First-run set-up: the agency, its top unit and the first admin, in three short steps. */
export function SetupPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useQuery(setupQuery);
  const form = useForm<Values>('setup', initial);
  const [step, setStep] = useState<Step>('agency');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  useEffect(() => {
    // Moving between steps: focus the new step's heading so it is announced.
    if (shownStep.current !== step) stepHeading.current?.focus();
    shownStep.current = step;
  }, [step]);

  if (done) return <PageSkeleton />;
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/sign-in" replace />;

  const v = form.values;
  const inputs = agencyFieldInputs(v);
  const sections = {
    agency: () => form.validate(newAgencySchema, inputs.agency, {}, 'agency.'),
    unit: () => form.validate(rootUnitSchema, inputs.rootUnit, {}, 'rootUnit.'),
    admin: () => {
      const extra = checkNewPassword(v['admin.password'], v['admin.confirm'], {
        password: 'admin.password',
        confirm: 'admin.confirm',
      });
      return form.validate(firstAdminSchema, { ...inputs.admin, password: v['admin.password'] }, extra, 'admin.');
    },
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    if (step === 'admin') return void submit();
    if (!sections[step]()) return;
    setStep(STEPS[STEPS.indexOf(step) + 1] as Step);
  };

  const submit = async () => {
    const agency = sections.agency();
    if (!agency) return setStep('agency');
    const rootUnit = sections.unit();
    if (!rootUnit) return setStep('unit');
    const admin = sections.admin();
    if (!admin) return;
    setBusy(true);
    try {
      await completeSetup({ agency, rootUnit, admin });
      setDone(true);
      await refreshSession(queryClient);
      queryClient.setQueryData(setupQuery.queryKey, { needsSetup: false });
      await navigate('/two-factor/setup', { replace: true });
    } catch (err) {
      setBusy(false);
      form.showServerError(err);
      const first = Object.keys((err as { fieldErrors?: FieldErrors }).fieldErrors ?? {})[0];
      if (first) setStep(stepOf(first));
    }
  };

  const index = STEPS.indexOf(step);
  const labels: Record<string, string> = {
    ...agencyFieldLabels(t),
    'admin.password': t('setup.fields.password'),
    'admin.confirm': t('auth.fields.confirm_password'),
  };

  return (
    <PublicLayout wide>
      <div className="narrow">
        <PageHeader title={t('setup.title')} lead={t('setup.lead')} />
        <ol className="stepper" aria-label={t('setup.progress_label')}>
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={`stepper__item ${i < index ? 'stepper__item--done' : ''}`}
              aria-current={s === step ? 'step' : undefined}
            >
              <span className="stepper__number" aria-hidden="true">
                {i + 1}
              </span>
              <span>{t(STEP_TITLES[s])}</span>
            </li>
          ))}
        </ol>
        <form className="card form" onSubmit={next} noValidate>
          <FormErrorSummary {...form.summary} labels={labels} onReveal={(path) => setStep(stepOf(path))} />
          <h2 ref={stepHeading} tabIndex={-1} className="form__title">
            {t('setup.step_heading', { number: index + 1, total: STEPS.length, title: t(STEP_TITLES[step]) })}
          </h2>
          {step === 'agency' && (
            <>
              <p className="muted">{t('setup.agency_intro')}</p>
              <AgencyFields form={form} firstRun />
            </>
          )}
          {step === 'unit' && (
            <>
              <p className="muted">{t('setup.unit_intro')}</p>
              <TopUnitFields form={form} firstRun />
            </>
          )}
          {step === 'admin' && (
            <>
              <p className="muted">{t('setup.admin_intro')}</p>
              <FirstAdminFields form={form} firstRun />
              <NewPasswordFields
                password={form.field('admin.password')}
                confirm={form.field('admin.confirm')}
                passwordLabel={t('setup.fields.password')}
              />
            </>
          )}
          <ButtonRow align="between">
            {index > 0 ? (
              <Button variant="secondary" onClick={() => setStep(STEPS[index - 1] as Step)} disabled={busy}>
                {t('common.actions.back')}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" busy={busy}>
              {step === 'admin' ? t('setup.submit') : t('common.actions.next')}
            </Button>
          </ButtonRow>
        </form>
      </div>
    </PublicLayout>
  );
}
