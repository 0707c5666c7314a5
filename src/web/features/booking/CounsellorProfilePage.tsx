import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  COUNSELLOR_KINDS,
  LANGUAGES,
  MODES,
  type AvailabilityBody,
  type ProfileBody,
} from '../../../contracts/booking.js';
import {
  addException,
  bookingKeys,
  ownProfileQuery,
  removeException,
  saveAvailability,
  saveProfile,
  type OwnProfileView,
} from '../../api/booking.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { Checkbox, Select, TextArea, TextField } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { newId } from '../../lib/new-id.js';
import { useFormat } from '../../lib/use-format.js';
import './booking.css';

type Rule = AvailabilityBody['rules'][number];
type Mode = (typeof MODES)[number];

/** /counselling/profile — the counsellor's profile, weekly opening hours and leave. */
export function CounsellorProfilePage() {
  const { t } = useT();
  const profile = useQuery(ownProfileQuery);
  const toast = useToast();
  return (
    <>
      <PageHeader title={t('booking.counsellor.profile_title')} lead={t('booking.counsellor.profile_intro')} />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={profile} skeleton="form">
        {(data) => (
          <PageColumns
            aside={
              <>
                <WeekEditor data={data} onSaved={toast.show} />
                <Exceptions data={data} />
              </>
            }
          >
            <ProfileForm data={data} onSaved={toast.show} />
          </PageColumns>
        )}
      </QueryState>
    </>
  );
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

function ProfileForm({ data, onSaved }: { data: OwnProfileView; onSaved: (m: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const p = data.profile;
  const [form, setForm] = useState<ProfileBody>({
    kind: p?.kind ?? 'konselor',
    languages: (p?.languages ?? ['id']) as ProfileBody['languages'],
    modes: p?.modes ?? ['in_person', 'video'],
    locations: p?.locations ?? [],
    introduction: p?.introduction ?? '',
    provider: p?.provider ?? '',
    slotMinutes: p?.slotMinutes ?? 50,
    active: p?.active ?? true,
  });
  const [locations, setLocations] = useState((p?.locations ?? []).join('\n'));
  const save = useApiMutation((body: ProfileBody) => saveProfile(body), {
    onSuccess: (view) => {
      queryClient.setQueryData(bookingKeys.profile, view);
      onSaved(t('booking.counsellor.profile_saved'));
    },
  });
  const fieldError = (path: string) => save.error?.fieldErrors[path];
  return (
    <form
      className="counsellor-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...form,
          locations: locations
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        });
      }}
    >
      {!p && <Alert tone="info">{t('booking.counsellor.no_profile')}</Alert>}
      <Select
        id="profile-kind"
        label={t('booking.counsellor.kind')}
        value={form.kind}
        onChange={(v) => setForm({ ...form, kind: v as ProfileBody['kind'] })}
        options={COUNSELLOR_KINDS.map((k) => ({ value: k, label: t(`booking.kinds.${k}`) }))}
      />
      <fieldset className="checkbox-group">
        <legend>{t('booking.counsellor.languages')}</legend>
        {LANGUAGES.map((l) => (
          <Checkbox
            key={l}
            id={`profile-lang-${l}`}
            label={t(`booking.languages.${l}`)}
            checked={form.languages.includes(l)}
            onChange={(on) => setForm({ ...form, languages: toggle(form.languages, l, on) })}
          />
        ))}
        {fieldError('languages') && <p className="field__error">{fieldError('languages')}</p>}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>{t('booking.counsellor.modes')}</legend>
        {MODES.map((m) => (
          <Checkbox
            key={m}
            id={`profile-mode-${m}`}
            label={t(`booking.modes.${m}`)}
            checked={form.modes.includes(m)}
            onChange={(on) => setForm({ ...form, modes: toggle(form.modes, m, on) })}
          />
        ))}
        {fieldError('modes') && <p className="field__error">{fieldError('modes')}</p>}
      </fieldset>
      <TextArea
        id="profile-locations"
        label={t('booking.counsellor.locations')}
        optional
        value={locations}
        onChange={setLocations}
        rows={2}
      />
      <TextArea
        id="profile-introduction"
        label={t('booking.counsellor.introduction')}
        hint={t('booking.counsellor.introduction_hint')}
        value={form.introduction}
        onChange={(v) => setForm({ ...form, introduction: v })}
        error={fieldError('introduction')}
        maxLength={600}
      />
      <TextField
        id="profile-provider"
        label={t('booking.counsellor.provider')}
        optional
        value={form.provider ?? ''}
        onChange={(v) => setForm({ ...form, provider: v })}
      />
      <TextField
        id="profile-slot"
        type="number"
        label={t('booking.counsellor.slot_minutes')}
        value={String(form.slotMinutes)}
        min={15}
        max={180}
        step={5}
        onChange={(v) => setForm({ ...form, slotMinutes: Number(v) })}
        error={fieldError('slotMinutes')}
      />
      <Checkbox
        id="profile-active"
        label={t('booking.counsellor.active')}
        checked={form.active}
        onChange={(on) => setForm({ ...form, active: on })}
      />
      {save.error && Object.keys(save.error.fieldErrors).length === 0 && (
        <Alert tone="error">{save.error.message}</Alert>
      )}
      <Button type="submit" busy={save.isPending}>
        {t('booking.counsellor.save_profile')}
      </Button>
    </form>
  );
}

