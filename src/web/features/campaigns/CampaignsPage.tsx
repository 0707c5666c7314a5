import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useFormat } from '../../lib/use-format.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useInstrumentAbbreviations } from '../../api/instruments.api.js';
import { campaignsQuery, type CampaignView } from '../../api/campaigns.api.js';
import { CloseCampaign } from './CloseCampaign.js';
import './campaigns.css';

export const STATUS_TONE: Record<CampaignView['status'], BadgeTone> = {
  draft: 'neutral',
  open: 'success',
  closed: 'info',
};

/** A date of the campaign (YYYY-MM-DD), shown as a date whatever the viewer's zone. */
export function useCampaignDate() {
  const fmt = useFormat();
  return fmt.day;
}

function CampaignCard({ campaign }: { campaign: CampaignView }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const date = useCampaignDate();
  const abbreviation = useInstrumentAbbreviations(locale);
  const titleId = `campaign-${campaign.id}`;
  return (
    <li className="card campaign-card" aria-labelledby={titleId}>
      <div className="campaign-card__head">
        <h2 id={titleId} className="campaign-card__title">
          {campaign.title}
        </h2>
        <Badge tone={STATUS_TONE[campaign.status]}>{t(`campaigns.status.${campaign.status}`)}</Badge>
      </div>
      <dl className="key-value key-value--rows">
        <div>
          <dt>{t('campaigns.fields.window')}</dt>
          <dd>{t('campaigns.list.window', { from: date(campaign.opensOn), to: date(campaign.closesOn) })}</dd>
        </div>
        <div>
          <dt>{t('campaigns.fields.instruments')}</dt>
          <dd>{campaign.instrumentIds.map(abbreviation).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('campaigns.fields.units')}</dt>
          <dd>{campaign.units.map((u) => u.name).join(', ')}</dd>
        </div>
        {campaign.status !== 'draft' && (
          <div>
            <dt>{t('campaigns.list.invited')}</dt>
            <dd>{fmt.number(campaign.invited)}</dd>
          </div>
        )}
      </dl>
      <div className="button-row">
        {campaign.status === 'draft' ? (
          <Link className="btn btn--primary btn--small" to={`/campaigns/${campaign.id}/edit`}>
            {t('campaigns.list.edit')}
            <span className="visually-hidden"> {campaign.title}</span>
          </Link>
        ) : (
          <Link className="btn btn--primary btn--small" to={`/campaigns/${campaign.id}/stats`}>
            {t('campaigns.list.stats')}
            <span className="visually-hidden"> {campaign.title}</span>
          </Link>
        )}
        <CloseCampaign campaign={campaign} />
      </div>
    </li>
  );
}

/** /campaigns — the wellbeing admin's screening campaigns. */
export function CampaignsPage() {
  const { t } = useT();
  const campaigns = useQuery(campaignsQuery);
  return (
    <>
      <PageHeader
        title={t('campaigns.list.title')}
        lead={t('campaigns.list.lead')}
        actions={
          <Link className="btn btn--primary" to="/campaigns/new">
            {t('campaigns.list.new')}
          </Link>
        }
      />
      <QueryState query={campaigns} skeleton="cards" skeletonLines={4}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('campaigns.list.empty')}>
              <p>{t('campaigns.list.empty_body')}</p>
            </EmptyState>
          ) : (
            <ul className="stack campaign-list">
              {data.items.map((c) => (
                <CampaignCard key={c.id} campaign={c} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
