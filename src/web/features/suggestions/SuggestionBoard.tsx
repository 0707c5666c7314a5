import { suggestionBoardQuery } from '../../api/suggestions.api.js';
import { useT } from '../../i18n.js';
import { SuggestionCard } from './SuggestionCard.js';
import { TopicFilteredList } from './TopicFilteredList.js';

/** The public board: released suggestions and their replies, filtered by topic, a page at a time. */
export function SuggestionBoard() {
  const { t } = useT();
  return (
    <section className="stack" aria-labelledby="suggestion-board-title">
      <h2 id="suggestion-board-title">{t('suggestions.board.title')}</h2>
      <p className="muted">{t('suggestions.board.lead')}</p>
      <TopicFilteredList
        selectId="suggestion-board-topic"
        query={suggestionBoardQuery}
        empty={{ title: t('suggestions.board.empty_title'), body: t('suggestions.board.empty_body') }}
        renderItem={(s) => <SuggestionCard key={s.id} suggestion={s} />}
      />
    </section>
  );
}
