/** The planner module's public surface: the person's own tasks, day plan and weekly reviews. */
export { PlannerService } from './planner.service.js';
