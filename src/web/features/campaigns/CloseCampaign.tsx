import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiMutation } from '../../api/mutation.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useT } from '../../i18n.js';
import { campaignQuery, campaignsQuery, type CampaignView, closeCampaign } from '../../api/campaigns.api.js';

/** Closes an open campaign, after a confirmation that says what closing does. */
export function CloseCampaign({ campaign, onClosed }: { campaign: CampaignView; onClosed?: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const close = useApiMutation((_: void, key) => closeCampaign(campaign.id, key));
  if (campaign.status !== 'open') return null;
  return (
    <>
      <Button
        variant="secondary"
        size="small"
        onClick={() => {
          close.reset();
          setOpen(true);
        }}
      >
        {t('campaigns.close.button')}
        <span className="visually-hidden"> {campaign.title}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title={t('campaigns.close.title', { title: campaign.title })}
        confirmLabel={t('campaigns.close.button')}
        tone="danger"
        busy={close.isPending}
        error={close.error?.message ?? null}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: async () => {
              setOpen(false);
              await queryClient.invalidateQueries({ queryKey: campaignsQuery.queryKey });
              await queryClient.invalidateQueries({ queryKey: campaignQuery(campaign.id).queryKey });
              onClosed?.();
            },
          })
        }
      >
        <p>{t('campaigns.close.body', { k: campaign.anonymityThreshold ?? 5 })}</p>
      </ConfirmDialog>
    </>
  );
}
