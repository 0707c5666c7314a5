/** The instruments module's public surface: the catalogue's labels other modules show. */
export { bandLabelOf } from './instruments.presenter.js';
