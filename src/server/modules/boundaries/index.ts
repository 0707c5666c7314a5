/** The public surface of the boundaries module (docs/boundaries.md). */
export { BoundaryService, type HoldGate } from './boundaries.service.js';
