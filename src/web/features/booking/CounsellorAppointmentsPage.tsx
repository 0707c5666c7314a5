import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import {
  bookingKeys,
  confirmAppointment,
  counsellorAppointmentsQuery,
  type CounsellorAppointmentList,
} from '../../api/booking.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { clockOf } from './slot-labels.js';
import './booking.css';

type Item = CounsellorAppointmentList['items'][number];

/** /counselling/appointments — the counsellor's own appointments, a day or a week at a time. */
export function CounsellorAppointmentsPage() {
  const { t } = useT();
  const fmt = useFormat();
  const today = localDateOf(new Date(), fmt.timeZone);
  const [days, setDays] = useState<1 | 7>(7);
  const [from, setFrom] = useState(today);
  const list = useQuery(counsellorAppointmentsQuery(from, days));
  return (
    <PageContent>
      <PageHeader title={t('booking.counsellor.appointments_title')} lead={t('booking.counsellor.audit_note')} />
      <div className="calendar-bar">
        <div role="group" aria-label={t('booking.counsellor.appointments_title')} className="calendar-bar__range">
          <Button
            variant={days === 1 ? 'primary' : 'secondary'}
            size="small"
            aria-pressed={days === 1}
            onClick={() => setDays(1)}
          >
            {t('booking.counsellor.day')}
          </Button>
          <Button
            variant={days === 7 ? 'primary' : 'secondary'}
            size="small"
            aria-pressed={days === 7}
            onClick={() => setDays(7)}
          >
            {t('booking.counsellor.week')}
          </Button>
        </div>
        <ButtonRow>
          <Button variant="secondary" size="small" onClick={() => setFrom((f) => addDays(f, -days))}>
            {t('booking.counsellor.previous')}
          </Button>
          <Button variant="secondary" size="small" onClick={() => setFrom(today)}>
            {t('booking.counsellor.today')}
          </Button>
          <Button variant="secondary" size="small" onClick={() => setFrom((f) => addDays(f, days))}>
            {t('booking.counsellor.next')}
          </Button>
        </ButtonRow>
      </div>
      <p className="calendar-bar__label" aria-live="polite">
        {days === 1
          ? fmt.day(from)
          : t('booking.counsellor.range', { from: fmt.day(from), to: fmt.day(addDays(from, days - 1)) })}
      </p>
      <QueryState query={list} skeleton="rows">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('booking.counsellor.empty')} />
          ) : (
            <ul className="appointment-list">
              {data.items.map((a) => (
                <CounsellorItem key={a.id} item={a} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </PageContent>
  );
}

function CounsellorItem({ item: a }: { item: Item }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const confirm = useApiMutation(() => confirmAppointment(a.id), {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: bookingKeys.all }),
  });
  return (
    <li className={`appointment-card ${a.status !== 'booked' ? 'appointment-card--inactive' : ''}`}>
      <p className="appointment-card__when">
        {fmt.day(localDateOf(new Date(a.start), fmt.timeZone))} · {fmt.clock(clockOf(a.start, fmt.timeZone))}–
        {fmt.clock(clockOf(a.end, fmt.timeZone))} {fmt.zoneName}
      </p>
      <p className="appointment-card__client">
        {a.client.name} · {t(`booking.modes.${a.mode}`)}
      </p>
      <p>
        {a.status === 'booked' ? (
          <Badge tone={a.confirmed ? 'success' : 'info'}>
            {a.confirmed ? t('booking.counsellor.confirmed') : t('booking.mine.waiting')}
          </Badge>
        ) : (
          <Badge tone="neutral">{t(`booking.statuses.${a.status}`)}</Badge>
        )}
      </p>
      <p className="small">
        <strong>{t('booking.counsellor.client_reason')}:</strong> {a.reason ?? t('booking.counsellor.no_reason')}
      </p>
      {a.status === 'booked' && !a.confirmed && (
        <Button size="small" onClick={() => confirm.mutate()} busy={confirm.isPending}>
          {t('booking.counsellor.confirm')}
        </Button>
      )}
      {confirm.error && <p className="field__error">{confirm.error.message}</p>}
      {/* Session notes (docs/decisions/041-session-notes.md): the counsellor's own note of this appointment. */}
      {a.status !== 'cancelled' && (
        <p>
          <Link
            to={`/counselling/appointments/${a.id}/note`}
            aria-label={t('notes.link_named', { name: a.client.name })}
          >
            {t('notes.link')}
          </Link>
        </p>
      )}
    </li>
  );
}
