/**
 * GOV.UK's collapsible filters, on small screens: what the "Show filters" button (render/finder.ts)
 * does when pressed, in the element and on the public pages alike. Its state is its own
 * aria-expanded, nothing else: the style sheet (../kinship-offer.styles) shows the choices that
 * follow it, and its "Show" or "Hide" words, from that attribute. Focus stays on the button.
 * Without Lit, so the pages' small script (../pages/enhance) carries only this.
 */
export const toggleFilters = (event: Event) => {
  const button = event.currentTarget as HTMLButtonElement;
  button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') != 'true'));
};
