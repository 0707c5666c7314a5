/**
 * The referrals module's public surface: referral letters on the BPJS path
 * (docs/decisions/044-referrals.md). It owns `referrals`.
 */
export { ReferralService } from './referrals.service.js';
