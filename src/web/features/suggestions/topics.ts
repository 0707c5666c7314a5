import { SUGGESTION_TOPICS, type SuggestionTopic } from '../../../domain/suggestions/release.js';
import type { MessageKey } from '../../i18n.js';

/** The topic names, in the order of the fixed list (docs/decisions/052-suggestion-box.md). */
export const TOPIC_LABELS: Record<SuggestionTopic, MessageKey> = {
  workload: 'suggestions.topics.workload',
  environment: 'suggestions.topics.environment',
  colleagues: 'suggestions.topics.colleagues',
  facilities: 'suggestions.topics.facilities',
  wellbeing_services: 'suggestions.topics.wellbeing_services',
  other: 'suggestions.topics.other',
};

export function topicOptions(t: (key: MessageKey) => string) {
  return SUGGESTION_TOPICS.map((topic) => ({ value: topic, label: t(TOPIC_LABELS[topic]) }));
}

export function topicLabel(t: (key: MessageKey) => string, topic: SuggestionTopic | null): string {
  return topic ? t(TOPIC_LABELS[topic]) : t('suggestions.topics.none');
}

export function isTopic(value: string): value is SuggestionTopic {
  return (SUGGESTION_TOPICS as readonly string[]).includes(value);
}
