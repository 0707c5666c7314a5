import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LOCALES, type Locale } from '../../../i18n/locales.js';
import { isApiError } from '../../api/client.js';
import { updateProfile } from '../../api/profile.api.js';
import { sessionQuery, useSession } from '../../api/session.js';
import { i18n, setLocaleCookie, useT } from '../../i18n.js';

const NAMES: Record<Locale, string> = { id: 'Indonesia', en: 'English' };

/**
 * Switches the interface language. Signed in, the choice is saved on the profile
 * (updateProfile); signed out, in the teduh_lang cookie the server also reads.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, locale } = useT();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (next: Locale) => {
    if (next === locale || busy) return;
    setError(null);
    if (session && session.stage === 'full') {
      setBusy(true);
      try {
        await updateProfile({ locale: next });
        queryClient.setQueryData(sessionQuery.queryKey, (old) =>
          old ? { ...old, person: { ...old.person, locale: next } } : old,
        );
      } catch (err) {
        setError(isApiError(err) ? err.message : t('common.errors.unexpected'));
        setBusy(false);
        return;
      }
      setBusy(false);
    }
    setLocaleCookie(next);
    await i18n.changeLanguage(next);
  };

  return (
    <div className={`lang-switch ${className ?? ''}`}>
      <div role="group" aria-label={t('shell.language.label')} className="lang-switch__group">
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            lang={l}
            className="lang-switch__option"
            aria-pressed={l === locale}
            disabled={busy}
            onClick={() => void choose(l)}
          >
            {NAMES[l]}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="lang-switch__error">
          {error}
        </p>
      )}
    </div>
  );
}
