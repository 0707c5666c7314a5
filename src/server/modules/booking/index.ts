/**
 * The booking module's public surface: counsellor profiles, availability and appointments
 * (docs/decisions/040-booking.md). It owns `counsellor_profiles`, `counsellor_availability`,
 * `counsellor_exceptions` and `appointments`.
 */
export { BookingService } from './booking.service.js';
