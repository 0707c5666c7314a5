import { z } from 'zod';
import { ROLES } from '../domain/access/roles.js';
import { MAX_PASSWORD_LENGTH } from '../domain/auth/password-policy.js';
import { idSchema, localeSchema } from './common.js';

export const signInBody = z.object({
  identifier: z.string().trim().min(1, 'required').max(254),
  password: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH, 'password.too_long'),
});
export type SignInBody = z.infer<typeof signInBody>;

export const sessionStage = z.enum(['full', 'two_factor', 'two_factor_setup']);

export const roleGrantView = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

/** What the web app learns about the signed-in person at start-up. */
export const sessionView = z.object({
  stage: sessionStage,
  csrfToken: z.string(),
  person: z.object({
    id: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    nip: z.string().nullable(),
    locale: localeSchema,
    /** The short name the person chose on their profile; null when unset. */
    preferredName: z.string().nullable(),
    /** What Teduh greets them by: preferredName, else the first word of fullName without titles. */
    greetingName: z.string(),
    /** Their own phone from the agency's records, to prefill "please contact me". */
    phone: z.string().nullable(),
  }),
  roles: z.array(z.enum(ROLES)),
  grants: z.array(roleGrantView),
  agency: z.object({ id: z.string(), name: z.string(), shortName: z.string(), timeZone: z.string() }),
  unit: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
});
export type SessionView = z.infer<typeof sessionView>;

/**
 * The answer of the session probe to a browser nobody is signed in on: an ordinary state, not an
 * error, so that the sign-in page loads without a 401 in the browser's console.
 */
export const signedOutView = z.object({ stage: z.literal('signed_out') });
export const sessionProbeView = z.union([sessionView, signedOutView]);
export type SessionProbeView = z.infer<typeof sessionProbeView>;

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'totp_code');

export const twoFactorVerifyBody = z.union([
  z.object({ code: totpCode }),
  z.object({ recoveryCode: z.string().trim().min(8, 'invalid_format').max(20) }),
]);

export const twoFactorEnrolment = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});

export const twoFactorEnableBody = z.object({ code: totpCode });

export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });

/** A new password; the policy (length, common list, identity) is checked by the service. */
export const newPasswordBody = z.object({
  password: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH, 'password.too_long'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH, 'password.too_long'),
});

export const passwordConfirmBody = z.object({
  password: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH),
});

export const resetRequestBody = z.object({
  identifier: z.string().trim().min(1, 'required').max(254),
});

export const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const tokenInfo = z.object({
  fullName: z.string(),
  agencyName: z.string(),
  /** The person will be asked to set up two-factor right after choosing a password. */
  twoFactorRequired: z.boolean(),
  expiresAt: z.string(),
});

export const sessionListItem = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const sessionIdParams = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'invalid_id') });

export const signInResult = z.object({ stage: sessionStage });

/**
 * Where an invitation went. Without SMTP the email is held, and `link` is given to the inviter to
 * pass on in person (the same link the held email holds); with SMTP it is null.
 */
/** Where an invitation went; never its link (decision 011). `viaOutbox`: held, no SMTP to send it. */
export const invitationSent = z.object({ sentTo: z.string(), expiresAt: z.string(), viaOutbox: z.boolean() });

export { idSchema };
