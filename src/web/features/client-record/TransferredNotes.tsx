import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client.js';
import { transferredNotesQuery } from '../../api/notes.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { ReadOnlyNoteList } from '../../components/notes/ReadOnlyNoteList.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

/**
 * "Notes from the previous counsellor" on a client's record (docs/decisions/050-notes-transfer.md):
 * the notes a client handed to this counsellor with a notes-transfer consent, read-only. Without
 * such a consent in force the server answers 404 and nothing is read: the section then says how a
 * client can allow it. Each fetch is audited, so it is not retried on a refusal nor kept afterwards.
 */
export function TransferredNotes({ clientId }: { clientId: string }) {
  const { t } = useT();
  const fmt = useFormat();
  const query = useQuery({
    ...transferredNotesQuery(clientId),
    retry: (n, e) => !(isApiError(e) && e.status < 500) && n < 2,
  });
  const refused = query.error && isApiError(query.error) && query.error.status === 404;
  return (
    <section aria-labelledby="record-transferred" className="record-transferred">
      <h2 id="record-transferred">{t('client_record.transferred.title')}</h2>
      {query.isPending ? (
        <Skeleton shape="cards" lines={2} heading={false} />
      ) : refused ? (
        <p className="muted">{t('client_record.transferred.none')}</p>
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className="muted small">{t('client_record.transferred.lead')}</p>
          <ul className="record-list">
            {query.data.sources.map((s) => (
              <li key={`${s.counsellorName}-${s.expiresAt}`}>
                {t('client_record.transferred.from', { name: s.counsellorName, date: fmt.date(s.expiresAt) })}
              </li>
            ))}
          </ul>
          {query.data.notes.length === 0 ? (
            <EmptyState title={t('client_record.transferred.empty')} />
          ) : (
            <ReadOnlyNoteList notes={query.data.notes} />
          )}
        </>
      )}
    </section>
  );
}
