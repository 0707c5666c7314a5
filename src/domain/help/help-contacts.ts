/**
 * Crisis and help contacts (docs/instruments.md §16). Every agency starts with the national ones below and
 * adds its own duty counsellor, clinic and nearest emergency department. Hours are shown with
 * every number. Verify before each release: these are data, not code, and agencies edit them.
 */
export const HELP_CONTACT_KINDS = ['crisis_line', 'emergency', 'counselling', 'clinic', 'hospital', 'other'] as const;
export type HelpContactKind = (typeof HELP_CONTACT_KINDS)[number];

export const HELP_CONTACT_PRESETS = [
  'healing119',
  'kemenkes_119_8',
  'emergency_112',
  'ambulance_119',
  'hospital_ed',
] as const;
export type HelpContactPreset = (typeof HELP_CONTACT_PRESETS)[number];

export interface DefaultHelpContact {
  preset: HelpContactPreset;
  kind: HelpContactKind;
  /** Dialled as is (tel: link); an extension is said in the description. */
  phone: string | null;
  url: string | null;
  /** A key of the help.presets.<preset>.hours message; stored so the row is complete on its own. */
  hours: string;
}

export const DEFAULT_HELP_CONTACTS: readonly DefaultHelpContact[] = [
  // 24-hour emergency numbers first: someone in danger needs these before anything else.
  { preset: 'emergency_112', kind: 'emergency', phone: '112', url: null, hours: '24/7' },
  { preset: 'ambulance_119', kind: 'emergency', phone: '119', url: null, hours: '24/7' },
  // Kemenkes: psychological first aid online, and the mental-health line (office hours, may queue).
  { preset: 'healing119', kind: 'crisis_line', phone: null, url: 'https://healing119.id', hours: 'online' },
  { preset: 'kemenkes_119_8', kind: 'crisis_line', phone: '119', url: null, hours: 'office_hours' },
  { preset: 'hospital_ed', kind: 'hospital', phone: null, url: null, hours: '24/7' },
];

/** A tel: link for a number as people write it ("0274 123 456", "+62 812-…"). */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * A contact must be reachable: a phone number or a website, except a hospital, which people find
 * by its address. The contract checks a new contact with it; the server checks a changed one
 * after merging the change into what is stored.
 */
export function isReachableContact(c: { kind: string; phone?: string | null; url?: string | null }): boolean {
  return Boolean(c.phone) || Boolean(c.url) || c.kind === 'hospital';
}
