import { z } from 'zod';
import { idSchema, nipInput } from './common.js';

/**
 * Session notes and break-glass (docs/decisions/041-session-notes.md). A note is read by its
 * author only; a clinical supervisor reads one client's notes for an hour through break-glass.
 * No route lets a manager, HR, an admin or the DPO read one (docs/privacy.md §1.1, §1.4).
 */

export const NOTE_FORMATS = ['soap', 'free'] as const;
export const SOAP_FIELDS = ['subjective', 'objective', 'assessment', 'plan'] as const;
export type SoapField = (typeof SOAP_FIELDS)[number];
export const MAX_NOTE_FIELD = 10_000;
export const MAX_WITHHELD_REASON = 1_000;
/** A break-glass reason must say something: at least this many characters (decision 041). */
export const MIN_BREAK_GLASS_REASON = 20;
export const MAX_BREAK_GLASS_REASON = 1_000;
export const BREAK_GLASS_MINUTES = 60;

const field = z.string().max(MAX_NOTE_FIELD).default('');

export const noteBody = z
  .object({
    format: z.enum(NOTE_FORMATS, { message: 'invalid_option' }),
    subjective: field,
    objective: field,
    assessment: field,
    plan: field,
    body: field,
    withheld: z.boolean().default(false),
    withheldReason: z.string().trim().max(MAX_WITHHELD_REASON).default(''),
    /** The version the editor started from; a save over a newer one is 409 `note_conflict`. Absent for a new note. */
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((b) => !b.withheld || b.withheldReason.length > 0, {
    path: ['withheldReason'],
    message: 'notes.withheld_reason_required',
  });
export type NoteBody = z.infer<typeof noteBody>;

export const noteView = z.object({
  format: z.enum(NOTE_FORMATS),
  subjective: z.string(),
  objective: z.string(),
  assessment: z.string(),
  plan: z.string(),
  body: z.string(),
  withheld: z.boolean(),
  withheldReason: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteView = z.infer<typeof noteView>;

/** The appointment a note belongs to, as its counsellor sees it. */
export const notePage = z.object({
  appointment: z.object({
    id: z.string(),
    clientName: z.string(),
    start: z.string(),
    end: z.string(),
    mode: z.string(),
    status: z.string(),
  }),
  note: noteView.nullable(),
});
export type NotePage = z.infer<typeof notePage>;

// --- Break-glass -----------------------------------------------------------------------------------

export const breakGlassBody = z
  .object({
    nip: nipInput,
    reason: z.string().trim().max(MAX_BREAK_GLASS_REASON),
  })
  .strict();
export type BreakGlassBody = z.infer<typeof breakGlassBody>;

export const breakGlassGrant = z.object({
  id: z.string(),
  clientName: z.string(),
  openedAt: z.string(),
  expiresAt: z.string(),
});
export type BreakGlassGrant = z.infer<typeof breakGlassGrant>;
export const breakGlassList = z.object({ items: z.array(breakGlassGrant) });
export type BreakGlassList = z.infer<typeof breakGlassList>;

export const breakGlassNotes = z.object({
  grant: breakGlassGrant,
  notes: z.array(noteView.extend({ id: z.string(), sessionAt: z.string(), counsellorName: z.string() })),
});
export type BreakGlassNotes = z.infer<typeof breakGlassNotes>;

export const grantParams = z.object({ id: idSchema });

// --- Notes handed to another counsellor ------------------------------------------------------------

/**
 * A client's notes handed to the signed-in counsellor with the client's notes_transfer consent
 * (docs/decisions/050-notes-transfer.md): read-only, each read audited. `sources` are the authors
 * whose consent holds now (a source with no notes yet still shows); withheld notes come with their
 * flag and reason, so the recipient keeps them out of the client's hands too.
 */
export const transferredNotes = z.object({
  sources: z.array(z.object({ counsellorName: z.string(), expiresAt: z.string() })),
  notes: z.array(noteView.extend({ id: z.string(), sessionAt: z.string(), counsellorName: z.string() })),
});
export type TransferredNotes = z.infer<typeof transferredNotes>;
