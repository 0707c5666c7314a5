import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

/** ▲/▼ with the points for the eye, the change in words for a screen reader. */
export function Change({ points, previousTitle }: { points: number | null; previousTitle: string }) {
  const { t } = useT();
  const fmt = useFormat();
  if (points === null) return null;
  const direction = points > 0 ? 'up' : points < 0 ? 'down' : 'same';
  const words = t(`surveys.results.change.${direction}`, {
    points: fmt.number(Math.abs(points)),
    title: previousTitle,
  });
  return (
    <span className={`survey-change survey-change--${direction}`}>
      <span aria-hidden="true">
        {direction === 'up' ? '▲' : direction === 'down' ? '▼' : '='}
        {points !== 0 && ` ${fmt.number(Math.abs(points))}`}
      </span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
