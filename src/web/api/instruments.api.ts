import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstrumentDefinitionView, InstrumentSummary } from '../../contracts/instruments.js';
import type { InstrumentId } from '../../domain/instruments/types.js';
import type { Locale } from '../../i18n/locales.js';
import { api } from './client.js';

export type { InstrumentDefinitionView, InstrumentSummary };

/** Where each call of the instruments contract goes (src/contracts/instruments.ts). */
export const INSTRUMENT_PATHS = {
  list: '/api/v1/instruments',
  one: (id: InstrumentId) => `/api/v1/instruments/${id}`,
} as const;

export const instrumentsQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['instruments', locale] as const,
    queryFn: () => api.get<{ items: InstrumentSummary[] }>(INSTRUMENT_PATHS.list, { lang: locale }),
    staleTime: 60 * 60_000,
  });

export const instrumentQuery = (id: InstrumentId, locale: Locale) =>
  queryOptions({
    queryKey: ['instrument', id, locale] as const,
    queryFn: () => api.get<InstrumentDefinitionView>(INSTRUMENT_PATHS.one(id), { lang: locale }),
    staleTime: 60 * 60_000,
  });

/** id → abbreviation ("PHQ-9"), for lists that name instruments; the id until the list has loaded. */
export function useInstrumentAbbreviations(locale: Locale): (id: InstrumentId) => string {
  const list = useQuery(instrumentsQuery(locale));
  return (id) => list.data?.items.find((i) => i.id === id)?.abbreviation ?? id.toUpperCase();
}
