import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { suggestionBoardQuery, type SuggestionTopic } from '../../api/suggestions.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Pagination } from '../../components/Pagination.js';
import { QueryState } from '../../components/QueryState.js';
import { Select } from '../../components/fields.js';
import { useT } from '../../i18n.js';
import { SuggestionCard } from './SuggestionCard.js';
import { isTopic, topicOptions } from './topics.js';

/** The public board: released suggestions and their replies, filtered by topic, a page at a time. */
export function SuggestionBoard() {
  const { t } = useT();
  const [topic, setTopic] = useState<SuggestionTopic | ''>('');
  const [page, setPage] = useState(1);
  const board = useQuery(suggestionBoardQuery(topic, page));
  return (
    <section className="stack" aria-labelledby="suggestion-board-title">
      <h2 id="suggestion-board-title">{t('suggestions.board.title')}</h2>
      <p className="muted">{t('suggestions.board.lead')}</p>
      <Select
        id="suggestion-board-topic"
        label={t('suggestions.board.filter')}
        value={topic}
        placeholder={t('suggestions.board.all_topics')}
        options={topicOptions(t)}
        onChange={(value) => {
          setTopic(isTopic(value) ? value : '');
          setPage(1);
        }}
      />
      <QueryState query={board} skeleton="cards" skeletonLines={3}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('suggestions.board.empty_title')}>
              <p>{t('suggestions.board.empty_body')}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="stack suggestion-list" aria-label={t('suggestions.board.list_label')}>
                {data.items.map((s) => (
                  <SuggestionCard key={s.id} suggestion={s} />
                ))}
              </ul>
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
