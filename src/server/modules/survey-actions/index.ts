/** The survey-actions module's public surface: publication of survey results to staff, and action plans. */
import type { SurveyActionDeps } from './survey-publications.service.js';
import { SurveyActionService } from './survey-actions.service.js';
import { SurveyPublicationService } from './survey-publications.service.js';
import { PublicationMessenger, type PublicationMessengerDeps } from './publication-messages.js';
import { SurveyFollowUp } from './survey-follow-up.service.js';
import type { JobRunner } from '../jobs/index.js';

export { registerSurveyActionRoutes } from './survey-actions.routes.js';
export { SURVEY_PUBLISHED_JOB } from './publication-messages.js';

/** Both services over one set of dependencies, and the messenger's job. */
export class SurveyActionsModule {
  readonly publications: SurveyPublicationService;
  readonly actions: SurveyActionService;
  readonly followUp: SurveyFollowUp;
  private readonly messenger: PublicationMessenger;

  constructor(deps: Omit<SurveyActionDeps, 'messenger'> & PublicationMessengerDeps) {
    this.messenger = new PublicationMessenger(deps);
    this.publications = new SurveyPublicationService({ ...deps, messenger: this.messenger });
    this.actions = new SurveyActionService({ ...deps, messenger: this.messenger });
    this.followUp = new SurveyFollowUp(deps);
  }

  registerJobs(runner: JobRunner): void {
    this.messenger.registerJobs(runner);
  }
}