function WeekEditor({ data, onSaved }: { data: OwnProfileView; onSaved: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [rules, setRules] = useState<Rule[]>(data.rules);
  const save = useApiMutation((body: AvailabilityBody) => saveAvailability(body), {
    onSuccess: (view) => {
      queryClient.setQueryData(bookingKeys.profile, view);
      onSaved(t('booking.counsellor.availability_saved'));
    },
  });
  const set = (i: number, patch: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const weekdayOptions = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`booking.weekdays.${d}` as 'booking.weekdays.1'),
  }));
  return (
    <section aria-labelledby="week-title" className="week-editor">
      <h2 id="week-title">{t('booking.counsellor.availability_title')}</h2>
      <p className="muted small">{t('booking.counsellor.availability_intro', { zone: fmt.zoneName })}</p>
      {rules.length === 0 && <p>{t('booking.counsellor.availability_empty')}</p>}
      <ul className="rule-list">
        {rules.map((r, i) => (
          <li key={i} className="rule">
            <Select
              id={`rule-${i}-day`}
              label={t('booking.counsellor.weekday')}
              value={String(r.weekday)}
              onChange={(v) => set(i, { weekday: Number(v) })}
              options={weekdayOptions}
            />
            <TextField
              id={`rule-${i}-start`}
              label={t('booking.counsellor.start')}
              value={r.start}
              onChange={(v) => set(i, { start: v })}
              placeholder="09:00"
            />
            <TextField
              id={`rule-${i}-end`}
              label={t('booking.counsellor.end')}
              value={r.end}
              onChange={(v) => set(i, { end: v })}
              placeholder="12:00"
            />
            <fieldset className="checkbox-group checkbox-group--inline">
              <legend className="visually-hidden">{t('booking.counsellor.modes')}</legend>
              {MODES.map((m: Mode) => (
                <Checkbox
                  key={m}
                  id={`rule-${i}-${m}`}
                  label={t(`booking.modes.${m}`)}
                  checked={r.modes.includes(m)}
                  onChange={(on) => set(i, { modes: toggle(r.modes, m, on) })}
                />
              ))}
            </fieldset>
            <Button
              variant="secondary"
              size="small"
              onClick={() => setRules(rules.filter((_, j) => j !== i))}
              aria-label={t('booking.counsellor.remove_rule', {
                day: t(`booking.weekdays.${r.weekday}` as 'booking.weekdays.1'),
                start: r.start,
              })}
            >
              {t('booking.counsellor.remove')}
            </Button>
          </li>
        ))}
      </ul>
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
      <ButtonRow>
        <Button
          variant="secondary"
          onClick={() =>
            setRules([...rules, { weekday: 1, start: '09:00', end: '12:00', modes: data.profile?.modes ?? ['video'] }])
          }
        >
          {t('booking.counsellor.add_rule')}
        </Button>
        <Button onClick={() => save.mutate({ rules })} busy={save.isPending} disabled={!data.profile}>
          {t('booking.counsellor.save_availability')}
        </Button>
      </ButtonRow>
    </section>
  );
}

function Exceptions({ data }: { data: OwnProfileView }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [kind, setKind] = useState<'leave' | 'away'>('leave');
  const onSuccess = (view: OwnProfileView) => {
    queryClient.setQueryData(bookingKeys.profile, view);
    void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
  };
  const add = useApiMutation(() => addException({ id: newId(), startsOn, endsOn: endsOn || startsOn, kind }), {
    onSuccess: (view) => {
      onSuccess(view);
      setStartsOn('');
      setEndsOn('');
    },
  });
  const remove = useApiMutation((id: string) => removeException(id), { onSuccess });
  return (
    <section aria-labelledby="exceptions-title" className="exceptions">
      <h2 id="exceptions-title">{t('booking.counsellor.exceptions_title')}</h2>
      {data.exceptions.length === 0 ? (
        <p className="muted">{t('booking.counsellor.exceptions_empty')}</p>
      ) : (
        <ul className="exception-list">
          {data.exceptions.map((e) => (
            <li key={e.id}>
              {t(`booking.counsellor.${e.kind}`)}: {fmt.day(e.startsOn)} – {fmt.day(e.endsOn)}{' '}
              <Button
                variant="secondary"
                size="small"
                onClick={() => remove.mutate(e.id)}
                aria-label={t('booking.counsellor.remove_exception', {
                  from: fmt.day(e.startsOn),
                  to: fmt.day(e.endsOn),
                })}
              >
                {t('booking.counsellor.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="exception-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (startsOn) add.mutate();
        }}
      >
        <TextField
          id="exception-from"
          type="date"
          label={t('booking.counsellor.starts_on')}
          value={startsOn}
          onChange={setStartsOn}
        />
        <TextField
          id="exception-to"
          type="date"
          label={t('booking.counsellor.ends_on')}
          optional
          value={endsOn}
          onChange={setEndsOn}
        />
        <Select
          id="exception-kind"
          label={t('booking.counsellor.exception_kind')}
          value={kind}
          onChange={(v) => setKind(v as 'leave' | 'away')}
          options={[
            { value: 'leave', label: t('booking.counsellor.leave') },
            { value: 'away', label: t('booking.counsellor.away') },
          ]}
        />
        {add.error && <Alert tone="error">{add.error.message}</Alert>}
        <Button type="submit" variant="secondary" disabled={!data.profile || !startsOn} busy={add.isPending}>
          {t('booking.counsellor.add_exception')}
        </Button>
      </form>
    </section>
  );
}
