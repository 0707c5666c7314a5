import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { newAgencyBody } from '../../../contracts/platform.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { timeZoneName } from '../../../i18n/format.js';
import { useT } from '../../i18n.js';
import {
  createAgency,
  platformAgenciesQuery,
  type AgencyCreated,
  type PlatformAgency,
} from '../../api/platform.api.js';
import {
  AgencyFields,
  agencyFieldInputs,
  agencyFieldLabels,
  emptyAgencyFields,
  FirstAdminFields,
  TopUnitFields,
} from '../../components/agency/agency-fields.js';

type Created = AgencyCreated;

function NewAgencyForm({ onCreated }: { onCreated: (created: Created, name: string) => void }) {
  const { t } = useT();
  const form = useForm('new-agency', emptyAgencyFields);
  const create = useApiMutation((body: unknown, key) => createAgency(body, key));
  const v = form.values;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(newAgencyBody, agencyFieldInputs(v));
    if (!body) return;
    create.mutate(body, {
      onSuccess: (created) => {
        onCreated(created, v['agency.name']);
        form.reset(emptyAgencyFields);
      },
      onError: (err) => form.showServerError(err),
    });
  };

  const labels = agencyFieldLabels(t);
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-agency-title">
      <h2 id="new-agency-title">{t('platform.create.title')}</h2>
      <p className="muted">{t('platform.create.lead')}</p>
      <FormErrorSummary {...form.summary} labels={labels} />
      <fieldset className="fieldset-plain">
        <legend className="legend">{t('setup.steps.agency')}</legend>
        <AgencyFields form={form} />
      </fieldset>
      <fieldset className="fieldset-plain">
        <legend className="legend">{t('setup.steps.unit')}</legend>
        <TopUnitFields form={form} />
      </fieldset>
      <fieldset className="fieldset-plain">
        <legend className="legend">{t('platform.create.admin')}</legend>
        <FirstAdminFields form={form} />
      </fieldset>
      <ButtonRow>
        <Button type="submit" busy={create.isPending}>
          {t('platform.create.submit')}
        </Button>
      </ButtonRow>
    </form>
  );
}

/** Agencies of a multi-agency install, and a new one with its first admin invited. */
export function AgenciesPage() {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const agencies = useQuery(platformAgenciesQuery);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ result: Created; name: string } | null>(null);

  const columns: Column<PlatformAgency>[] = [
    {
      key: 'name',
      header: t('platform.columns.name'),
      primary: true,
      cell: (a) => (
        <>
          {a.name} <span className="muted">({a.shortName})</span>
        </>
      ),
    },
    { key: 'kind', header: t('platform.columns.kind'), cell: (a) => t(`common.agency_kinds.${a.kind}`) },
    { key: 'zone', header: t('platform.columns.time_zone'), cell: (a) => timeZoneName(a.timeZone) },
    { key: 'units', header: t('platform.columns.units'), cell: (a) => fmt.number(a.units) },
    { key: 'people', header: t('platform.columns.people'), cell: (a) => fmt.number(a.people) },
    { key: 'created', header: t('platform.columns.created'), cell: (a) => fmt.date(a.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('platform.title')}
        lead={t('platform.lead')}
        actions={
          !creating && (
            <Button onClick={() => setCreating(true)} aria-expanded={creating}>
              {t('platform.add')}
            </Button>
          )
        }
      />
      {created && (
        <Alert tone="success" title={t('platform.created.title', { name: created.name })}>
          <p>
            {t('platform.created.invited', {
              email: created.result.invitation.sentTo,
              when: fmt.dateTime(created.result.invitation.expiresAt),
            })}
          </p>
          {created.result.invitation.viaOutbox && <p>{t('platform.created.via_outbox')}</p>}
        </Alert>
      )}
      {creating && (
        <div className="stack">
          <NewAgencyForm
            onCreated={(result, name) => {
              setCreated({ result, name });
              setCreating(false);
              void queryClient.invalidateQueries({ queryKey: platformAgenciesQuery.queryKey });
            }}
          />
          <ButtonRow>
            <Button variant="quiet" onClick={() => setCreating(false)}>
              {t('common.actions.cancel')}
            </Button>
          </ButtonRow>
        </div>
      )}
      <section aria-labelledby="agency-list" className="results">
        <h2 id="agency-list">{t('platform.list_title')}</h2>
        <QueryState query={agencies} skeleton="rows" skeletonLines={4}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('platform.empty')} />
            ) : (
              <DataTable caption={t('platform.list_title')} columns={columns} rows={data.items} rowKey={(a) => a.id} />
            )
          }
        </QueryState>
      </section>
    </>
  );
}
