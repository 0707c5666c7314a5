import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { firstAdminSchema, newAgencySchema, rootUnitSchema } from '../../../contracts/setup.js';
import { validateNip, type EmploymentType } from '../../../domain/org/nip.js';
import { api, type FieldErrors } from '../../api/client.js';
import { refreshSession, setupQuery } from '../../api/session.js';
import { agencyKindOptions, employmentOptions, timeZoneOptions } from '../../app/options.js';
import { PublicLayout } from '../../app/Shell.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { RadioGroup, Select, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { FullPageLoading } from '../../components/Spinner.js';
import { translate, useT, type MessageKey } from '../../i18n.js';
import { checkNewPassword, NewPasswordFields } from '../auth/password.js';

const STEPS = ['agency', 'unit', 'admin'] as const;
type Step = (typeof STEPS)[number];
const STEP_TITLES: Record<Step, MessageKey> = { agency: 'setup.steps.agency', unit: 'setup.steps.unit', admin: 'setup.steps.admin' };

const initial = {
  'agency.name': '',
  'agency.shortName': '',
  'agency.kind': '',
  'agency.timeZone': 'Asia/Jakarta',
  'rootUnit.name': '',
  'rootUnit.code': '',
  'admin.fullName': '',
  'admin.email': '',
  'admin.employmentType': 'pns',
  'admin.nip': '',
  'admin.password': '',
  'admin.confirm': '',
};
type Values = typeof initial;

function stepOf(path: string): Step {
  if (path.startsWith('agency.')) return 'agency';
  if (path.startsWith('rootUnit.')) return 'unit';
  return 'admin';
}

/** NIP is required for PNS and PPPK and must be empty for non-ASN, by the shared domain rule. */
function nipProblem(nip: string, employmentType: string): FieldErrors {
  const kind = employmentType as EmploymentType;
  if (kind === 'non_asn' && nip.trim() === '') return {};
  const check = validateNip(nip, kind, new Date());
  return check.ok ? {} : { 'admin.nip': translate(`validation.nip.${check.problem}`) };
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

  if (done) return <FullPageLoading />;
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/sign-in" replace />;

  const v = form.values;
  const sections = {
    agency: () => form.validate(newAgencySchema, { name: v['agency.name'], shortName: v['agency.shortName'], kind: v['agency.kind'] || undefined, timeZone: v['agency.timeZone'] }, {}, 'agency.'),
    unit: () => form.validate(rootUnitSchema, { name: v['rootUnit.name'], code: v['rootUnit.code'] }, {}, 'rootUnit.'),
    admin: () => {
      const extra = {
        ...nipProblem(v['admin.nip'], v['admin.employmentType']),
        ...checkNewPassword(v['admin.password'], v['admin.confirm'], { password: 'admin.password', confirm: 'admin.confirm' }),
      };
      return form.validate(
        firstAdminSchema,
        { fullName: v['admin.fullName'], email: v['admin.email'], employmentType: v['admin.employmentType'], nip: v['admin.nip'] || undefined, password: v['admin.password'] },
        extra,
        'admin.',
      );
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
      await api.post('/api/v1/setup', { agency, rootUnit, admin }, { idempotencyKey: false, handleAuth: false });
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
    'agency.name': t('setup.fields.agency_name'),
    'agency.shortName': t('setup.fields.agency_short_name'),
    'agency.kind': t('setup.fields.agency_kind'),
    'agency.timeZone': t('setup.fields.time_zone'),
    'rootUnit.name': t('setup.fields.unit_name'),
    'rootUnit.code': t('setup.fields.unit_code'),
    'admin.fullName': t('setup.fields.full_name'),
    'admin.email': t('setup.fields.email'),
    'admin.employmentType': t('setup.fields.employment_type'),
    'admin.nip': t('setup.fields.nip'),
    'admin.password': t('setup.fields.password'),
    'admin.confirm': t('auth.fields.confirm_password'),
  };

  return (
    <PublicLayout wide>
      <div className="narrow">
        <PageHeader title={t('setup.title')} lead={t('setup.lead')} />
        <ol className="stepper" aria-label={t('setup.progress_label')}>
          {STEPS.map((s, i) => (
            <li key={s} className={`stepper__item ${i < index ? 'stepper__item--done' : ''}`} aria-current={s === step ? 'step' : undefined}>
              <span className="stepper__number" aria-hidden="true">
                {i + 1}
              </span>
              <span>{t(STEP_TITLES[s])}</span>
            </li>
          ))}
        </ol>
        <form className="card form" onSubmit={next} noValidate>
          <FormErrorSummary idPrefix="setup" errors={form.errors} formError={form.formError} attempt={form.attempt} labels={labels} onReveal={(path) => setStep(stepOf(path))} />
          <h2 ref={stepHeading} tabIndex={-1} className="form__title">
            {t('setup.step_heading', { number: index + 1, total: STEPS.length, title: t(STEP_TITLES[step]) })}
          </h2>
          {step === 'agency' && (
            <>
              <p className="muted">{t('setup.agency_intro')}</p>
              <TextField {...form.field('agency.name')} label={labels['agency.name']} hint={t('setup.hints.agency_name')} autoComplete="organization" />
              <TextField {...form.field('agency.shortName')} label={labels['agency.shortName']} hint={t('setup.hints.agency_short_name')} className="field--medium" />
              <Select {...form.field('agency.kind')} label={labels['agency.kind']} options={agencyKindOptions(t)} placeholder={t('common.form.choose')} />
              <Select {...form.field('agency.timeZone')} label={labels['agency.timeZone']} hint={t('setup.hints.time_zone')} options={timeZoneOptions(t)} />
            </>
          )}
          {step === 'unit' && (
            <>
              <p className="muted">{t('setup.unit_intro')}</p>
              <TextField {...form.field('rootUnit.name')} label={labels['rootUnit.name']} hint={t('setup.hints.unit_name')} />
              <TextField {...form.field('rootUnit.code')} label={labels['rootUnit.code']} hint={t('setup.hints.unit_code')} className="field--medium" autoCapitalize="characters" spellCheck={false} />
            </>
          )}
          {step === 'admin' && (
            <>
              <p className="muted">{t('setup.admin_intro')}</p>
              <TextField {...form.field('admin.fullName')} label={labels['admin.fullName']} autoComplete="name" />
              <TextField {...form.field('admin.email')} type="email" label={labels['admin.email']} hint={t('setup.hints.email')} autoComplete="email" spellCheck={false} />
              <RadioGroup
                id="setup-admin.employmentType"
                name="employmentType"
                legend={labels['admin.employmentType']}
                value={v['admin.employmentType']}
                onChange={(value) => form.set('admin.employmentType', value)}
                options={employmentOptions(t)}
                error={form.errors['admin.employmentType']}
                inline
              />
              <TextField
                {...form.field('admin.nip')}
                label={labels['admin.nip']}
                hint={t('setup.hints.nip')}
                inputMode="numeric"
                autoComplete="off"
                optional={v['admin.employmentType'] === 'non_asn'}
              />
              <NewPasswordFields password={form.field('admin.password')} confirm={form.field('admin.confirm')} passwordLabel={t('setup.fields.password')} />
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
