import { queryOptions } from '@tanstack/react-query';
import type {
  BreakGlassBody,
  BreakGlassGrant,
  BreakGlassList,
  BreakGlassNotes,
  NoteBody,
  NotePage,
  NoteView,
  TransferredNotes,
} from '../../contracts/notes.js';
import { api } from './client.js';

export type {
  BreakGlassBody,
  BreakGlassGrant,
  BreakGlassList,
  BreakGlassNotes,
  NoteBody,
  NotePage,
  NoteView,
  TransferredNotes,
};

/** Where each call of the notes contract goes (src/contracts/notes.ts). */
export const NOTES_PATHS = {
  note: (appointmentId: string) => `/api/v1/counsellor/appointments/${encodeURIComponent(appointmentId)}/note`,
  breakGlass: '/api/v1/break-glass',
  breakGlassNotes: (id: string) => `/api/v1/break-glass/${encodeURIComponent(id)}/notes`,
  breakGlassClose: (id: string) => `/api/v1/break-glass/${encodeURIComponent(id)}/close`,
  transferred: (clientId: string) => `/api/v1/counselling/clients/${encodeURIComponent(clientId)}/transferred-notes`,
} as const;

export const notesKeys = {
  note: (appointmentId: string) => ['notes', 'note', appointmentId] as const,
  breakGlass: ['notes', 'break-glass'] as const,
  breakGlassNotes: (id: string) => ['notes', 'break-glass', id] as const,
  transferred: (clientId: string) => ['notes', 'transferred', clientId] as const,
};

/** The note page of one appointment. Not kept after the page closes: a note is never cached longer than shown. */
export const noteQuery = (appointmentId: string) =>
  queryOptions({
    queryKey: notesKeys.note(appointmentId),
    queryFn: () => api.get<NotePage>(NOTES_PATHS.note(appointmentId)),
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Saves the note; the same words sent again store nothing new (the note is idempotent on its appointment). */
export function saveNote(appointmentId: string, body: NoteBody): Promise<NotePage> {
  return api.put<NotePage>(NOTES_PATHS.note(appointmentId), body);
}

export const breakGlassQuery = queryOptions({
  queryKey: notesKeys.breakGlass,
  queryFn: () => api.get<BreakGlassList>(NOTES_PATHS.breakGlass),
});

export function openBreakGlass(body: BreakGlassBody): Promise<BreakGlassGrant> {
  return api.post<BreakGlassGrant>(NOTES_PATHS.breakGlass, body);
}

/** A client's notes through an open break-glass; every fetch is audited, so it is fetched once per opening. */
export const breakGlassNotesQuery = (id: string) =>
  queryOptions({
    queryKey: notesKeys.breakGlassNotes(id),
    queryFn: () => api.get<BreakGlassNotes>(NOTES_PATHS.breakGlassNotes(id)),
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });

export function closeBreakGlass(id: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(NOTES_PATHS.breakGlassClose(id));
}

/**
 * A client's notes handed to me with their consent (docs/decisions/050-notes-transfer.md). Every
 * fetch is audited and the client sees it, so it is fetched once per visit and not kept after.
 */
export const transferredNotesQuery = (clientId: string) =>
  queryOptions({
    queryKey: notesKeys.transferred(clientId),
    queryFn: () => api.get<TransferredNotes>(NOTES_PATHS.transferred(clientId)),
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
