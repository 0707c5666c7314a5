import type { ReactNode } from 'react';
import type { BoardSuggestion } from '../../api/suggestions.api.js';
import { Badge } from '../../components/Badge.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { topicLabel } from './topics.js';

/**
 * One released suggestion: its topic, its release week and the text as plain text (React escapes
 * it: HTML someone typed shows as the characters they typed), then the wellbeing team's reply.
 */
export function SuggestionCard({
  suggestion,
  badge,
  children,
}: {
  suggestion: BoardSuggestion;
  badge?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const headingId = `suggestion-${suggestion.id}`;
  return (
    <li className="card suggestion-card" aria-labelledby={headingId}>
      <div className="suggestion-card__head">
        <h3 id={headingId} className="suggestion-card__topic">
          {topicLabel(t, suggestion.topic)}
        </h3>
        <span className="muted suggestion-card__week">
          {t('suggestions.board.week', { date: fmt.day(suggestion.weekOf) })}
        </span>
        {badge}
      </div>
      <p className="suggestion-card__text">{suggestion.text}</p>
      {children ?? (
        <div className="suggestion-card__reply">
          <p className="suggestion-card__reply-label">{t('suggestions.board.reply_label')}</p>
          {suggestion.reply ? (
            <p className="suggestion-card__reply-text">{suggestion.reply}</p>
          ) : (
            <p className="muted">
              <Badge>{t('suggestions.board.no_reply')}</Badge>
            </p>
          )}
        </div>
      )}
    </li>
  );
}
