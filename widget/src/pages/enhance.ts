/**
 * The public pages' script: what a page gains where JavaScript runs (pages are complete without
 * it). Served as <base>/assets/pages.js, an external file, so a Content-Security-Policy without
 * inline scripts allows it.
 *
 * - Print: every service's details open while printing, as the element prints them, and as
 *   they were afterwards.
 */
const reopened = new Set<HTMLDetailsElement>();
addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
    details.open = true;
    reopened.add(details);
  }
});
addEventListener('afterprint', () => {
  for (const details of reopened) details.open = false;
  reopened.clear();
});
