/** The setup module's public surface; it owns instance_state, the install's own key/value rows. */
export { SetupService } from './setup.service.js';
export {
  hasInstanceState,
  insertInstanceState,
  probePageAllocation,
  writeHeartbeat,
} from './instance-state.repository.js';
