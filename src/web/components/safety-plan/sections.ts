import type { SafetyPlanSection } from '../../../contracts/safety-plan.js';

/** The i18n key of each section (src/i18n/*\/safety-plan.ts, `sections.*`). */
export const SECTION_KEYS = {
  warningSigns: 'warning_signs',
  copingStrategies: 'coping_strategies',
  distractions: 'distractions',
  helpers: 'helpers',
  professionals: 'professionals',
  safeEnvironment: 'safe_environment',
  reasonsForLiving: 'reasons_for_living',
} as const satisfies Record<SafetyPlanSection, string>;
