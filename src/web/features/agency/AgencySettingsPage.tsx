import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { agencySettingsBody } from '../../../contracts/agency.js';
import { useApiMutation } from '../../api/mutation.js';
import { refreshSession } from '../../api/session.js';
import { timeZoneOptions } from '../../lib/options.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Select, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { agencyQuery, saveAgencySettings, type AgencyView } from '../../api/agency.api.js';
import './agency.css';
import { PageContent } from '../../components/layout/PageLayout.js';

type SettingsValues = {
  name: string;
  shortName: string;
  timeZone: string;
  anonymityThreshold: string;
  dpoName: string;
  dpoEmail: string;
};

function valuesOf(a: AgencyView): SettingsValues {
  return {
    name: a.name,
    shortName: a.shortName,
    timeZone: a.timeZone,
    anonymityThreshold: String(a.anonymityThreshold),
    dpoName: a.dpoName ?? '',
    dpoEmail: a.dpoEmail ?? '',
  };
}

function SettingsForm({ agency }: { agency: AgencyView }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm<SettingsValues>('settings', valuesOf(agency));
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((body: unknown, key) => saveAgencySettings(body, key));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const v = form.values;
    const threshold = v.anonymityThreshold.trim() === '' ? Number.NaN : Number(v.anonymityThreshold);
    const body = form.validate(agencySettingsBody, {
      ...v,
      anonymityThreshold: Number.isNaN(threshold) ? v.anonymityThreshold : threshold,
    });
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (updated) => {
        queryClient.setQueryData(agencyQuery.queryKey, updated);
        form.reset(valuesOf(updated));
        setSaved(true);
        // The header shows the agency's name.
        await refreshSession(queryClient);
      },
      onError: (err) => form.showServerError(err),
    });
  };

  const labels = {
    name: t('agency.settings.name'),
    shortName: t('agency.settings.short_name'),
    timeZone: t('agency.settings.time_zone'),
    anonymityThreshold: t('agency.settings.threshold'),
    dpoName: t('agency.settings.dpo_name'),
    dpoEmail: t('agency.settings.dpo_email'),
  };
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <FormErrorSummary {...form.summary} labels={labels} />
      {saved && <Alert tone="success">{t('agency.settings.saved')}</Alert>}
      <fieldset className="fieldset-plain">
        <legend className="legend">{t('agency.settings.identity')}</legend>
        <TextField {...form.field('name')} label={labels.name} autoComplete="organization" />
        <TextField {...form.field('shortName')} label={labels.shortName} className="field--medium" />
        <Select
          {...form.field('timeZone')}
          label={labels.timeZone}
          hint={t('agency.settings.time_zone_hint')}
          options={timeZoneOptions(t)}
        />
      </fieldset>
      <fieldset className="fieldset-plain">
        <legend className="legend">{t('agency.settings.privacy')}</legend>
        <TextField
          {...form.field('anonymityThreshold')}
          type="number"
          inputMode="numeric"
          min={5}
          max={100}
          step={1}
          label={labels.anonymityThreshold}
          hint={
            <>
              <p>{t('agency.settings.threshold_hint')}</p>
              <p>{t('agency.settings.threshold_floor')}</p>
            </>
          }
          className="field--short"
        />
      </fieldset>
      <fieldset className="fieldset-plain">
        <legend className="legend">{t('agency.settings.dpo')}</legend>
        <p className="muted">{t('agency.settings.dpo_hint')}</p>
        <TextField {...form.field('dpoName')} label={labels.dpoName} optional autoComplete="off" />
        <TextField
          {...form.field('dpoEmail')}
          type="email"
          label={labels.dpoEmail}
          optional
          autoComplete="off"
          spellCheck={false}
        />
      </fieldset>
      <Button type="submit" busy={save.isPending}>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}

/** The agency's settings: names, time zone, anonymity threshold (never below 5), DPO. */
export function AgencySettingsPage() {
  const { t } = useT();
  const agency = useQuery(agencyQuery);
  return (
    <>
      <PageHeader title={t('agency.settings.title')} lead={t('agency.settings.lead')} />
      <PageContent>
        <QueryState query={agency} skeleton="form" skeletonLines={5}>
          {(a) => <SettingsForm agency={a} />}
        </QueryState>
      </PageContent>
    </>
  );
}
