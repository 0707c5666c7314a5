import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { focusGroupBody, inviteBody } from '../../../contracts/focus-groups.js';
import { surveyThemesQuery, type PersonOption } from '../../api/committee.api.js';
import {
  cancelFocusGroup,
  createFocusGroup,
  focusGroupKeys,
  inviteToFocusGroup,
  manageFocusGroupsQuery,
  type FocusGroupView,
} from '../../api/focus-groups.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { unitsQuery } from '../../api/org.api.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmedAction } from '../../components/ConfirmedAction.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RadioGroup, Select, TextField } from '../../components/fields.js';
import { DateField } from '../../components/DateField.js';
import { TimeField } from '../../components/TimeField.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageHeaderLinks } from '../../components/PageHeaderLinks.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import '../../components/gatherings.css';

/** /focus-groups/manage — the agency-wide wellbeing admin schedules focus groups, invites, cancels. */
export function ManageFocusGroupsPage() {
  const { t } = useT();
  const groups = useQuery(manageFocusGroupsQuery);
  const toast = useToast();
  return (
    <PageContent>
      <PageHeader
        title={t('focus_groups.manage.title')}
        lead={t('focus_groups.manage.intro')}
        actions={
          <PageHeaderLinks
            links={[
              { to: '/focus-groups', label: t('focus_groups.my_link') },
              { to: '/committee/manage', label: t('focus_groups.committee_manage_link') },
            ]}
          />
        }
      />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <section aria-labelledby="fg-all">
        <h2 id="fg-all">{t('focus_groups.manage.list')}</h2>
        <QueryState query={groups} skeleton="cards" loadingLabel={t('focus_groups.loading')}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={t('focus_groups.manage.list_empty')} />
            ) : (
              <ul className="committee-list">
                {data.items.map((g) => (
                  <ManagedGroup key={g.id} group={g} onDone={toast.show} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <CreateForm onDone={toast.show} />
    </PageContent>
  );
}

function CreateForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const themes = useQuery(surveyThemesQuery);
  const [facilitator, setFacilitator] = useState<PersonOption | null>(null);
  const form = useForm('focus', {
    topic: '',
    theme: '',
    date: '',
    startTime: '09:00',
    durationMinutes: '90',
    place: '',
    link: '',
    capacity: '8',
  });
  const create = useApiMutation((body: Parameters<typeof createFocusGroup>[0], key) => createFocusGroup(body, key), {
    onSuccess: (g) => {
      void queryClient.invalidateQueries({ queryKey: focusGroupKeys.all });
      onDone(t('focus_groups.manage.created'));
      void navigate(`/focus-groups/${g.id}`);
    },
    onError: (err) => form.showServerError(err),
  });
  const labels = {
    topic: t('focus_groups.manage.topic'),
    surveyId: t('focus_groups.manage.theme'),
    date: t('focus_groups.manage.date'),
    startTime: t('focus_groups.manage.start_time'),
    durationMinutes: t('focus_groups.manage.duration'),
    place: t('focus_groups.manage.place'),
    link: t('focus_groups.manage.link'),
    capacity: t('focus_groups.manage.capacity'),
    facilitatorId: t('focus_groups.manage.facilitator'),
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const [surveyId, themeId] = v.theme.split('|');
    const body = form.validate(
      focusGroupBody,
      {
        topic: v.topic,
        surveyId: surveyId || null,
        themeId: themeId || null,
        date: v.date,
        startTime: v.startTime,
        durationMinutes: Number(v.durationMinutes),
        place: v.place || null,
        link: v.link || null,
        capacity: Number(v.capacity),
        facilitatorId: facilitator?.id ?? '',
      },
      facilitator ? {} : { facilitatorId: t('focus_groups.manage.facilitator_required') },
    );
    if (body) create.mutate(body);
  };
  return (
    <form className="committee-form" onSubmit={submit} noValidate>
      <h2>{t('focus_groups.manage.create')}</h2>
      <FormErrorSummary {...form.summary} labels={labels} />
      <TextField {...form.field('topic')} label={labels.topic} required />
      <Select
        {...form.field('theme')}
        id="focus-surveyId"
        error={form.errors.surveyId}
        label={labels.surveyId}
        options={[
          { value: '', label: t('focus_groups.manage.no_theme') },
          ...(themes.data?.items ?? []).flatMap((s) => [
            { value: `${s.id}|`, label: s.title },
            ...s.themes.map((th) => ({ value: `${s.id}|${th.id}`, label: `${s.title} — ${th.name}` })),
          ]),
        ]}
      />
      <div className="committee-form__row">
        <DateField {...form.field('date')} label={labels.date} />
        <TimeField {...form.field('startTime')} label={labels.startTime} />
        <TextField {...form.field('durationMinutes')} type="number" min={15} max={480} label={labels.durationMinutes} />
      </div>
      <TextField {...form.field('place')} label={labels.place} />
      <TextField {...form.field('link')} type="url" label={labels.link} />
      <TextField {...form.field('capacity')} type="number" min={3} max={30} label={labels.capacity} />
      <PersonPicker
        id="focus-facilitatorId"
        label={labels.facilitatorId}
        value={facilitator}
        onChange={setFacilitator}
        error={form.errors.facilitatorId}
      />
      <ButtonRow>
        <Button type="submit" busy={create.isPending}>
          {t('focus_groups.manage.save')}
        </Button>
      </ButtonRow>
    </form>
  );
}

function ManagedGroup({ group: g, onDone }: { group: FocusGroupView; onDone: (message: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  // The moment the page was drawn: whether it has started is read once, not on every render.
  const [now] = useState(() => Date.now());
  const open = g.status === 'scheduled' && Date.parse(g.startsAt) > now;
  return (
    <li className="committee-card">
      <p>
        <Link to={`/focus-groups/${g.id}`}>{g.topic}</Link>
      </p>
      <p className="muted small">{fmt.dateTime(g.startsAt)}</p>
      <p>
        <Badge tone={g.status === 'cancelled' ? 'warning' : 'neutral'}>{t(`focus_groups.statuses.${g.status}`)}</Badge>{' '}
        {g.summaryPublishedAt && <Badge tone="success">{t('focus_groups.manage.summary_published')}</Badge>}
      </p>
      {open && (
        <>
          <InviteForm groupId={g.id} onDone={onDone} />
          <div>
            <ConfirmedAction
              label={t('focus_groups.manage.cancel')}
              title={t('focus_groups.manage.cancel_title')}
              confirmLabel={t('focus_groups.manage.cancel')}
              tone="danger"
              variant="quiet"
              size="small"
              run={() => cancelFocusGroup(g.id)}
              onDone={() => {
                void queryClient.invalidateQueries({ queryKey: focusGroupKeys.all });
                onDone(t('focus_groups.manage.cancelled'));
              }}
            >
              <p>{t('focus_groups.manage.cancel_body')}</p>
            </ConfirmedAction>
          </div>
        </>
      )}
    </li>
  );
}

/** Invites a random sample of a unit subtree (so nobody is singled out), or one named person. */
function InviteForm({ groupId, onDone }: { groupId: string; onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery);
  const [person, setPerson] = useState<PersonOption | null>(null);
  const form = useForm(`invite-${groupId}`, { kind: 'sample', unitId: '', size: '6' });
  const invite = useApiMutation(
    (body: Parameters<typeof inviteToFocusGroup>[1], key) => inviteToFocusGroup(groupId, body, key),
    {
      onSuccess: (r) => {
        setPerson(null);
        void queryClient.invalidateQueries({ queryKey: focusGroupKeys.all });
        onDone(t('focus_groups.manage.sent', { count: r.invited }));
      },
      onError: (err) => form.showServerError(err),
    },
  );
  const labels = {
    unitId: t('focus_groups.manage.unit'),
    size: t('focus_groups.manage.size'),
    personIds: t('focus_groups.manage.person'),
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const body = form.validate(
      inviteBody,
      v.kind === 'sample'
        ? { kind: 'sample', unitId: v.unitId, size: Number(v.size) }
        : { kind: 'named', personIds: person ? [person.id] : [] },
    );
    if (body) invite.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate className="committee-form">
      <h3>{t('focus_groups.manage.invite')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <RadioGroup
        id={`invite-${groupId}-kind`}
        name={`invite-${groupId}-kind`}
        legend={t('focus_groups.manage.invite_kind')}
        value={form.values.kind}
        onChange={(v) => form.set('kind', v)}
        options={[
          { value: 'sample', label: t('focus_groups.manage.kind_sample') },
          { value: 'named', label: t('focus_groups.manage.kind_named') },
        ]}
      />
      {form.values.kind === 'sample' ? (
        <>
          <Select
            {...form.field('unitId')}
            label={labels.unitId}
            options={[
              { value: '', label: '—' },
              ...(units.data?.items ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          <TextField {...form.field('size')} type="number" min={3} max={60} label={labels.size} />
        </>
      ) : (
        <PersonPicker
          id={`invite-${groupId}-personIds`}
          label={labels.personIds}
          value={person}
          onChange={setPerson}
          error={form.errors['personIds'] ?? form.errors['personIds.0']}
        />
      )}
      <ButtonRow>
        <Button type="submit" size="small" busy={invite.isPending}>
          {t('focus_groups.manage.send')}
        </Button>
      </ButtonRow>
    </form>
  );
}
