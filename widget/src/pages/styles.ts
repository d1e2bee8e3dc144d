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
  /* A partner's form (./partner), as GOV.UK's form components look. */
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .form-group {
    margin-bottom: 1.5em;
  }
  .form-group label {
    display: block;
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  .form-group .hint {
    color: var(--_secondary);
    margin: 0 0 0.25em;
  }
  .form-group input, .form-group textarea, .form-group select {
    box-sizing: border-box;
    width: 100%;
    max-width: 40em;
    padding: 0.25em;
    border: 2px solid var(--_text);
    font: inherit;
  }
  .form-group-error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: 0.75em;
  }
  .form-group-error input, .form-group-error textarea, .form-group-error select {
    border-color: var(--_error);
  }
  .field-error {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 0.25em;
  }
  .error-summary {
    border: 5px solid var(--_error);
    padding: 1em;
    margin-bottom: 1.5em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
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
