import { useQuery } from '@tanstack/react-query';
import { groupBody, type GroupBody } from '../../../contracts/peer-groups.js';
import { helpContactsQuery } from '../../api/help.api.js';
import { useApiMutation } from '../../api/mutation.js';
import type { GroupView } from '../../api/peer-groups.api.js';
import { useSignedIn } from '../../api/session.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { RadioGroup, Select, TextArea, TextField } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { useT } from '../../i18n.js';
import { orderContacts } from '../../lib/help-contacts.js';

type Values = {
  topic: string;
  description: string;
  scheduleKind: string;
  weekday: string;
  dates: string;
  startTime: string;
  durationMinutes: string;
  mode: string;
  place: string;
  link: string;
  capacity: string;
  groundRules: string;
  status: string;
};

const EMPTY: Values = {
  topic: '',
  description: '',
  scheduleKind: 'weekly',
  weekday: '3',
  dates: '',
  startTime: '15:30',
  durationMinutes: '60',
  mode: 'in_person',
  place: '',
  link: '',
  capacity: '10',
  groundRules: '',
  status: 'open',
};

function valuesOf(g: GroupView): Values {
  const s = g.schedule;
  return {
    topic: g.topic,
    description: g.description,
    scheduleKind: s.kind,
    weekday: s.kind === 'weekly' ? String(s.weekday) : '3',
    dates: s.kind === 'dates' ? s.dates.join(', ') : '',
    startTime: s.startTime,
    durationMinutes: String(s.durationMinutes),
    mode: g.mode,
    place: g.place ?? '',
    link: g.link ?? '',
    capacity: String(g.capacity),
    groundRules: g.groundRules,
    status: g.status,
  };
}

/**
 * The facilitator's form for a group (create and edit). Ground rules are required; the basic rules
 * (confidentiality, listening rather than advising, no health data, what to do in a crisis with the
 * agency's own crisis contacts) are one tap away, in plain Indonesian, to adapt.
 */
