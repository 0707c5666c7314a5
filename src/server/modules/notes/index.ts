/**
 * The notes module's public surface: session notes, encrypted and separate, and break-glass
 * (docs/decisions/041-session-notes.md). It owns `agency_data_keys`, `session_notes` and
 * `break_glass_grants`. Other modules reach a person's notes only through `NotesService`
 * (`ownCopy` for My data, `accessLogOf` for the client's access log, `eraseBefore` for retention).
 */
export { NotesService } from './notes.service.js';
export { NoteKeys } from './keys.js';
