import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { personCreateBody, personUpdateBody, type PersonSummary } from '../../../contracts/org.js';
import { isApiError, type ApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { employmentOptions } from '../../lib/options.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RadioGroup, Select, TextField } from '../../components/fields.js';
import { useForm, type Form } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Loading } from '../../components/Spinner.js';
import { useT } from '../../i18n.js';
import { accountStatus } from './PeoplePage.js';
import {
  createPerson,
  peopleKey,
  peopleQuery,
  type PersonDetail,
  personQuery,
  sendInvitation,
  setPersonActive,
  unitsQuery,
  type UnitView,
  updatePerson,
} from '../../api/org.api.js';
import { unitOptions } from '../../lib/unit-tree.js';
import { RolesPanel } from './RolesPanel.js';
import './org.css';

type PersonValues = {
  fullName: string;
  employmentType: string;
  nip: string;
  email: string;
  phone: string;
  position: string;
  unitId: string;
  managerId: string;
};

const EMPTY: PersonValues = {
  fullName: '',
  employmentType: 'pns',
  nip: '',
  email: '',
  phone: '',
  position: '',
  unitId: '',
  managerId: '',
};

function valuesOf(p: PersonDetail): PersonValues {
  return {
    fullName: p.fullName,
    employmentType: p.employmentType,
    nip: p.nip ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    position: p.position ?? '',
    unitId: p.unitId,
    managerId: p.managerId ?? '',
  };
}

/** Server refusals that belong to one field go next to it. */
const CODE_FIELDS: Record<string, keyof PersonValues> = {
  nip_taken: 'nip',
  email_taken: 'email',
  manager_not_found: 'managerId',
  manager_self: 'managerId',
  manager_cycle: 'managerId',
  unit_not_found: 'unitId',
};

function showPersonError(form: Form<PersonValues>, err: ApiError) {
  const field = isApiError(err) ? CODE_FIELDS[err.code] : undefined;
  if (field) form.fail({ [field]: err.message });
  else form.showServerError(err);
}

