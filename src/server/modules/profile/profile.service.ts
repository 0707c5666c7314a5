import type { Locale } from '../../../i18n/locales.js';
import type { PeopleService } from '../org/index.js';

/**
 * The signed-in person's own profile: their language. The person's record belongs to the org
 * module, so the change goes through its service (docs/decisions/016-module-boundaries.md).
 */
export class ProfileService {
  constructor(private readonly deps: { people: Pick<PeopleService, 'setOwnLocale'> }) {}

  async setLocale(person: { id: string; agencyId: string }, locale: Locale): Promise<void> {
    await this.deps.people.setOwnLocale(person.agencyId, person.id, locale);
  }
}
