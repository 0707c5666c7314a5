import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { MeetingForm } from './MeetingForm.js';
import { newMemberBody, COMMITTEE_ROLES } from '../../../contracts/committee.js';
import {
  addMember,
  committeeKeys,
  manageCommitteeQuery,
  removeMember,
  type MemberView,
  type PersonOption,
} from '../../api/committee.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmedAction } from '../../components/ConfirmedAction.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select } from '../../components/fields.js';
import { DateField } from '../../components/DateField.js';
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

/** /committee/manage — the agency-wide wellbeing admin keeps the members and schedules meetings. */
export function ManageCommitteePage() {
  const { t } = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const data = useQuery(manageCommitteeQuery);
  const toast = useToast();
  return (
    <PageContent>
      <PageHeader
        title={t('committee.manage.title')}
        lead={t('committee.manage.intro')}
        actions={
          <PageHeaderLinks
            links={[
              { to: '/committee', label: t('committee.staff_view_link') },
              { to: '/focus-groups/manage', label: t('committee.focus_groups_manage_link') },
            ]}
          />
        }
      />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={data} skeleton="cards" loadingLabel={t('committee.loading')}>
        {(d) => (
          <>
            <section aria-labelledby="manage-members">
              <h2 id="manage-members">{t('committee.members')}</h2>
              {d.members.length === 0 ? (
                <EmptyState title={t('committee.manage.members_empty')} />
              ) : (
                <ul className="committee-list committee-list--cards">
                  {d.members.map((m) => (
                    <MemberCard key={m.id} member={m} onDone={toast.show} />
                  ))}
                </ul>
              )}
              <AddMemberForm onDone={toast.show} />
            </section>
            <section aria-labelledby="manage-meetings">
              <h2 id="manage-meetings">{t('committee.manage.meetings')}</h2>
              {d.meetings.length === 0 ? (
                <EmptyState title={t('committee.manage.meetings_empty')} />
              ) : (
                <ul className="committee-list">
                  {d.meetings.map((m) => (
                    <li key={m.id} className="committee-card">
                      <p>
                        <Link to={`/committee/meetings/${m.id}`}>{m.title}</Link>
                      </p>
                      <p className="muted small">{fmt.dateTime(m.startsAt)}</p>
                      <p>
                        <Badge>{t(`committee.statuses.${m.status}`)}</Badge>{' '}
                        <Badge tone={m.minutesStatus === 'published' ? 'success' : 'neutral'}>
                          {t(`committee.minutes_statuses.${m.minutesStatus}`)}
                        </Badge>
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              <MeetingForm onSaved={(m) => void navigate(`/committee/meetings/${m.id}`)} />
            </section>
          </>
        )}
      </QueryState>
    </PageContent>
  );
}

function MemberCard({ member: m, onDone }: { member: MemberView; onDone: (message: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  return (
    <li className="committee-card">
      <p>
        <strong>{m.name}</strong>
      </p>
      <p>
        <Badge tone="info">{t(`committee.roles.${m.role}`)}</Badge>
      </p>
      <p className="muted small">{m.unitName}</p>
      <p className="muted small">
        {m.current
          ? t('committee.term', { from: fmt.day(m.termFrom), to: fmt.day(m.termTo) })
          : t('committee.past_term')}
      </p>
      <div>
        <ConfirmedAction
          label={t('committee.manage.remove', { name: m.name })}
          title={t('committee.manage.remove_title')}
          confirmLabel={t('committee.manage.remove', { name: m.name })}
          tone="danger"
          variant="quiet"
          size="small"
          run={() => removeMember(m.id)}
          onDone={() => {
            void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
            onDone(t('committee.manage.removed'));
          }}
        >
          <p>{t('committee.manage.remove_body')}</p>
        </ConfirmedAction>
      </div>
    </li>
  );
}

function AddMemberForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<PersonOption | null>(null);
  const form = useForm('member', { role: 'anggota', termFrom: '', termTo: '' });
  const add = useApiMutation((body: Parameters<typeof addMember>[0], key) => addMember(body, key), {
    onSuccess: (m) => {
      setPerson(null);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: committeeKeys.all });
      onDone(t('committee.manage.added', { name: m.name }));
    },
    onError: (err) => form.showServerError(err),
  });
  const labels = {
    personId: t('committee.manage.person'),
    role: t('committee.manage.role'),
    termFrom: t('committee.manage.term_from'),
    termTo: t('committee.manage.term_to'),
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(
      newMemberBody,
      { personId: person?.id ?? '', ...form.values },
      person ? {} : { personId: t('committee.manage.person_required') },
    );
    if (body) add.mutate(body);
  };
  return (
    <form className="committee-form" onSubmit={submit} noValidate>
      <h3>{t('committee.manage.add_member')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <PersonPicker
        id="member-personId"
        label={labels.personId}
        value={person}
        onChange={setPerson}
        error={form.errors.personId}
      />
      <Select
        {...form.field('role')}
        label={labels.role}
        options={COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`committee.roles.${r}`) }))}
      />
      <div className="committee-form__row">
        <DateField {...form.field('termFrom')} label={labels.termFrom} />
        <DateField {...form.field('termTo')} label={labels.termTo} />
      </div>
      <ButtonRow>
        <Button type="submit" busy={add.isPending}>
          {t('committee.manage.add')}
        </Button>
      </ButtonRow>
    </form>
  );
}