/** Choosing the direct manager by searching, without a combobox widget: results are buttons. */
function ManagerPicker({
  idPrefix,
  value,
  name,
  selfId,
  error,
  onChange,
}: {
  idPrefix: string;
  value: string;
  name: string | null;
  selfId?: string;
  error?: string;
  onChange: (id: string, name: string | null) => void;
}) {
  const { t } = useT();
  const [searching, setSearching] = useState(false);
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 300);
  const results = useQuery({
    ...peopleQuery({ q: term, pageSize: 8, status: 'active' }),
    enabled: searching && term.length >= 2,
  });
  const id = `${idPrefix}-managerId`;
  return (
    <fieldset
      className={`field fieldset ${error ? 'field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field__label">
        {t('org.person.fields.manager')} <span className="field__optional">({t('common.form.optional')})</span>
      </legend>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <p>{value ? (name ?? t('org.person.manager_chosen')) : t('org.person.no_manager')}</p>
      <ButtonRow>
        <Button variant="secondary" size="small" onClick={() => setSearching((s) => !s)} aria-expanded={searching}>
          {value ? t('org.person.change_manager') : t('org.person.choose_manager')}
        </Button>
        {value && (
          <Button variant="quiet" size="small" onClick={() => onChange('', null)}>
            {t('org.person.remove_manager')}
          </Button>
        )}
      </ButtonRow>
      {searching && (
        <div className="picker">
          <TextField
            id={`${id}-search`}
            type="search"
            label={t('org.person.manager_search')}
            hint={t('org.person.manager_search_hint')}
            value={q}
            onChange={setQ}
            autoComplete="off"
          />
          <div role="status" className="small muted">
            {term.length >= 2 && results.data ? t('org.people.found', { number: results.data.total }) : ''}
          </div>
          {results.isFetching && <Loading block={false} />}
          {results.data && results.data.items.length > 0 && (
            <ul className="picker__results">
              {results.data.items
                .filter((p: PersonSummary) => p.id !== selfId)
                .map((p: PersonSummary) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="picker__option"
                      onClick={() => {
                        onChange(p.id, p.fullName);
                        setSearching(false);
                        setQ('');
                      }}
                    >
                      <span className="picker__name">{p.fullName}</span>
                      <span className="picker__meta">{[p.position, p.unitName].filter(Boolean).join(' · ')}</span>
                    </button>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}

function PersonForm({ person, units }: { person?: PersonDetail; units: readonly UnitView[] }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = useMemo(() => (person ? valuesOf(person) : EMPTY), [person]);
  const form = useForm<PersonValues>(person ? `person-${person.id}` : 'person-new', initial);
  const [managerName, setManagerName] = useState<string | null>(person?.managerName ?? null);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((body: Record<string, unknown>, key) =>
    person ? updatePerson(person.id, body, key) : createPerson(body, key),
  );
  const v = form.values;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = {
      fullName: v.fullName,
      employmentType: v.employmentType,
      nip: v.nip.trim() === '' ? null : v.nip,
      email: v.email,
      phone: v.phone,
      position: v.position,
      // An unchosen select is "missing", not "malformed".
      unitId: v.unitId || undefined,
      managerId: v.managerId || null,
    };
    let body: Record<string, unknown> | null;
    if (!person) {
      body = form.validate(personCreateBody, input);
    } else {
      // Only what changed; NIP and employment type travel together so they are checked together.
      const before = valuesOf(person);
      const changed: Record<string, unknown> = {};
      for (const key of Object.keys(input) as Array<keyof typeof input>) {
        if (String(v[key] ?? '') !== String(before[key] ?? '')) changed[key] = input[key];
      }
      if ('nip' in changed || 'employmentType' in changed) {
        changed.nip = input.nip;
        changed.employmentType = input.employmentType;
      }
      body = form.validate(personUpdateBody, changed);
      if (body && Object.keys(body).length === 0) {
        setSaved(true);
        return;
      }
    }
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: peopleKey });
        if (!person) {
          await navigate(`/admin/people/${result.id}`, { replace: true, state: { created: true } });
          return;
        }
        queryClient.setQueryData(personQuery(person.id).queryKey, result);
        form.reset(valuesOf(result));
        setManagerName(result.managerName);
        setSaved(true);
      },
      onError: (err) => showPersonError(form, err),
    });
  };

  const labels: Record<keyof PersonValues, string> = {
    fullName: t('org.person.fields.full_name'),
    employmentType: t('org.person.fields.employment_type'),
    nip: t('org.person.fields.nip'),
    email: t('org.person.fields.email'),
    phone: t('org.person.fields.phone'),
    position: t('org.person.fields.position'),
    unitId: t('org.person.fields.unit'),
    managerId: t('org.person.fields.manager'),
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${form.idPrefix}-title`}>
      <h2 id={`${form.idPrefix}-title`}>{t('org.person.data_title')}</h2>
      <FormErrorSummary {...form.summary} labels={labels} />
      {saved && <Alert tone="success">{t('org.person.saved')}</Alert>}
      <TextField
        {...form.field('fullName')}
        label={labels.fullName}
        hint={t('org.person.hints.full_name')}
        autoComplete="off"
      />
      <RadioGroup
        id={`${form.idPrefix}-employmentType`}
        name="employmentType"
        legend={labels.employmentType}
        value={v.employmentType}
        onChange={(value) => form.set('employmentType', value)}
        options={employmentOptions(t)}
        error={form.errors.employmentType}
        inline
      />
      <TextField
        {...form.field('nip')}
        label={labels.nip}
        hint={t('org.person.hints.nip')}
        inputMode="numeric"
        autoComplete="off"
        optional={v.employmentType === 'non_asn'}
      />
      <TextField
        {...form.field('email')}
        type="email"
        label={labels.email}
        hint={person?.hasSignedUp ? t('org.person.hints.email_signed_up') : t('org.person.hints.email')}
        optional
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        {...form.field('phone')}
        type="tel"
        label={labels.phone}
        optional
        autoComplete="off"
        className="field--medium"
      />
      <TextField {...form.field('position')} label={labels.position} optional autoComplete="off" />
      <Select
        {...form.field('unitId')}
        label={labels.unitId}
        options={unitOptions(units, { activeOnly: true })}
        placeholder={t('common.form.choose')}
      />
      <ManagerPicker
        idPrefix={form.idPrefix}
        value={v.managerId}
        name={managerName}
        selfId={person?.id}
        error={form.errors.managerId}
        onChange={(id, name) => {
          form.set('managerId', id);
          setManagerName(name);
        }}
      />
      <ButtonRow>
        <Button type="submit" busy={save.isPending}>
          {person ? t('common.actions.save') : t('org.person.create_submit')}
        </Button>
        {!person && (
          <Link to="/admin/people" className="btn btn--quiet">
            {t('common.actions.cancel')}
          </Link>
        )}
      </ButtonRow>
    </form>
  );
}

