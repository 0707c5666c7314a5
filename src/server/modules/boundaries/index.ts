/** The public surface of the boundaries module (docs/boundaries.md). */
export { BoundaryService, type HoldGate } from './boundaries.service.js';
export type { BoundaryPolicy } from '../../../domain/boundaries/delivery.js';
