import { z } from 'zod';
import { HELP_CONTACT_KINDS, HELP_CONTACT_PRESETS, isReachableContact } from '../domain/help/help-contacts.js';
import { CONTACT_METHODS, isValidContact } from '../domain/help/contact-request.js';
import { idSchema, optionalText, requiredText } from './common.js';

/**
 * Help and the crisis pathway: the agency's contacts, "please contact me", and
 * the counsellors' urgent queue.
 */

export const helpContactView = z.object({
  id: z.string(),
  kind: z.enum(HELP_CONTACT_KINDS),
  preset: z.enum(HELP_CONTACT_PRESETS).nullable(),
  /** In the reader's language for presets; as the agency wrote it otherwise. */
  name: z.string(),
  description: z.string().nullable(),
  phone: z.string().nullable(),
  /** tel: link for the phone number, ready for one tap. */
  telHref: z.string().nullable(),
  url: z.string().nullable(),
  hours: z.string(),
  isActive: z.boolean(),
  sortOrder: z.number().int(),
});
export type HelpContactView = z.infer<typeof helpContactView>;

/** Public: signed-out visitors get the national defaults, signed-in people their agency's list. */
export const helpContactList = z.object({
  items: z.array(helpContactView),
  /** Whether the person may ask a duty counsellor to contact them (signed in, and a counsellor's grant covers their unit). */
  canRequestContact: z.boolean(),
});

/** The fields an agency admin edits; shared by create (with defaults) and patch (all optional). */
const helpContactFields = {
  kind: z.enum(HELP_CONTACT_KINDS),
  name: requiredText(200),
  description: optionalText(500),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[\d\s+()-]*$/, 'phone')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  url: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, message: 'invalid_format' })])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  hours: requiredText(200),
  sortOrder: z.number().int().min(0).max(1000),
  isActive: z.boolean(),
};

export const helpContactBody = z
  .object({
    ...helpContactFields,
    sortOrder: helpContactFields.sortOrder.default(0),
    isActive: helpContactFields.isActive.default(true),
  })
  .refine(isReachableContact, {
    message: 'help.contact_needs_phone_or_url',
    path: ['phone'],
  });

/**
 * PATCH: only the fields sent change (no defaults), so moving or switching off a national preset
 * keeps its catalogue texts. The phone-or-URL rule is checked on the merged contact by the server.
 */
export const helpContactPatchBody = z.object(helpContactFields).partial();

export const helpContactParams = z.object({ id: idSchema });

/** Outreach setting: when on, a crisis answer is told to the duty counsellors, and the consent text says so. */
export const outreachSettingBody = z.object({ disclosedSafetyOutreach: z.boolean() });
export const outreachSettingView = z.object({ disclosedSafetyOutreach: z.boolean(), consentVersion: z.string() });

/* ----------------------------------------------------- please contact me */

export { CONTACT_METHODS };

const contactRequestFields = {
  method: z.enum(CONTACT_METHODS),
  /** A phone number (phone, WhatsApp) or an email address, whichever the method needs. */
  contact: z.string().trim().min(3, 'required').max(200),
  preferredTime: z.string().trim().max(200).optional(),
  note: z.string().trim().max(1000).optional(),
};

/** The one place the contact rule meets a request: the web form and both routes use it. */
function checkContact(value: { method: (typeof CONTACT_METHODS)[number]; contact: string }, ctx: z.RefinementCtx) {
  if (isValidContact(value.method, value.contact)) return;
  ctx.addIssue({ code: 'custom', path: ['contact'], message: value.method === 'email' ? 'invalid_email' : 'phone' });
}

/** "Please contact me": how the person wants a duty counsellor to reach them. */
export const contactRequestBody = z.object(contactRequestFields).superRefine(checkContact);
export type ContactRequestBody = z.infer<typeof contactRequestBody>;

/** "Please contact me" from the help button on any page (not tied to a result). */
export const helpRequestBody = z
  .object({
    ...contactRequestFields,
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'invalid_format'),
  })
  .superRefine(checkContact);
export const helpRequestCreated = z.object({ id: z.string(), createdAt: z.string() });

/** One of the person's own requests for help, as their home shows it: where it stands, never its contact. */
export const ownHelpRequestView = z.object({
  id: z.string(),
  source: z.enum(['assessment', 'help_button']),
  /** open: received; acknowledged: a counsellor is on it; closed: done. */
  status: z.enum(['open', 'acknowledged', 'closed']),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const ownHelpRequestList = z.object({ items: z.array(ownHelpRequestView) });
export type OwnHelpRequestList = z.infer<typeof ownHelpRequestList>;
