/**
 * Whether this build renders the public pages as well as the element: true in the page renderer
 * and in tests. The element's build (rollup.config.mjs, elementOnly) makes it false, so what only a
 * page shows (the finder's GET form, links to services' own pages) stays out of widget.js.
 */
export const RENDERS_PAGES: boolean = true;
