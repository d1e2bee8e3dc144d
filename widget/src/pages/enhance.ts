/**
 * The public pages' script: what a page gains where JavaScript runs (pages are complete without
 * it). Served as <base>/assets/pages.js, an external file, so a Content-Security-Policy without
 * inline scripts allows it.
 *
 * - Share: "Copy link" copies the page's address and says so in the share box's status.
 * - Print: a "Print this page" button; while printing, every service's details are open, as the
 *   element prints them, and as they were afterwards.
 * - Filters: on a small screen, the choices fold behind "Show filters", as in the element
 *   (../render/finder renders the button hidden, for pages without JavaScript).
 */
import { toggleFilters } from '../render/filters-toggle';

for (const button of document.querySelectorAll<HTMLButtonElement>('button.filters-toggle')) {
  button.hidden = false;
  button.addEventListener('click', toggleFilters);
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy], button[data-print]')) {
  if (button.dataset.copy !== undefined && !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    if (button.dataset.copy === undefined) return print();
    const status = button.closest('.share')?.querySelector<HTMLElement>('[data-copied]');
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      if (status) status.textContent = status.dataset.copied ?? '';
    } catch {
      // Refused (no permission, not a secure context): the address is in the browser's bar and in the e-mail and text links.
    }
  });
}

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
