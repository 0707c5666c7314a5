import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { searchPeople, type PersonOption } from '../api/committee.api.js';
import { Button } from './Button.js';
import { TextField } from './fields.js';
import { useT } from '../i18n.js';

/**
 * Chooses an active employee of the agency from the directory (name, NIP or email), for committee
 * members, facilitators and named focus-group invitees. Results come from the wellbeing admin's
 * search route, at most 20.
 */
export function PersonPicker({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: PersonOption | null;
  onChange: (person: PersonOption | null) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const term = q.trim();
  const results = useQuery({
    queryKey: ['committee', 'people', term],
    queryFn: ({ signal }) => searchPeople(term, signal),
    enabled: term.length >= 2 && value === null,
  });
  if (value)
    return (
      <div className="field" id={id}>
        <p className="field__label">{label}</p>
        <p>
          {t('committee.manage.chosen', { name: value.name, unit: value.unitName })}{' '}
          <Button variant="quiet" size="small" type="button" onClick={() => onChange(null)}>
            {t('committee.manage.change_person')}
          </Button>
        </p>
      </div>
    );
  return (
    <div>
      <TextField
        id={id}
        type="search"
        label={label}
        hint={t('committee.manage.search_hint')}
        placeholder={t('committee.manage.search')}
        value={q}
        onChange={setQ}
        error={error}
        autoComplete="off"
      />
      {term.length >= 2 && (
        <div aria-live="polite">
          {results.isLoading ? (
            <p className="muted small">{t('committee.manage.searching')}</p>
          ) : (results.data?.items.length ?? 0) === 0 ? (
            <p className="muted small">{t('committee.manage.no_results')}</p>
          ) : (
            <ul className="person-results">
              {results.data?.items.map((p) => (
                <li key={p.id}>
                  <Button
                    variant="secondary"
                    size="small"
                    type="button"
                    onClick={() => {
                      // A new search starts empty once someone is chosen (or the choice is undone).
                      setQ('');
                      onChange(p);
                    }}
                  >
                    {t('committee.manage.choose', { name: `${p.name} · ${p.unitName}` })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