export function GroupEditor({
  group,
  save,
  onSaved,
  onCancel,
}: {
  group?: GroupView;
  save: (body: GroupBody) => Promise<GroupView>;
  onSaved: (view: GroupView) => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const session = useSignedIn();
  const contacts = useQuery(helpContactsQuery(session.person.id));
  const form = useForm<Values>('group', group ? valuesOf(group) : EMPTY);
  const mutation = useApiMutation((body: GroupBody) => save(body), {
    onSuccess: onSaved,
    onError: (err) => form.showServerError(err),
  });

  const defaultRules = () => {
    const crisis = orderContacts(contacts.data?.items ?? [])
      .filter((c) => c.kind === 'emergency' || c.kind === 'crisis_line')
      .slice(0, 3)
      .map((c) => (c.phone ? `${c.name} (${c.phone})` : c.name))
      .join(', ');
    return [
      t('peer_groups.default_rules.confidential'),
      t('peer_groups.default_rules.no_therapy'),
      t('peer_groups.default_rules.no_health_data'),
      t('peer_groups.default_rules.crisis', { contacts: crisis || t('peer_groups.default_rules.crisis_fallback') }),
    ].join('\n');
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const schedule =
      v.scheduleKind === 'weekly'
        ? {
            kind: 'weekly',
            weekday: Number(v.weekday),
            startTime: v.startTime,
            durationMinutes: Number(v.durationMinutes),
          }
        : {
            kind: 'dates',
            dates: v.dates
              .split(/[,\s]+/)
              .map((d) => d.trim())
              .filter(Boolean),
            startTime: v.startTime,
            durationMinutes: Number(v.durationMinutes),
          };
    const body = form.validate(
      groupBody,
      {
        topic: v.topic,
        description: v.description,
        schedule,
        mode: v.mode,
        place: v.mode === 'in_person' ? v.place : null,
        link: v.mode === 'online' ? v.link || null : null,
        capacity: Number(v.capacity),
        groundRules: v.groundRules,
        status: v.status,
      },
      {},
    );
    if (body) mutation.mutate(body);
  };

  const weekdays = (['1', '2', '3', '4', '5', '6', '7'] as const).map((d) => ({
    value: d,
    label: t(`peer_groups.weekdays.${d}`),
  }));
  const labels = {
    topic: t('peer_groups.form.topic'),
    description: t('peer_groups.form.description'),
    'schedule.dates': t('peer_groups.form.dates_field'),
    'schedule.startTime': t('peer_groups.form.start_time'),
    'schedule.durationMinutes': t('peer_groups.form.duration'),
    place: t('peer_groups.form.place'),
    link: t('peer_groups.form.link'),
    capacity: t('peer_groups.form.capacity'),
    groundRules: t('peer_groups.form.rules'),
  };
  return (
    <form onSubmit={submit} noValidate className="group-form">
      <FormErrorSummary {...form.summary} labels={labels} />
      <TextField {...form.field('topic')} label={labels.topic} hint={t('peer_groups.form.topic_hint')} required />
      <TextArea
        {...form.field('description')}
        label={labels.description}
        hint={t('peer_groups.form.description_hint')}
        rows={3}
        required
      />
      <RadioGroup
        id="group-scheduleKind"
        name="scheduleKind"
        legend={t('peer_groups.form.schedule_kind')}
        value={form.values.scheduleKind}
        onChange={(v) => form.set('scheduleKind', v)}
        options={[
          { value: 'weekly', label: t('peer_groups.form.weekly') },
          { value: 'dates', label: t('peer_groups.form.dates') },
        ]}
        inline
      />
      <div className="group-form__row">
        {form.values.scheduleKind === 'weekly' ? (
          <Select {...form.field('weekday')} label={t('peer_groups.form.weekday')} options={weekdays} />
        ) : (
          <TextField
            id="group-schedule.dates"
            value={form.values.dates}
            onChange={(v) => form.set('dates', v)}
            error={form.errors['schedule.dates']}
            label={labels['schedule.dates']}
            hint={t('peer_groups.form.dates_hint')}
          />
        )}
        <TextField
          id="group-schedule.startTime"
          type="text"
          inputMode="numeric"
          value={form.values.startTime}
          onChange={(v) => form.set('startTime', v)}
          error={form.errors['schedule.startTime']}
          label={labels['schedule.startTime']}
          placeholder="15:30"
        />
        <TextField
          id="group-schedule.durationMinutes"
          type="number"
          min={15}
          max={240}
          value={form.values.durationMinutes}
          onChange={(v) => form.set('durationMinutes', v)}
          error={form.errors['schedule.durationMinutes']}
          label={labels['schedule.durationMinutes']}
        />
      </div>
      <RadioGroup
        id="group-mode"
        name="mode"
        legend={t('peer_groups.form.mode')}
        value={form.values.mode}
        onChange={(v) => form.set('mode', v)}
        options={[
          { value: 'in_person', label: t('peer_groups.modes.in_person') },
          { value: 'online', label: t('peer_groups.modes.online') },
        ]}
        inline
      />
      {form.values.mode === 'in_person' ? (
        <TextField {...form.field('place')} label={labels.place} />
      ) : (
        <TextField {...form.field('link')} type="url" label={labels.link} hint={t('peer_groups.form.link_hint')} />
      )}
      <TextField {...form.field('capacity')} type="number" min={2} max={100} label={labels.capacity} />
      <TextArea
        {...form.field('groundRules')}
        label={labels.groundRules}
        hint={t('peer_groups.form.rules_hint')}
        rows={7}
        required
      />
      <ButtonRow>
        <Button variant="secondary" size="small" type="button" onClick={() => form.set('groundRules', defaultRules())}>
          {t('peer_groups.form.use_default_rules')}
        </Button>
      </ButtonRow>
      <Select
        {...form.field('status')}
        label={t('peer_groups.form.status')}
        options={[
          { value: 'open', label: t('peer_groups.form.status_open') },
          { value: 'closed', label: t('peer_groups.form.status_closed') },
        ]}
      />
      <ButtonRow>
        <Button type="submit" busy={mutation.isPending}>
          {t('peer_groups.form.save')}
        </Button>
        {onCancel && (
          <Button type="button" variant="quiet" onClick={onCancel}>
            {t('peer_groups.form.cancel')}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
