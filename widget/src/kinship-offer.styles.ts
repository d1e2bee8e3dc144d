import { unsafeCSS } from 'lit';

/**
 * A style sheet with nothing interpolated into it, as Lit's `css` tag makes one. The tag itself
 * checks each value interpolated into it; this sheet has none, and it is the bundle's only
 * sheet, so the tag's code would ship for nothing (about 150 bytes of the gzipped bundle).
 * `unsafeCSS` is Lit's name for text that is not a `css` literal; this text is a constant, so
 * nothing unsafe reaches it. "CSS" in the tag's name is what the build minifies it by
 * (rollup.config.mjs), as it does Lit's `css`.
 */
const constantCSS = ([text]: TemplateStringsArray) => unsafeCSS(text);

/**
 * The default look follows GOV.UK Frontend (type scale, links, the yellow focus state), because
 * most council sites do; the custom properties fall back to GOV.UK's own where the host has them.
 * Page styles cannot reach inside the shadow root, but inherited ones (text-transform, letter
 * spacing, even from `* { … !important }`) would flow in through the host element: .root starts
 * again from `all: initial`. Sizes never come from the page either: `rem` is the page's root size,
 * which many sites set to 10px (`html { font-size: 62.5% }`). .root is `medium` (the reader's own
 * default size, 16px unless they chose larger; zoom scales it as it does everything), and every
 * size inside is in `em` from there. What a host can change is the custom properties, the parts
 * and the host element's own box (margin, width).
 */
