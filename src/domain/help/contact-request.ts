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

/**
 * A number as the agency stores it ("+6285220998174") the way people in Indonesia write it
 * ("0852 2099 8174"): the form starts from it, and the person recognises their own number. Anything
 * that is not an Indonesian mobile or landline number in international form is left as it is.
 */
export function localPhone(phone: string): string {
  const international = /^\+62(\d{8,13})$/.exec(phone.replace(/[\s().-]/g, ''));
  if (!international) return phone;
  const local = `0${international[1]}`;
  // Mobile numbers (08…) are written in groups of four; a landline keeps its digits together.
  return local.startsWith('08') ? local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1 $2 $3') : local;
}
