/**
 * Lit's `html` and `nothing` as the served service-details.js has them (rollup.config.mjs puts
 * this module where ./service-details and its imports say "lit"): the element's own Lit, in
 * widget.js, renders what they make, so readers do not download a second Lit.
 *
 * That holds because both are data, not code. A template result is `{ _$litType$, strings,
 * values }`, which Lit keeps the same across its copies and versions ("_$" names are Lit's
 * cross-version ones) so that templates made by one copy render in another; 1 is an HTML template.
 * `nothing` is a symbol in the global registry. Checked against the Lit the element bundles by
 * test/widget/unit/template-results.test.ts.
 */
export const html = (strings: TemplateStringsArray, ...values: unknown[]) => ({ ['_$litType$']: 1 as const, strings, values });

export const nothing: unique symbol = Symbol.for('lit-nothing') as never;
