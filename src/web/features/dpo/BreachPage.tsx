import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { BreachClockBadge } from './breach-clock.js';
import { type BreachDetail, breachesQuery, breachQuery, updateBreach } from '../../api/dpo.api.js';
import './dpo.css';

type Notice = BreachDetail['notices']['id']['subjects'];

/** One notice: its heading in the reader's language, its text in the notice's own. */
function NoticeBlock({ id, title, notice, lang }: { id: string; title: string; notice: Notice; lang: 'id' | 'en' }) {
  return (
    <section aria-labelledby={id} className="subsection">
      <h4 id={id}>{title}</h4>
      <p lang={lang}>
        <strong>{notice.subject}</strong>
      </p>
      <pre className="notice-text" tabIndex={0} aria-labelledby={id} lang={lang}>
        {notice.body}
      </pre>
    </section>
  );
}

/** /dpo/breaches/:id — one incident: its clock, its record, the notices filled from it. */
export function BreachPage() {
  const { t } = useT();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const breach = useQuery(breachQuery(id));
  const [saved, setSaved] = useState(false);
  const update = useApiMutation((body: Record<string, unknown>, key) => updateBreach(id, body, key));
  const patch = (body: Record<string, unknown>) =>
    update.mutate(body, {
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: breachQuery(id).queryKey });
        await queryClient.invalidateQueries({ queryKey: breachesQuery.queryKey });
      },
    });
  const recorded = (location.state as { recorded?: boolean } | null)?.recorded === true;
  return (
    <QueryState query={breach}>
      {(b) => (
        <>
          <PageHeader eyebrow={<Link to="/dpo/breaches">{t('dpo.breaches.detail.back')}</Link>} title={b.title} />
          {recorded && !saved && <Alert tone="success">{t('dpo.breaches.recorded')}</Alert>}
          {saved && <Alert tone="success">{t('dpo.breaches.detail.saved')}</Alert>}
          {update.error && <Alert tone="error">{update.error.message}</Alert>}
          <div className="stack">
            <section className="card" aria-labelledby="clock-title">
              <h2 id="clock-title">{t('dpo.breaches.detail.clock_title')}</h2>
              <p className="breach-clock">
                <BreachClockBadge clock={b.clock} />
              </p>
              <dl className="key-value key-value--rows">
                <div>
                  <dt>{t('dpo.breaches.detail.subjects_notified')}</dt>
                  <dd>
                    {b.subjectsNotifiedAt
                      ? t('dpo.breaches.detail.notified_at', { date: fmt.dateTime(b.subjectsNotifiedAt) })
                      : t('dpo.breaches.detail.not_yet')}
                  </dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.detail.authority_notified')}</dt>
                  <dd>
                    {b.authorityNotifiedAt
                      ? t('dpo.breaches.detail.notified_at', { date: fmt.dateTime(b.authorityNotifiedAt) })
                      : t('dpo.breaches.detail.not_yet')}
                  </dd>
                </div>
              </dl>
              <ButtonRow>
                {!b.subjectsNotifiedAt && (
                  <Button
                    variant="secondary"
                    busy={update.isPending}
                    onClick={() => patch({ subjectsNotifiedAt: new Date().toISOString() })}
                  >
                    {t('dpo.breaches.detail.mark_subjects')}
                  </Button>
                )}
                {!b.authorityNotifiedAt && (
                  <Button
                    variant="secondary"
                    busy={update.isPending}
                    onClick={() => patch({ authorityNotifiedAt: new Date().toISOString() })}
                  >
                    {t('dpo.breaches.detail.mark_authority')}
                  </Button>
                )}
                {b.closedAt ? (
                  <span className="muted">{t('dpo.breaches.detail.closed', { date: fmt.dateTime(b.closedAt) })}</span>
                ) : (
                  <Button variant="secondary" busy={update.isPending} onClick={() => patch({ closed: true })}>
                    {t('dpo.breaches.detail.close')}
                  </Button>
                )}
              </ButtonRow>
            </section>
            <section className="card" aria-labelledby="record-title">
              <h2 id="record-title">{t('dpo.breaches.detail.record')}</h2>
              <dl className="key-value key-value--rows">
                <div>
                  <dt>{t('dpo.breaches.fields.dataClasses')}</dt>
                  <dd>{b.dataClasses.map((c) => t(`dpo.classes.${c}`)).join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.fields.discoveredAt')}</dt>
                  <dd>{fmt.dateTime(b.discoveredAt)}</dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.fields.occurredAt')}</dt>
                  <dd>{b.occurredAt ? fmt.dateTime(b.occurredAt) : t('dpo.notices.unknown_time')}</dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.fields.affectedCount')}</dt>
                  <dd>{fmt.number(b.affectedCount)}</dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.fields.howFound')}</dt>
                  <dd>{b.howFound}</dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.fields.description')}</dt>
                  <dd>{b.description}</dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.fields.handling')}</dt>
                  <dd>{b.handling}</dd>
                </div>
                <div>
                  <dt>{t('dpo.breaches.fields.contact')}</dt>
                  <dd>{b.contact}</dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="notices-title">
              <h2 id="notices-title">{t('dpo.breaches.detail.notices_title')}</h2>
              <p className="muted">{t('dpo.breaches.detail.notices_lead')}</p>
              <section aria-labelledby="notices-in-id">
                <h3 id="notices-in-id">{t('dpo.breaches.detail.in_id')}</h3>
                <NoticeBlock
                  id="notice-id-subjects"
                  title={t('dpo.breaches.detail.subjects')}
                  notice={b.notices.id.subjects}
                  lang="id"
                />
                <NoticeBlock
                  id="notice-id-authority"
                  title={t('dpo.breaches.detail.authority')}
                  notice={b.notices.id.authority}
                  lang="id"
                />
              </section>
              <section aria-labelledby="notices-in-en">
                <h3 id="notices-in-en">{t('dpo.breaches.detail.in_en')}</h3>
                <NoticeBlock
                  id="notice-en-subjects"
                  title={t('dpo.breaches.detail.subjects')}
                  notice={b.notices.en.subjects}
                  lang="en"
                />
                <NoticeBlock
                  id="notice-en-authority"
                  title={t('dpo.breaches.detail.authority')}
                  notice={b.notices.en.authority}
                  lang="en"
                />
              </section>
            </section>
          </div>
        </>
      )}
    </QueryState>
  );
}
