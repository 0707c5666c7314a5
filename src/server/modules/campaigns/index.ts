/** The campaigns module's public surface: screening campaigns and their statistics. */
export { CampaignService, type CampaignDeps } from './campaigns.service.js';
