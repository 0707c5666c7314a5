import { NavLink } from 'react-router';
import { useT } from '../../i18n.js';

/**
 * "Butuh bantuan sekarang" in the header of every page, signed in or out: one tap to the crisis
 * and help contacts.
 */
export function HelpNowLink() {
  const { t } = useT();
  return (
    <NavLink to="/help" className="help-now">
      <span className="help-now__icon" aria-hidden="true" />
      <span className="help-now__text">{t('shell.help_now')}</span>
    </NavLink>
  );
}
