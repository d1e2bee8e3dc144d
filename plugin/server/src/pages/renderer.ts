/**
 * The pages' server renderer, built by rollup from the widget's render modules into the plugin's
 * dist/pages (rollup.config.mjs), for every page the plugin serves: the public pages (./serve) and
 * the partner's form (../partners/controller). This file runs from dist/server/src/pages.
 */
import path from 'node:path';
import type { PageRenderer } from '../../../shared/pages';

/** dist/pages: the renderer, the pages' script and their language packs. */
export const BUILT_PAGES = path.join(__dirname, '..', '..', '..', 'pages');

/** The page renderer (loaded once by Node; throws while it is not built). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pageRenderer = (): PageRenderer => require(path.join(BUILT_PAGES, 'render.mjs'));