function InvitationPanel({ person }: { person: PersonDetail }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const invite = useApiMutation((_: void, key) => sendInvitation(person.id, key), {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: personQuery(person.id).queryKey }),
  });
  return (
    <section className="card" aria-labelledby="person-invitation">
      <h2 id="person-invitation">{t('org.person.invitation.title')}</h2>
      <p>
        {person.hasSignedUp
          ? t('org.person.invitation.signed_up')
          : person.invitationPending
            ? t('org.person.invitation.pending')
            : t('org.person.invitation.none')}
      </p>
      {!person.email && (
        <Alert tone="warning" live={false}>
          {t('org.person.invitation.no_email')}
        </Alert>
      )}
      {invite.data && (
        <Alert tone="success" title={t('org.person.invitation.sent', { email: invite.data.sentTo })}>
          <p>{t('org.person.invitation.expires', { when: fmt.dateTime(invite.data.expiresAt) })}</p>
          {invite.data.viaOutbox && (
            <>
              <p>{t('org.person.invitation.via_outbox', { name: person.fullName })}</p>
              <p>
                <Link to="/admin/outbox">{t('org.person.invitation.to_outbox')}</Link>
              </p>
            </>
          )}
        </Alert>
      )}
      {invite.error && <Alert tone="error">{invite.error.message}</Alert>}
      {person.isActive && person.email && !person.hasSignedUp && (
        <Button busy={invite.isPending} onClick={() => invite.mutate()}>
          {person.invitationPending ? t('org.person.invitation.resend') : t('org.person.invitation.send')}
        </Button>
      )}
    </section>
  );
}

function ActivationPanel({ person }: { person: PersonDetail }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const deactivating = person.isActive;
  const change = useApiMutation((_: void, key) => setPersonActive(person.id, !deactivating, key));
  return (
    <section className="card" aria-labelledby="person-activation">
      <h2 id="person-activation">{t('org.person.activation.title')}</h2>
      <p className="muted">
        {deactivating ? t('org.person.activation.deactivate_body') : t('org.person.activation.reactivate_body')}
      </p>
      <Button
        variant={deactivating ? 'danger' : 'secondary'}
        onClick={() => {
          change.reset();
          setOpen(true);
        }}
      >
        {deactivating ? t('org.person.activation.deactivate') : t('org.person.activation.reactivate')}
      </Button>
      <ConfirmDialog
        open={open}
        title={
          deactivating
            ? t('org.person.activation.deactivate_confirm', { name: person.fullName })
            : t('org.person.activation.reactivate_confirm', { name: person.fullName })
        }
        confirmLabel={deactivating ? t('org.person.activation.deactivate') : t('org.person.activation.reactivate')}
        tone={deactivating ? 'danger' : 'primary'}
        busy={change.isPending}
        error={change.error?.message ?? null}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          change.mutate(undefined, {
            onSuccess: async () => {
              setOpen(false);
              await queryClient.invalidateQueries({ queryKey: personQuery(person.id).queryKey });
              await queryClient.invalidateQueries({ queryKey: peopleKey });
            },
          })
        }
      >
        <p>
          {deactivating
            ? t('org.person.activation.deactivate_confirm_body')
            : t('org.person.activation.reactivate_confirm_body')}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function ExistingPerson({ id, units }: { id: string; units: readonly UnitView[] }) {
  const { t } = useT();
  const location = useLocation();
  const person = useQuery(personQuery(id));
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  return (
    <QueryState query={person} skeleton="form" skeletonLines={5}>
      {(p) => (
        <>
          <PageHeader
            eyebrow={<Link to="/admin/people">{t('org.people.title')}</Link>}
            title={p.fullName}
            lead={
              <p className="badges">
                {accountStatus(t, p)}{' '}
                {p.twoFactorEnabled ? (
                  <Badge tone="success">{t('org.person.two_factor_on')}</Badge>
                ) : (
                  <Badge>{t('org.person.two_factor_off')}</Badge>
                )}
              </p>
            }
          />
          {created && <Alert tone="success">{t('org.person.created')}</Alert>}
          <div className="person-layout">
            <PersonForm key={p.id} person={p} units={units} />
            <div className="stack">
              <RolesPanel person={p} units={units} />
              <InvitationPanel person={p} />
              <ActivationPanel person={p} />
            </div>
          </div>
        </>
      )}
    </QueryState>
  );
}

/** Add a person, or edit one: details, roles, invitation and whether the account is active. */
export function PersonPage() {
  const { t } = useT();
  const { id } = useParams();
  const units = useQuery(unitsQuery);
  if (!id) {
    return (
      <>
        <PageHeader
          eyebrow={<Link to="/admin/people">{t('org.people.title')}</Link>}
          title={t('org.person.new_title')}
          lead={t('org.person.new_lead')}
        />
        <div className="narrow-left">
          <QueryState query={units}>{(data) => <PersonForm units={data.items} />}</QueryState>
        </div>
      </>
    );
  }
  return <QueryState query={units}>{(data) => <ExistingPerson id={id} units={data.items} />}</QueryState>;
}
