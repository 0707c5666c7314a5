/** The auth module's public surface (docs/decisions/016-module-boundaries.md). */
export { CredentialsService } from './credentials.service.js';
export { SessionService, type SessionPolicy, type SessionStage } from './session.service.js';
export { SignInService, canonicalIdentifier } from './sign-in.service.js';
export { ThrottleService, type ThrottleKey } from './throttle.service.js';
export { TwoFactorService } from './two-factor.service.js';
export { checkNewPassword, hashPassword, identityOf } from './password.service.js';
export { currentTotp } from './totp.js';
export { findCredentials, upsertPasswordHash } from './credentials.repository.js';
