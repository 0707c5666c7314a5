/**
 * "Please contact me": the person picks how a duty counsellor reaches them, and
 * the address must fit the method, or the counsellor cannot call back when it matters.
 */
export const CONTACT_METHODS = ['phone', 'whatsapp', 'email'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;
// Deliberately plain: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether `contact` is a phone number (8–15 digits) for phone/WhatsApp, or an email address for email. */
export function isValidContact(method: ContactMethod, contact: string): boolean {
  const value = contact.trim();
  if (method === 'email') return value.length <= 254 && EMAIL.test(value);
  if (!PHONE_CHARACTERS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}
