/**
 * A counsellor's profile and weekly hours for the booking tests (docs/decisions/040-booking.md):
 * a clinical psychologist seeing clients by video in 50-minute slots unless a test says otherwise.
 */
export function counsellorProfile(overrides: Partial<ReturnType<typeof baseProfile>> = {}) {
  return { ...baseProfile(), ...overrides };
}

function baseProfile() {
  return {
    kind: 'psikolog_klinis',
    languages: ['id'] as string[],
    modes: ['video'] as string[],
    locations: [] as string[],
    introduction: 'Saya mendampingi pegawai yang sedang menghadapi stres kerja.',
    provider: null as string | null,
    slotMinutes: 50,
    active: true,
  };
}

/** The same hours Monday to Friday, in the counsellor's unit time zone. */
export function weekdayHours(start: string, end: string, modes: readonly string[]) {
  return { rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, modes: [...modes] })) };
}
