import type { GroupView } from '../../api/peer-groups.api.js';
import type { useT } from '../../i18n.js';
import type { useFormat } from '../../lib/use-format.js';

type T = ReturnType<typeof useT>['t'];
type Fmt = ReturnType<typeof useFormat>;

/** "Setiap Rabu, pukul 15.30 (60 menit)" or "3 pertemuan, pukul 09.00 (90 menit)". */
export function scheduleText(g: Pick<GroupView, 'schedule'>, t: T, fmt: Fmt): string {
  const s = g.schedule;
  const time = fmt.clock(s.startTime);
  if (s.kind === 'weekly')
    return t('peer_groups.schedule.weekly', {
      weekday: t(`peer_groups.weekdays.${String(s.weekday) as '1'}`),
      time,
      minutes: s.durationMinutes,
    });
  return t('peer_groups.schedule.dates', { count: s.dates.length, time, minutes: s.durationMinutes });
}
