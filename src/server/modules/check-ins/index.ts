/** The check-ins module's public surface: the person's own daily check-ins (it owns `check_ins`). */
export { CheckInService, type Submitted } from './check-ins.service.js';
export { InsightsService } from './insights.service.js';
export { openDetails, type CheckInDetails } from './check-ins.presenter.js';
export type { CheckInRow } from './check-ins.repository.js';
