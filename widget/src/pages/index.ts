/**
 * The page bundle's entry (dist/pages/render.mjs in the plugin): the plugin's server loads it
 * through the contract in plugin/shared/pages.ts.
 */
import type { PageRenderer } from '../../../plugin/shared/pages';
import { renderPartnerPage } from './partner';
import { renderPage, usePacks } from './render';
import { stylesheet } from './styles';

export { renderPage, renderPartnerPage, stylesheet, usePacks };

// Holds the bundle to the contract the server loads it by.
({ renderPage, renderPartnerPage, stylesheet, usePacks }) satisfies PageRenderer;
