/** The articles module's public surface: the psycho-education library (it owns `agency_articles`). */
export { ArticleService } from './articles.service.js';