export const styles = constantCSS`
  :host {
    display: block;
    --_text: var(--kinship-offer-text-colour, var(--govuk-text-colour, #0b0c0c));
    --_secondary: var(--kinship-offer-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
    --_link: var(--kinship-offer-link-colour, var(--govuk-link-colour, #1a65a6));
    --_focus: var(--kinship-offer-focus-colour, var(--govuk-focus-colour, #ffdd00));
    --_focus-text: var(--kinship-offer-focus-text-colour, var(--govuk-focus-text-colour, #0b0c0c));
    --_border: var(--kinship-offer-border-colour, var(--govuk-border-colour, #cecece));
    --_accent: var(--kinship-offer-accent-colour, var(--govuk-brand-colour, #1d70b8));
    --_panel: var(--kinship-offer-panel-background, #f3f2f1);
    --_background: var(--kinship-offer-background, transparent);
    --_error: var(--kinship-offer-error-colour, var(--govuk-error-colour, #ca3535));
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    all: initial;
    display: block;
    font-family: var(--kinship-offer-font-family, 'GDS Transport', arial, sans-serif);
    font-size: medium;
    line-height: 1.32;
    color: var(--_text);
    background: var(--_background);
    /* A long e-mail address or URL breaks anywhere rather than widen a 320 px page (WCAG 1.4.10);
       break-word would not shrink boxes that size to their content (summary, flex labels). */
    overflow-wrap: anywhere;
  }
  * {
    box-sizing: border-box;
  }
  /* GOV.UK's body size, 19px of the default 16: on .root's children, so em is the reader's medium
     (a heading's own size, being more specific, still applies to it). */
  :where(.root) > * {
    font-size: var(--kinship-offer-font-size, 1.1875em);
  }
  .loading {
    min-height: var(--kinship-offer-loading-height, 20em);
  }
  h1, h2, h3, h4, h5, h6, .rich-heading {
    font-weight: 700;
    margin: 1.5em 0 0.5em;
    line-height: 1.2;
  }
  h1 { font-size: 2.25em; }
  h2 { font-size: 1.6em; }
  h3 { font-size: 1.25em; }
  h4, h5, h6 { font-size: 1em; }
  .first {
    margin-top: 0;
  }
  p, ul, ol, dl, blockquote, details, fieldset {
    margin: 0 0 1em;
  }
  ul, ol {
    padding-inline-start: 1.25em;
  }
  blockquote {
    border-inline-start: 5px solid var(--_border);
    padding-inline-start: 1em;
  }
  a {
    color: var(--_link);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: max(3px, 0.1875em);
  }
  a:focus-visible, summary:focus-visible {
    outline: 3px solid transparent;
    color: var(--_focus-text);
    background-color: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }
  button, input, textarea {
    font: inherit;
    color: inherit;
  }
  input:focus-visible, button:focus-visible, textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  .panel {
    border-inline-start: 10px solid var(--_accent);
    background: var(--_panel);
    padding: 1em 1.25em;
    margin: 0 0 1.5em;
  }
  .panel > :last-child {
    margin-bottom: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.5em;
    font-weight: 700;
    font-size: 1.25em;
  }
  .hint {
    color: var(--_secondary);
    margin-bottom: 0.75em;
  }
  .choice {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    margin-bottom: 0.5em;
  }
  .choice input {
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
    flex: none;
    accent-color: var(--_text);
  }
  .choice label {
    cursor: pointer;
  }
  .search input, textarea {
    display: block;
    width: 100%;
    max-width: 30em;
    min-height: 2.5em;
    padding: 0.3em;
    border: 2px solid var(--_text);
    border-radius: 0;
    background: #fff;
  }
  .feedback {
    margin: 1.5em 0 0;
  }
  .feedback button {
    margin: 0.25em 0.5em 0.5em 0;
  }
  .feedback label, .question, .search label {
    display: block;
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  .languages {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    margin-bottom: 1em;
  }
  .languages .current {
    font-weight: 700;
    padding: 0.4em 0;
  }
  button.link {
    background: none;
    box-shadow: none;
    color: var(--_link);
    text-decoration: underline;
    padding: 0.4em 0;
  }
  button {
    cursor: pointer;
    background: var(--kinship-offer-button-colour, var(--govuk-button-background-colour, #00703c));
    color: var(--kinship-offer-button-text-colour, #fff);
    border: 2px solid transparent;
    border-radius: 0;
    box-shadow: 0 2px 0 #002d18;
    padding: 0.4em 0.7em;
    margin: 0 0 1em;
  }
  button.secondary {
    background: #f3f2f1;
    color: #0b0c0c;
    box-shadow: 0 2px 0 #929191;
  }
  /* GOV.UK's collapsible filters (render/finder.ts): the button's aria-expanded is the state. */
  .filters-toggle, [aria-expanded=true] .when-closed, [aria-expanded=false] .when-open {
    display: none;
  }
  @media (max-width: 640.98px) {
    .filters-toggle:not([hidden]) {
      display: inline-block;
    }
    .filters-toggle[aria-expanded=false]:not([hidden]) + .filters {
      display: none;
    }
    /* GOV.UK Frontend's headings on small screens (heading-l 24px, heading-m 18px, of the 19px body). */
    h2 { font-size: 1.26em; }
    h3 { font-size: 1em; }
    /* The named contact, each fact starting beside its name: shorter, on a phone's first screen. */
    .contact dt {
      float: inline-start;
      clear: both;
      margin-inline-end: 0.5em;
    }
    .contact dd {
      margin: 0 0 0.25em;
    }
  }
  .services {
    list-style: none;
    padding: 0;
  }
  .service {
    border-top: 1px solid var(--_border);
    padding: 1em 0 0.5em;
  }
  .service > :first-child {
    margin-top: 0;
  }
  .alert {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: 0.75em;
    font-weight: 700;
  }
  summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    display: inline-block;
  }
  details[open] > .details {
    border-inline-start: 5px solid var(--_border);
    padding: 0.75em 0 0 1em;
    margin-top: 0.5em;
  }
  dt, .status {
    font-weight: 700;
  }
  dd {
    margin: 0 0 0.75em;
  }
  .meta {
    color: var(--_secondary);
    font-size: 0.9em;
  }
  .error {
    border: 5px solid var(--_error);
    padding: 1em;
    margin: 0 0 1em;
  }
  /* On paper: every link's address (a reader cannot follow "Apply or refer online" there) and a
     compact layout (each service's facts in two columns; the "More about" toggle, a control, left out). */
  @media print {
    .root {
      color: #000;
    }
    :where(.root) > * {
      font-size: 11pt;
    }
    .no-print, button, summary {
      display: none !important;
    }
    a:not(.bare)::after {
      content: ' (' attr(href) ')';
    }
    h2 { font-size: 1.4em; }
    h1, h2, h3, h4, h5, h6 {
      margin: 1em 0 0.3em;
      break-after: avoid;
    }
    p, ul, ol, dl, details, .panel {
      margin-bottom: 0.5em;
    }
    .service {
      padding: 0.5em 0 0;
    }
    details[open] > .details {
      border: 0;
      padding: 0;
      margin: 0;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(6em, max-content) 1fr;
      gap: 0 1em;
    }
    dd {
      margin: 0 0 0.25em;
    }
  }
`;
