import { useFormat } from '../../lib/use-format.js';
import { Badge } from '../../components/Badge.js';
import { useT } from '../../i18n.js';
import type { BreachList } from '../../api/dpo.api.js';

type Clock = BreachList['items'][number]['clock'];

/** The 3×24-hour notice clock of a breach, in words with a tone that says how urgent it is. */
export function BreachClockBadge({ clock }: { clock: Clock }) {
  return (
    <span className="breach-clock">
      <ClockWords clock={clock} />
    </span>
  );
}

function ClockWords({ clock }: { clock: Clock }) {
  const { t } = useT();
  const fmt = useFormat();
  const deadline = fmt.dateTime(clock.deadline);
  const minutes = Math.max(0, Math.floor(clock.remainingMs / 60_000));
  switch (clock.state) {
    case 'running':
      return (
        <Badge tone={minutes < 24 * 60 ? 'danger' : 'warning'}>
          {t('dpo.breaches.clock.running', { hours: Math.floor(minutes / 60), minutes: minutes % 60, deadline })}
        </Badge>
      );
    case 'overdue':
      return <Badge tone="danger">{t('dpo.breaches.clock.overdue', { deadline })}</Badge>;
    case 'met':
      return <Badge tone="success">{t('dpo.breaches.clock.met')}</Badge>;
    case 'late':
      return <Badge tone="warning">{t('dpo.breaches.clock.late', { deadline })}</Badge>;
  }
}
