import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { describeNotification } from '../../components/layout/NotificationBell.js';
import { markAllRead, markRead, notificationsQuery, type NotificationView } from '../../api/notifications.api.js';
import './notifications.css';

/** Notifications, newest first: opening one marks it read and goes to its page. */
export function NotificationsPage() {
  const { t } = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notifications = useQuery(notificationsQuery);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (n: NotificationView, to: string) => {
    if (!n.readAt) {
      // Marking read must not stand between the person and the page: a failure is ignored here.
      await markRead(n.id).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: notificationsQuery.queryKey });
    }
    await navigate(to);
  };

  const readAll = async () => {
    setBusy(true);
    setError(null);
    try {
      await markAllRead();
      await queryClient.invalidateQueries({ queryKey: notificationsQuery.queryKey });
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        lead={t('notifications.lead')}
        actions={
          <>
            <Link to="/me/boundaries" className="btn btn--secondary btn--small">
              {t('boundaries.mine.link')}
            </Link>
            {notifications.data && notifications.data.unread > 0 && (
              <Button variant="secondary" size="small" busy={busy} onClick={() => void readAll()}>
                {t('notifications.read_all')}
              </Button>
            )}
          </>
        }
      />
      {error && <Alert tone="error">{error}</Alert>}
      <QueryState query={notifications} skeleton="rows" skeletonLines={5}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('notifications.empty')} />
          ) : (
            <ul className="notification-list">
              {data.items.map((n) => {
                const { text, to } = describeNotification(t, n, fmt.day);
                // Held outside the person's hours (docs/boundaries.md): shown, but not new until then.
                const held = n.heldUntil ? t('notifications.held_until', { when: fmt.weekdayTime(n.heldUntil) }) : null;
                const isNew = !n.readAt && !held;
                return (
                  <li
                    key={n.id}
                    className={`notification ${isNew ? 'notification--unread' : ''} ${held ? 'notification--held' : ''}`}
                  >
                    <p className="notification__text">
                      {isNew && <Badge tone="info">{t('notifications.new')}</Badge>}
                      {held && <Badge tone="neutral">{held}</Badge>} {text}
                    </p>
                    <p className="muted small notification__time">
                      {fmt.dateTime(n.createdAt)}
                      {held && <> · {t('notifications.held_hint')}</>}
                    </p>
                    <a
                      href={to}
                      className="notification__link"
                      onClick={(event) => {
                        event.preventDefault();
                        void open(n, to);
                      }}
                    >
                      {t('notifications.open')}
                      <span className="visually-hidden">: {text}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
