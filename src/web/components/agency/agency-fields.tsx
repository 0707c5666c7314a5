import { agencyKindOptions, employmentOptions, timeZoneOptions } from '../../lib/options.js';
import { RadioGroup, Select, TextField } from '../fields.js';
import type { FieldBinding } from '../form.js';
import { useT, type TranslateFn } from '../../i18n.js';

/**
 * A new agency, its top unit and its first admin: asked for by first-run set-up and by the
 * platform admin's "new agency" form, with the same paths as the server's field errors.
 */
export const emptyAgencyFields = {
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
};

export type AgencyFieldValues = typeof emptyAgencyFields;
type AgencyFieldName = keyof AgencyFieldValues;

/** Labels by field path, for the fields and the error summary's links. */
export function agencyFieldLabels(t: TranslateFn): Record<AgencyFieldName, string> {
  return {
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
  };
}

/** The typed values as the request's three parts, before the contract schemas parse them. */
export function agencyFieldInputs(v: AgencyFieldValues) {
  return {
    agency: {
      name: v['agency.name'],
      shortName: v['agency.shortName'],
      kind: v['agency.kind'] || undefined,
      timeZone: v['agency.timeZone'],
    },
    rootUnit: { name: v['rootUnit.name'], code: v['rootUnit.code'] },
    admin: {
      fullName: v['admin.fullName'],
      email: v['admin.email'],
      employmentType: v['admin.employmentType'],
      nip: v['admin.nip'] || undefined,
    },
  };
}

interface AgencyFieldsProps {
  /** What the fields need of the form (set-up's form holds the password fields too). */
  form: { field: (name: AgencyFieldName) => FieldBinding };
  /**
   * First-run set-up: the person is entering their own agency and themselves, so the fields carry
   * examples and let the browser fill in their organisation, name and email. The platform admin
   * enters them for someone else.
   */
  firstRun?: boolean;
}

export function AgencyFields({ form, firstRun = false }: AgencyFieldsProps) {
  const { t } = useT();
  const labels = agencyFieldLabels(t);
  return (
    <>
      <TextField
        {...form.field('agency.name')}
        label={labels['agency.name']}
        hint={firstRun ? t('setup.hints.agency_name') : undefined}
        autoComplete={firstRun ? 'organization' : undefined}
      />
      <TextField
        {...form.field('agency.shortName')}
        label={labels['agency.shortName']}
        hint={firstRun ? t('setup.hints.agency_short_name') : undefined}
        className="field--medium"
      />
      <Select
        {...form.field('agency.kind')}
        label={labels['agency.kind']}
        options={agencyKindOptions(t)}
        placeholder={t('common.form.choose')}
      />
      <Select
        {...form.field('agency.timeZone')}
        label={labels['agency.timeZone']}
        hint={firstRun ? t('setup.hints.time_zone') : undefined}
        options={timeZoneOptions(t)}
      />
    </>
  );
}

export function TopUnitFields({ form, firstRun = false }: AgencyFieldsProps) {
  const { t } = useT();
  const labels = agencyFieldLabels(t);
  return (
    <>
      <TextField
        {...form.field('rootUnit.name')}
        label={labels['rootUnit.name']}
        hint={firstRun ? t('setup.hints.unit_name') : undefined}
      />
      <TextField
        {...form.field('rootUnit.code')}
        label={labels['rootUnit.code']}
        hint={t('setup.hints.unit_code')}
        className="field--medium"
        autoCapitalize={firstRun ? 'characters' : undefined}
        spellCheck={false}
      />
    </>
  );
}

export function FirstAdminFields({ form, firstRun = false }: AgencyFieldsProps) {
  const { t } = useT();
  const labels = agencyFieldLabels(t);
  const employment = form.field('admin.employmentType');
  return (
    <>
      <TextField
        {...form.field('admin.fullName')}
        label={labels['admin.fullName']}
        autoComplete={firstRun ? 'name' : undefined}
      />
      <TextField
        {...form.field('admin.email')}
        type="email"
        label={labels['admin.email']}
        hint={firstRun ? t('setup.hints.email') : t('platform.create.email_hint')}
        autoComplete={firstRun ? 'email' : undefined}
        spellCheck={false}
      />
      <RadioGroup
        {...employment}
        name={employment.id}
        legend={labels['admin.employmentType']}
        options={employmentOptions(t)}
        inline
      />
      <TextField
        {...form.field('admin.nip')}
        label={labels['admin.nip']}
        hint={t('setup.hints.nip')}
        inputMode="numeric"
        autoComplete={firstRun ? 'off' : undefined}
        optional={employment.value === 'non_asn'}
      />
    </>
  );
}
