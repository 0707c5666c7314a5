import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../Alert.js';
import { useT } from '../../i18n.js';
import { myDataQuery } from '../../api/my-data.api.js';

/**
 * Said before a self-check when the person withdrew consent to keep results on My data: the
 * answers will not be kept (the server refuses them) until they give it again there.
 */
export function StoringWithdrawnNotice() {
  const { t } = useT();
  const overview = useQuery(myDataQuery);
  const store = overview.data?.purposes.find((p) => p.purpose === 'store_results');
  if (!store || store.active) return null;
  return (
    <Alert tone="warning" live={false} title={t('my_data.notice.title')}>
      <p>{t('my_data.notice.body')}</p>
      <p>
        <Link to="/me/data">{t('my_data.notice.link')}</Link>
      </p>
    </Alert>
  );
}
