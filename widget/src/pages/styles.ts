/**
 * The pages' stylesheet: the element's own styles (../kinship-offer.styles), with its `:host` made
 * the page's root, so a page and the element look the same from one sheet; then the few rules for
 * what only a page has (header, breadcrumbs, language switcher, share and print, footer).
 */
import { styles } from '../kinship-offer.styles';

/** The element's rules for the light DOM: `:host` (and `:host(…)`) become `:root`. */
const elementRules = styles.cssText.replace(/:host\(([^)]*)\)/g, ':root$1').replace(/:host\b/g, ':root');

const pageRules = /* css */ `
  body {
    margin: 0;
    font-family: var(--kinship-offer-font-family, 'GDS Transport', arial, sans-serif);
    font-size: var(--kinship-offer-font-size, 1.1875rem);
    line-height: 1.32;
    color: var(--_text);
    background: #fff;
    overflow-wrap: anywhere;
  }
  .width-container {
    max-width: 960px;
    margin: 0 auto;
    padding: 0 15px;
  }
  .skip-link {
    position: absolute;
    left: -9999em;
    padding: 0.5em 1em;
  }
  .skip-link:focus {
    position: static;
    display: inline-block;
  }
  .page-header {
    border-bottom: 10px solid var(--_accent);
    padding: 0.75em 0;
    margin-bottom: 1em;
  }
  .page-header .council {
    font-weight: 700;
    font-size: 1.25em;
    margin: 0;
  }
  .page-header nav ul, .breadcrumbs ol, .share ul {
    list-style: none;
    padding: 0;
    margin: 0.5em 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  .breadcrumbs {
    font-size: 0.9em;
    margin-bottom: 1em;
  }
  .breadcrumbs li + li::before {
    content: '›';
    margin-inline-end: 0.5em;
    color: var(--_secondary);
  }
  main.root {
    padding-bottom: 2em;
  }
  .page-footer {
    border-top: 1px solid var(--_border);
    padding: 1.5em 0;
    font-size: 0.9em;
    color: var(--_secondary);
  }
  /* A link alone in a list item is a target of its own: 24 px tall at least (WCAG 2.2, 2.5.8). */
  li > a[href] {
    display: inline-block;
    min-height: 24px;
  }
  .share ul {
    gap: 0.5em 1.5em;
  }
  .share-status:empty {
    display: none;
  }
  .qr-code {
    display: none;
  }
  @media print {
    .skip-link, .page-header nav, .breadcrumbs, .share, .page-footer, form {
      display: none !important;
    }
    .page-header {
      border-bottom-width: 2px;
    }
    .qr-code {
      display: flex;
      gap: 1em;
      align-items: center;
      break-inside: avoid;
      margin-top: 1.5em;
    }
    .qr-code svg {
      width: 30mm;
      height: 30mm;
      flex: none;
    }
    /* Closed details print whole without the script too (Chromium 131+, Firefox 138+). */
    details::details-content {
      content-visibility: visible;
    }
  }
`;

export const stylesheet = `${elementRules}${pageRules}`;
