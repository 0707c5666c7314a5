import type {
  BoardSuggestion,
  ManagedSuggestionList,
  SuggestionBoard,
  SuggestionReleases,
} from '../../../contracts/suggestions.js';
import type { SuggestionTopic } from '../../../domain/suggestions/release.js';

interface Row {
  id: string;
  topic: string | null;
  text: string;
  week_of: string;
  reply: string | null;
  hidden_reason: string | null;
}

const boardItem = (r: Row): BoardSuggestion => ({
  id: r.id,
  topic: r.topic as SuggestionTopic | null,
  text: r.text,
  weekOf: r.week_of,
  reply: r.reply,
});

export function presentBoard(
  page: { items: Row[]; total: number },
  pageNo: number,
  pageSize: number,
  threshold: number,
  perDay: number,
): SuggestionBoard {
  return { items: page.items.map(boardItem), total: page.total, page: pageNo, pageSize, threshold, perDay };
}

export function presentManaged(
  page: { items: Row[]; total: number },
  pageNo: number,
  pageSize: number,
): ManagedSuggestionList {
  return {
    items: page.items.map((r) => ({ ...boardItem(r), hiddenReason: r.hidden_reason })),
    total: page.total,
    page: pageNo,
    pageSize,
  };
}

export function presentReleases(
  rows: Array<{ id: string; week_of: string; count: number; topics: Array<{ topic: string | null; count: number }> }>,
  releasable: boolean,
  threshold: number,
): SuggestionReleases {
  return {
    items: rows.map((r) => ({
      id: r.id,
      weekOf: r.week_of,
      count: Number(r.count),
      topics: r.topics.map((t) => ({ topic: t.topic as SuggestionTopic | null, count: t.count })),
    })),
    releasable,
    threshold,
  };
}
