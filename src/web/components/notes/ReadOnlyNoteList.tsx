import { SOAP_FIELDS, type NoteView } from '../../../contracts/notes.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { Badge } from '../Badge.js';
import { KeyValueList } from '../KeyValueList.js';
import './read-only-notes.css';

/** A note as someone other than its author reads it: its session, its author and its fields. */
export type ReadOnlyNote = NoteView & { id: string; sessionAt: string; counsellorName: string };

/**
 * Session notes shown read-only, oldest first — to a clinical supervisor through break-glass, and to
 * the counsellor a client handed their notes to (docs/decisions/041-session-notes.md,
 * docs/decisions/050-notes-transfer.md). A note withheld from the client's own copy says so with its
 * reason, so the reader keeps it from the client too. Needs the `notes` message area.
 */
export function ReadOnlyNoteList({ notes }: { notes: readonly ReadOnlyNote[] }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <ol className="note-list">
      {notes.map((n) => (
        <li key={n.id} className="note-card">
          <h3 className="note-card__when">{fmt.dateTime(n.sessionAt)}</h3>
          <p className="muted small">{t('notes.break_glass.by', { name: n.counsellorName })}</p>
          {n.withheld && (
            <p>
              <Badge tone="info">{t('notes.break_glass.withheld_badge')}</Badge>{' '}
              <span className="small">{t('notes.break_glass.withheld_reason', { reason: n.withheldReason })}</span>
            </p>
          )}
          <KeyValueList
            rows={
              n.format === 'soap'
                ? SOAP_FIELDS.map((f) => [t(`notes.editor.${f}`), n[f] || t('notes.editor.empty_field')] as const)
                : [[t('notes.editor.body'), n.body || t('notes.editor.empty_field')] as const]
            }
          />
        </li>
      ))}
    </ol>
  );
}
