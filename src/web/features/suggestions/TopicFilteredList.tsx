import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { SuggestionTopic } from '../../api/suggestions.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Pagination } from '../../components/Pagination.js';
import { QueryState } from '../../components/QueryState.js';
import { Select } from '../../components/fields.js';
import { useT } from '../../i18n.js';
import { isTopic, topicOptions } from './topics.js';

interface Page<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * Released suggestions a page at a time, filtered by topic: the public board and the wellbeing
 * team's list show the same filter, states and paging around their own cards.
 */
export function TopicFilteredList<Data extends Page<unknown>, Key extends readonly unknown[]>({
  selectId,
  query,
  empty,
  renderItem,
}: {
  selectId: string;
  query: (topic: SuggestionTopic | '', page: number) => UseQueryOptions<Data, Error, Data, Key>;
  empty: { title: string; body: string };
  renderItem: (item: Data['items'][number]) => ReactNode;
}) {
  const { t } = useT();
  const [topic, setTopic] = useState<SuggestionTopic | ''>('');
  const [page, setPage] = useState(1);
  const list = useQuery(query(topic, page));
  return (
    <>
      <Select
        id={selectId}
        label={t('suggestions.board.filter')}
        value={topic}
        placeholder={t('suggestions.board.all_topics')}
        options={topicOptions(t)}
        onChange={(value) => {
          setTopic(isTopic(value) ? value : '');
          setPage(1);
        }}
      />
      <QueryState query={list} skeleton="cards" skeletonLines={3}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={empty.title}>
              <p>{empty.body}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="stack suggestion-list" aria-label={t('suggestions.board.list_label')}>
                {data.items.map(renderItem)}
              </ul>
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
